/**
 * The Engines dialog's state, as runes: whether it is open, the list of watched engines as main keeps
 * it (following 'engines:changed', so an edit from another window shows here too), and the calls the
 * dialog makes — test, add, rename, remove — each answering with a Reply rather than throwing, the
 * error's message kept exactly as main said it. Everything goes through the bridge, so Electron and
 * browser mode behave alike.
 */
import { createContext } from 'svelte';
import type { Bridge, EngineConfig, EngineEntry, EngineTestResult } from '../../src-main/contract';
import type { Connection } from '../bridge/connection';

export type Reply<T> = { ok: true; value: T } | { ok: false; message: string };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function reply<T>(work: Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export class EnginesState {
  /** Whether the dialog is open. */
  shown = $state(false);
  /** The watched engines, in main's order; null until first listed. */
  entries = $state.raw<EngineEntry[] | null>(null);
  /** Why the list could not be read (shown in the dialog), or null. */
  listError = $state<string | null>(null);

  readonly #bridge: Bridge;
  readonly #connection: Connection;
  /** Bumped by every list that arrives, so a slow engines:list answer never overwrites a newer push. */
  #generation = 0;

  constructor(bridge: Bridge, connection: Connection) {
    this.#bridge = bridge;
    this.#connection = connection;
  }

  /** Follows the list main pushes, and lists again after a reconnect while the dialog is open. Returns the stop. */
  start(): () => void {
    const stops = [
      this.#bridge.on('engines:changed', (entries) => this.#receive(entries)),
      this.#connection.subscribe((state) => {
        if (state === 'open' && this.shown) void this.refresh();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  open(): void {
    this.shown = true;
    void this.refresh();
  }

  close(): void {
    this.shown = false;
  }

  async refresh(): Promise<void> {
    const asked = this.#generation;
    try {
      const entries = await this.#bridge.invoke('engines:list', null);
      if (asked === this.#generation) this.#receive(entries);
    } catch (error) {
      this.listError = message(error);
    }
  }

  test(config: EngineConfig): Promise<Reply<EngineTestResult>> {
    return reply(this.#bridge.invoke('engines:test', config));
  }

  async add(config: EngineConfig): Promise<Reply<EngineEntry>> {
    const answer = await reply(this.#bridge.invoke('engines:add', config));
    // Shown at once, whether or not the push that follows has arrived yet.
    if (answer.ok) this.#upsert(answer.value);
    return answer;
  }

  async rename(id: string, name: string): Promise<Reply<EngineEntry>> {
    const answer = await reply(this.#bridge.invoke('engines:rename', { id, name }));
    if (answer.ok) this.#upsert(answer.value);
    return answer;
  }

  async remove(id: string): Promise<Reply<null>> {
    const answer = await reply(this.#bridge.invoke('engines:remove', { id }));
    if (answer.ok && this.entries) this.#set(this.entries.filter((e) => e.id !== id));
    return answer;
  }

  #receive(entries: EngineEntry[]): void {
    this.listError = null;
    this.#set(entries);
  }

  #set(entries: EngineEntry[]): void {
    this.#generation += 1;
    this.entries = entries;
  }

  #upsert(entry: EngineEntry): void {
    const list = this.entries ?? [];
    this.#set(list.some((e) => e.id === entry.id) ? list.map((e) => (e.id === entry.id ? entry : e)) : [...list, entry]);
  }
}

export const [getEnginesState, setEnginesState] = createContext<EnginesState>();
