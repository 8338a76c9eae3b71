/**
 * The renderer's live state, as runes: the newest world frame, the settings, which tenant's panel is
 * open (re-resolved in every frame) and which one the pointer or focus rests on. Frames are held raw
 * ($state.raw): they are replaced whole, never mutated, so deep proxies over 500 containers would be
 * pure overhead.
 */
import { createContext } from 'svelte';
import type { Bridge, Settings, World } from '../../src-main/contract';
import type { Connection, ConnectionState } from '../bridge/connection';
import { acceptFrame, resolveSelection, type Resolved, type Selection } from './world';

/** Where a tooltip should appear: the tenant and the screen box it occupies. */
export interface Hover {
  selection: Selection;
  rect: { left: number; top: number; right: number; bottom: number };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class AppState {
  world = $state.raw<World | null>(null);
  settings = $state.raw<Settings | null>(null);
  selection = $state.raw<Selection | null>(null);
  hover = $state.raw<Hover | null>(null);
  connection = $state<ConnectionState>('connecting');
  loadError = $state<string | null>(null);
  settingsError = $state<string | null>(null);

  /** The open panel's tenant, looked up again in every frame so its figures stay live. */
  readonly selected: Resolved | null = $derived(this.selection === null ? null : resolveSelection(this.world, this.selection));

  readonly #bridge: Bridge;
  readonly #connection: Connection;
  /** After a reconnect the server may have restarted and counts seq from 1 again. */
  #acceptAnyFrame = false;

  constructor(bridge: Bridge, connection: Connection) {
    this.#bridge = bridge;
    this.#connection = connection;
    this.connection = connection.state;
  }

  /** Fetches the current picture and follows pushed frames. Returns the stop function. */
  start(): () => void {
    void this.#fetch();
    const stops = [
      this.#bridge.on('world:frame', (world) => this.receive(world)),
      this.#bridge.on('settings:changed', (settings) => {
        this.settings = settings;
      }),
      this.#connection.subscribe((state) => {
        const wasLost = this.connection === 'reconnecting';
        this.connection = state;
        if (state === 'reconnecting') this.#acceptAnyFrame = true;
        if (state === 'open' && wasLost) void this.#fetch();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  receive(world: World): void {
    this.world = this.#acceptAnyFrame ? world : acceptFrame(this.world, world);
    this.#acceptAnyFrame = false;
  }

  async setSampleInterval(sampleIntervalSeconds: number): Promise<void> {
    try {
      this.settings = await this.#bridge.invoke('settings:set', { sampleIntervalSeconds });
      this.settingsError = null;
    } catch (error) {
      this.settingsError = message(error);
    }
  }

  open(selection: Selection): void {
    this.selection = selection;
    this.hover = null;
  }

  close(): void {
    this.selection = null;
  }

  async #fetch(): Promise<void> {
    try {
      const [world, settings] = await Promise.all([
        this.#bridge.invoke('world:get', null),
        this.#bridge.invoke('settings:get', null),
      ]);
      this.receive(world);
      this.settings = settings;
      this.loadError = null;
    } catch (error) {
      // A dropped connection is shown by the banner and re-fetched on reconnect.
      if (this.#connection.state === 'open') this.loadError = message(error);
    }
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
