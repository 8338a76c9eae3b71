/**
 * The page's history machinery, shared through context: the tail cache behind every small CPU
 * sparkline (table rows, tooltip), and feeds for whole histories (a panel, a street's ground strip).
 * The shell makes one and calls `watch` once: from then on every world is followed and a dropped
 * connection forgets what was held (the core at the other end may be a new one).
 */
import { createContext, untrack } from 'svelte';
import type { Bridge, World } from '../../src-main/contract';
import type { ConnectionState } from '../bridge/connection';
import { HistoryFeed } from './history-feed.svelte';
import { TailCache } from './tail-cache.svelte';

/** What `watch` reads of the app's state. */
export interface Watched {
  readonly world: World | null;
  readonly connection: ConnectionState;
}

export class HistoryState {
  readonly tails: TailCache;
  readonly #bridge: Bridge;

  constructor(bridge: Bridge) {
    this.#bridge = bridge;
    this.tails = new TailCache(bridge);
  }

  /** A feed of one key's whole history (each panel or strip has its own). */
  feed(): HistoryFeed {
    return new HistoryFeed(this.#bridge);
  }

  /** Follows `app`'s worlds and connection; call while a component initialises (it makes effects there). */
  watch(app: Watched): void {
    $effect(() => {
      const world = app.world;
      if (world !== null) untrack(() => this.tails.follow(world));
    });
    $effect(() => {
      if (app.connection !== 'open') untrack(() => this.tails.reset());
    });
  }
}

export const [getHistoryState, setHistoryState] = createContext<HistoryState>();
