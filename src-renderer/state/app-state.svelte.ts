/**
 * The renderer's live state, as runes: the newest world frame, the settings, which tenant's panel is
 * open (re-resolved in every frame) and which one the pointer or focus rests on, the open context menu
 * or dialog, and what the last action on each tenant answered. Frames are held raw ($state.raw): they
 * are replaced whole, never mutated, so deep proxies over 500 containers would be pure overhead.
 *
 * Actions go out through the bridge and their answers are kept as outcomes; the world itself is never
 * changed here — the map changes when the engines' events say so.
 */
import { createContext } from 'svelte';
import type { Action, Bridge, Settings, World } from '../../src-main/contract';
import { failed, succeeded, type Outcome, type OutcomeBody } from '../actions/outcome';
import type { Connection, ConnectionState } from '../bridge/connection';
import type { DialogRequest, MenuRequest } from './requests';
import { acceptFrame, resolveSelection, tenantKey, type Resolved, type Selection } from './world';

/** Where a tooltip should appear: the tenant and the screen box it occupies. */
export interface Hover {
  selection: Selection;
  rect: { left: number; top: number; right: number; bottom: number };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A success is said briefly; an error stays until dismissed or replaced by the tenant's next answer. */
export const SUCCESS_SHOWN_MS = 6000;

export class AppState {
  world = $state.raw<World | null>(null);
  settings = $state.raw<Settings | null>(null);
  selection = $state.raw<Selection | null>(null);
  hover = $state.raw<Hover | null>(null);
  connection = $state<ConnectionState>('connecting');
  loadError = $state<string | null>(null);
  settingsError = $state<string | null>(null);
  /** The latest answer per tenant, newest last. */
  outcomes = $state.raw<Outcome[]>([]);
  menu = $state.raw<MenuRequest | null>(null);
  dialog = $state.raw<DialogRequest | null>(null);

  /** The open panel's tenant, looked up again in every frame so its figures stay live. */
  readonly selected: Resolved | null = $derived(this.selection === null ? null : resolveSelection(this.world, this.selection));

  readonly #bridge: Bridge;
  readonly #connection: Connection;
  /** After a reconnect the server may have restarted and counts seq from 1 again. */
  #acceptAnyFrame = false;
  #nextOutcome = 1;

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

  openMenu(menu: MenuRequest): void {
    this.menu = menu;
    this.hover = null;
  }

  closeMenu(): void {
    this.menu = null;
  }

  /** Opens a dialog (a confirmation, the take form…); one at a time, replacing any open one. */
  ask(dialog: DialogRequest): void {
    this.menu = null;
    this.dialog = dialog;
  }

  closeDialog(): void {
    this.dialog = null;
  }

  /**
   * Runs an action through the bridge and keeps its answer as the tenant's outcome. Never throws: a
   * failure is an outcome too, carrying the core's message and code.
   */
  async act(action: Action, tenant: Selection): Promise<Outcome> {
    let body: OutcomeBody;
    try {
      body = succeeded(await this.#bridge.invoke('action:run', action));
    } catch (error) {
      body = failed(error, action);
    }
    const outcome: Outcome = { id: this.#nextOutcome++, key: tenantKey(tenant), tenant, ...body };
    this.outcomes = [...this.outcomes.filter((o) => o.key !== outcome.key), outcome];
    if (outcome.ok) setTimeout(() => this.dismiss(outcome.id), SUCCESS_SHOWN_MS);
    return outcome;
  }

  dismiss(id: number): void {
    if (this.outcomes.some((o) => o.id === id)) this.outcomes = this.outcomes.filter((o) => o.id !== id);
  }

  /** The outcome shown for a tenant, if any. */
  outcomeFor(key: string): Outcome | null {
    return this.outcomes.find((o) => o.key === key) ?? null;
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
