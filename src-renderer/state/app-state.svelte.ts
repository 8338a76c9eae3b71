/**
 * The renderer's live state, as runes: the world as the frames leave it, the settings, which tenant's
 * panel is open (re-resolved in every frame) and which one the pointer or focus rests on, the open
 * context menu or dialog, and what the last action on each tenant answered. The world is held raw
 * ($state.raw): a frame replaces it, never mutates it, and keeps every unchanged host, engine and tenant
 * as the same object — so the map can skip those by reference, and deep proxies over thousands of
 * containers would be pure overhead.
 *
 * Frames are change-only: each patches the world before it. One that cannot apply (a frame was skipped,
 * or the server restarted) makes the state ask for the whole world again, once, and carry on from there.
 * It also tells the core whether this view is visible, so sampling can slow while nobody looks.
 *
 * Actions go out through the bridge and their answers are kept as outcomes; the world itself is never
 * changed here — the map changes when the engines' events say so.
 */
import { createContext } from 'svelte';
import type { Action, Bridge, Settings, World, WorldFrame } from '../../src-main/contract';
import { failed, succeeded, type Outcome, type OutcomeBody } from '../actions/outcome';
import type { Connection, ConnectionState } from '../bridge/connection';
import { connectionLost, nothingHeld, receiveFrame, type Held } from './frames';
import type { DialogRequest, MenuRequest } from './requests';
import { alwaysVisible, type Visibility } from './visibility';
import { resolveSelection, tenantKey, type Resolved, type Selection } from './world';

/** Where a tooltip should appear: the tenant and the screen box it occupies. */
export interface Hover {
  selection: Selection;
  rect: { left: number; top: number; right: number; bottom: number };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A setting the core refused, and why (shown beside that setting's control). */
export interface SettingsRefusal {
  setting: keyof Settings;
  message: string;
}

/** A success is said briefly; an error stays until dismissed or replaced by the tenant's next answer. */
export const SUCCESS_SHOWN_MS = 6000;

export class AppState {
  world = $state.raw<World | null>(null);
  settings = $state.raw<Settings | null>(null);
  selection = $state.raw<Selection | null>(null);
  hover = $state.raw<Hover | null>(null);
  connection = $state<ConnectionState>('connecting');
  loadError = $state<string | null>(null);
  settingsError = $state.raw<SettingsRefusal | null>(null);
  /** The latest answer per tenant, newest last. */
  outcomes = $state.raw<Outcome[]>([]);
  menu = $state.raw<MenuRequest | null>(null);
  dialog = $state.raw<DialogRequest | null>(null);

  /** The open panel's tenant, looked up again in every frame so its figures stay live. */
  readonly selected: Resolved | null = $derived(this.selection === null ? null : resolveSelection(this.world, this.selection));

  readonly #bridge: Bridge;
  readonly #connection: Connection;
  readonly #visibility: Visibility;
  /** The world and whether a delta may patch it (not after a reconnect); `world` mirrors held.world. */
  #held: Held = nothingHeld;
  /** The whole world asked for and not yet answered: asked once, however many frames cannot apply meanwhile. */
  #fetching: Promise<void> | null = null;
  #nextOutcome = 1;

  constructor(bridge: Bridge, connection: Connection, visibility: Visibility = alwaysVisible) {
    this.#bridge = bridge;
    this.#connection = connection;
    this.#visibility = visibility;
    this.connection = connection.state;
  }

  /** Fetches the current picture, follows pushed frames and reports visibility. Returns the stop function. */
  start(): () => void {
    void this.#load();
    this.#reportVisibility(this.#visibility.visible);
    const stops = [
      this.#bridge.on('world:frame', (frame) => this.receive(frame)),
      this.#bridge.on('settings:changed', (settings) => {
        this.settings = settings;
      }),
      this.#connection.subscribe((state) => {
        const wasLost = this.connection === 'reconnecting';
        this.connection = state;
        if (state === 'reconnecting') this.#held = connectionLost(this.#held);
        if (state === 'open' && wasLost) {
          void this.#load();
          // The new connection counts as visible until told otherwise.
          this.#reportVisibility(this.#visibility.visible);
        }
      }),
      this.#visibility.subscribe((visible) => this.#reportVisibility(visible)),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Applies a pushed frame (or a whole world); asks for the whole world when a delta cannot apply. */
  receive(frame: WorldFrame): void {
    const { held, outcome } = receiveFrame(this.#held, frame);
    this.#held = held;
    if (outcome === 'applied') this.world = held.world;
    else if (outcome === 'unpatchable') void this.#fetchWorld();
  }

  async setSampleInterval(sampleIntervalSeconds: number): Promise<void> {
    await this.#setSettings({ sampleIntervalSeconds });
  }

  async setSlowWhenHidden(slowWhenHidden: boolean): Promise<void> {
    await this.#setSettings({ slowWhenHidden });
  }

  async #setSettings(patch: Partial<Settings>): Promise<void> {
    const setting = Object.keys(patch)[0] as keyof Settings;
    try {
      this.settings = await this.#bridge.invoke('settings:set', patch);
      this.settingsError = null;
    } catch (error) {
      this.settingsError = { setting, message: message(error) };
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

  /** The whole picture: world and settings (at start and after a reconnect). */
  async #load(): Promise<void> {
    const world = this.#fetchWorld();
    try {
      this.settings = await this.#bridge.invoke('settings:get', null);
    } catch (error) {
      this.#failedToLoad(error);
    }
    await world;
  }

  #fetchWorld(): Promise<void> {
    this.#fetching ??= (async () => {
      try {
        const world = await this.#bridge.invoke('world:get', null);
        this.receive({ kind: 'full', world });
        this.loadError = null;
      } catch (error) {
        this.#failedToLoad(error);
      } finally {
        this.#fetching = null;
      }
    })();
    return this.#fetching;
  }

  #failedToLoad(error: unknown): void {
    // A dropped connection is shown by the banner and re-fetched on reconnect.
    if (this.#connection.state === 'open') this.loadError = message(error);
  }

  #reportVisibility(visible: boolean): void {
    // Fire and forget: a lost connection reports again when it reopens, and Electron cannot drop.
    this.#bridge.invoke('view:visibility', { visible }).catch(() => undefined);
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
