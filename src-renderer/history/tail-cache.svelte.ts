/**
 * The last few points of many tenants' CPU history, for the small sparklines (the table's rows, the
 * tooltip). Keys are asked for as they are shown (`want`); the ones not held yet are fetched together
 * in one `history:tails` request (batched, one request in flight at a time, a bounded number of keys
 * per request so a message stays well under browser mode's 64 KiB), then kept up to date from the
 * frames (`follow`) instead of being fetched again. The least recently wanted are forgotten past
 * `maxKeys`; everything is forgotten after a reconnect (the core may have restarted) and fetched again
 * as it is wanted.
 */
import type { Bridge, HistoryPoint, World } from '../../src-main/contract';
import { appendRecent } from './append';
import { minGapMs } from './points';
import { eachWantedPoint } from './world-points';

export const TAIL_POINTS = 40;
/** Keys per request: a key is at most a couple of hundred characters. */
export const KEYS_PER_REQUEST = 150;

export class TailCache {
  /** Bumped whenever any tail changes: readers of `get` follow it. */
  version = $state(0);

  readonly #bridge: Bridge;
  readonly #points: number;
  readonly #maxKeys: number;
  /** Tails held, least recently wanted first. Plain on purpose: `version` tells readers when to look again. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #tails = new Map<string, readonly HistoryPoint[]>();
  /** Wanted and not held yet (nobody reads it reactively). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #pending = new Set<string>();
  #requesting = false;
  #scheduled = false;
  /** Bumped on reset, so an answer to a request made before it is dropped. */
  #generation = 0;
  #minGap = 1000;

  constructor(bridge: Bridge, options: { points?: number; maxKeys?: number } = {}) {
    this.#bridge = bridge;
    this.#points = options.points ?? TAIL_POINTS;
    this.#maxKeys = options.maxKeys ?? 800;
  }

  /** These keys are on screen: fetch the ones not held, and keep all of them fresh. */
  want(keys: Iterable<string>): void {
    for (const key of keys) {
      const tail = this.#tails.get(key);
      if (tail !== undefined) {
        this.#tails.delete(key);
        this.#tails.set(key, tail);
      } else this.#pending.add(key);
    }
    if (this.#pending.size > 0) this.#schedule();
  }

  /** The tail held for a key (oldest first), or undefined while it is being fetched. */
  get(key: string): readonly HistoryPoint[] | undefined {
    void this.version;
    return this.#tails.get(key);
  }

  /** A new frame: the point of every tenant held is appended. */
  follow(world: World): void {
    this.#minGap = minGapMs(world.sampleIntervalSeconds);
    if (this.#tails.size === 0) return;
    let changed = false;
    eachWantedPoint(
      world,
      (key) => this.#tails.has(key),
      (key, p) => {
        const before = this.#tails.get(key)!;
        const after = appendRecent(before, p, this.#minGap, Number.POSITIVE_INFINITY, this.#points);
        if (after !== before) {
          this.#tails.set(key, after);
          changed = true;
        }
      },
    );
    if (changed) this.version++;
  }

  /** The connection was lost: whatever is held may belong to a core that is gone. */
  reset(): void {
    this.#generation++;
    this.#tails.clear();
    this.#pending.clear();
    this.#requesting = false;
    this.version++;
  }

  #schedule(): void {
    if (this.#scheduled || this.#requesting) return;
    this.#scheduled = true;
    // Everything wanted while this frame is drawn goes out in one request.
    setTimeout(() => {
      this.#scheduled = false;
      void this.#request();
    }, 0);
  }

  async #request(): Promise<void> {
    if (this.#requesting || this.#pending.size === 0) return;
    const keys = [...this.#pending].slice(-KEYS_PER_REQUEST);
    for (const key of keys) this.#pending.delete(key);
    const generation = this.#generation;
    this.#requesting = true;
    let answer: Record<string, HistoryPoint[]> | null = null;
    try {
      answer = await this.#bridge.invoke('history:tails', { keys, points: this.#points });
    } catch {
      // Drawn without a sparkline; asked again the next time they are wanted.
    }
    if (generation !== this.#generation) return;
    this.#requesting = false;
    if (answer === null) return;
    for (const key of keys) {
      // A key without history yet gets an empty tail: the frames fill it from now on.
      this.#tails.set(key, answer[key] ?? []);
    }
    for (const key of [...this.#tails.keys()].slice(0, Math.max(0, this.#tails.size - this.#maxKeys))) this.#tails.delete(key);
    this.version++;
    if (this.#pending.size > 0) this.#schedule();
  }
}
