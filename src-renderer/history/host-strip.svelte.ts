/**
 * A host's ground over time, for its history strip: what the core remembers of the host (fetched once
 * when the street is shown, and again after a reconnect) continued by the split each frame gives
 * exactly (dedicated / shared / host). Only the last 15 minutes are kept: the strip shows no more.
 *
 * Every frame's split is kept, but the strip is handed a new series at most every REDRAW_MS: a pixel of
 * a full strip is about 3 s, the bar beside it shows the present every frame, and redrawing the strip's
 * paths with each frame would cost every frame of a busy map for nothing the eye sees.
 */
import type { Host } from '../../src-main/contract';
import { hostHistoryKey } from '../../src-main/shared/history-keys';
import { appendRecent, RECENT_SPAN_MS } from './append';
import { joinStrip, liveStripPoint, storedStripPoint, type StripPoint, type StripResource } from './ground-strip';
import type { HistoryFeed } from './history-feed.svelte';

export const REDRAW_MS = 4000;

type Series = Readonly<Record<StripResource, readonly StripPoint[]>>;

export class HostStrip {
  /** The points taken from frames, per resource, as last handed to the strip. */
  live = $state.raw<Series>({ cpu: [], memory: [] });

  readonly #feed: HistoryFeed;
  #key: string | null = null;
  /** Every frame's point, ahead of `live` by less than REDRAW_MS. */
  #kept: Series = { cpu: [], memory: [] };

  constructor(feed: HistoryFeed) {
    this.#feed = feed;
  }

  /** Fetches the host's history (at first, for another host, after a reconnect). */
  async load(hostId: string): Promise<void> {
    const key = hostHistoryKey(hostId);
    if (key !== this.#key) {
      this.#key = key;
      this.#kept = { cpu: [], memory: [] };
      this.live = this.#kept;
    }
    await this.#feed.load(key);
  }

  /** A frame's split, at the world's time; nothing when closer than `minGap` to the last point. */
  follow(host: Host, at: number, minGap: number): void {
    const kept = this.#kept;
    const cpu = appendRecent(kept.cpu, liveStripPoint(host.accounting.cpu, at), minGap, RECENT_SPAN_MS);
    if (cpu === kept.cpu) return;
    this.#kept = { cpu, memory: appendRecent(kept.memory, liveStripPoint(host.accounting.memory, at), minGap, RECENT_SPAN_MS) };
    const shown = this.live.cpu.at(-1)?.t;
    // The first points at once (a new strip fills from its first frames), then every REDRAW_MS.
    if (shown === undefined || this.live.cpu.length < 3 || at - shown >= REDRAW_MS) this.live = this.#kept;
  }

  /** The strip's points for one resource, oldest first; the stored ones with dedicated as it is now. */
  points(resource: StripResource, dedicatedNow: number): StripPoint[] {
    const stored = this.#feed.recent.map((p) => storedStripPoint(p, resource, dedicatedNow));
    return joinStrip(stored, this.live[resource]);
  }
}
