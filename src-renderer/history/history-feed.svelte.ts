/**
 * One tenant's or host's whole history (the last 15 minutes and the last 24 hours), as a panel or a
 * street's ground strip shows it: fetched once when shown (`load`, and again after a reconnect), then
 * continued from the frames already received (`follow`) — never fetched again every second. Points
 * that arrive while the answer is on its way are folded in after it.
 */
import type { Bridge, HistoryBucket, HistoryPoint, TenantHistory } from '../../src-main/contract';
import { appendDay, appendRecent } from './append';

export class HistoryFeed {
  recent = $state.raw<readonly HistoryPoint[]>([]);
  day = $state.raw<readonly HistoryBucket[]>([]);
  /** When the core first saw figures for it; null before the first (or before the answer). */
  since = $state<number | null>(null);
  /** The answer has come (or failed: then the frames alone fill it). */
  loaded = $state(false);

  readonly #bridge: Bridge;
  #key: string | null = null;
  #generation = 0;
  /** Points followed while a load is on its way. */
  #waiting: HistoryPoint[] | null = null;
  #minGap = 1000;

  constructor(bridge: Bridge) {
    this.#bridge = bridge;
  }

  /** Starts over for `key`: fetches its history and follows the frames from now on. */
  async load(key: string): Promise<void> {
    const generation = ++this.#generation;
    if (key !== this.#key) {
      this.#key = key;
      this.recent = [];
      this.day = [];
      this.since = null;
      this.loaded = false;
    }
    this.#waiting = [];
    let answer: TenantHistory | null = null;
    try {
      answer = await this.#bridge.invoke('history:get', { key });
    } catch {
      // Shown from the frames alone; a reconnect loads again.
    }
    if (generation !== this.#generation) return;
    const waiting = this.#waiting;
    this.#waiting = null;
    if (answer !== null) {
      this.since = answer.since;
      this.recent = answer.recent;
      this.day = answer.day;
    }
    this.loaded = true;
    const answeredTo = answer?.recent.at(-1)?.t ?? answer?.day.at(-1)?.t ?? Number.NEGATIVE_INFINITY;
    for (const p of waiting) if (p.t > answeredTo) this.#append(p);
  }

  /** A frame's point for this key (null: no figures in it). */
  follow(point: HistoryPoint | null, minGap: number): void {
    this.#minGap = minGap;
    if (point === null) return;
    if (this.#waiting !== null) this.#waiting.push(point);
    else this.#append(point);
  }

  #append(p: HistoryPoint): void {
    const recent = appendRecent(this.recent, p, this.#minGap);
    if (recent === this.recent) return;
    this.recent = recent;
    this.day = appendDay(this.day, p);
    this.since ??= p.t;
  }
}
