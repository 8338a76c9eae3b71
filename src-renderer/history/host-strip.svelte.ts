/**
 * A host's ground over time, for its history strip: what the core remembers of the host (fetched once
 * when the street is shown, and again after a reconnect) continued by the split each frame gives
 * exactly (dedicated / shared / host). Only the last 15 minutes are kept: the strip shows no more.
 */
import type { Host } from '../../src-main/contract';
import { hostHistoryKey } from '../../src-main/shared/history-keys';
import { appendRecent, RECENT_SPAN_MS } from './append';
import { joinStrip, liveStripPoint, storedStripPoint, type StripPoint, type StripResource } from './ground-strip';
import type { HistoryFeed } from './history-feed.svelte';

export class HostStrip {
  /** The points taken from frames, per resource. */
  live = $state.raw<Readonly<Record<StripResource, readonly StripPoint[]>>>({ cpu: [], memory: [] });

  readonly #feed: HistoryFeed;
  #key: string | null = null;

  constructor(feed: HistoryFeed) {
    this.#feed = feed;
  }

  /** Fetches the host's history (at first, for another host, after a reconnect). */
  async load(hostId: string): Promise<void> {
    const key = hostHistoryKey(hostId);
    if (key !== this.#key) {
      this.#key = key;
      this.live = { cpu: [], memory: [] };
    }
    await this.#feed.load(key);
  }

  /** A frame's split, at the world's time; nothing when closer than `minGap` to the last point. */
  follow(host: Host, at: number, minGap: number): void {
    const cpu = appendRecent(this.live.cpu, liveStripPoint(host.accounting.cpu, at), minGap, RECENT_SPAN_MS);
    if (cpu === this.live.cpu) return;
    this.live = { cpu, memory: appendRecent(this.live.memory, liveStripPoint(host.accounting.memory, at), minGap, RECENT_SPAN_MS) };
  }

  /** The strip's points for one resource, oldest first; the stored ones with dedicated as it is now. */
  points(resource: StripResource, dedicatedNow: number): StripPoint[] {
    const stored = this.#feed.recent.map((p) => storedStripPoint(p, resource, dedicatedNow));
    return joinStrip(stored, this.live[resource]);
  }
}
