/**
 * The engines the map watches, as the user manages them in the Engines dialog: the ones found on this
 * machine until the user changes anything, then the user's own list, kept in the settings file. Adding
 * an engine starts watching it at once (its street appears, unreachable with the reason if it does not
 * answer); removing one ends its loop and lets go of its connection. Credentials are never part of a
 * configuration: TLS and SSH material stay files on disk, named by path.
 */
import type { EngineConfig, EngineEntry } from '../../contract';
import { ActionError } from '../actions/action-error';
import { engineId, type EngineAdapter } from '../engine';
import type { Hub } from '../hub';
import type { SettingsStore } from '../settings-store';
import { Signal } from '../signal';

export type AdapterFactory = (config: EngineConfig) => EngineAdapter;

interface Registered {
  config: EngineConfig;
  adapter: EngineAdapter;
  discovered: boolean;
}

const sameConnection = (a: EngineConfig, b: EngineConfig): boolean =>
  a.kind === b.kind && (a.kind === 'libvirt' ? a.uri === (b as typeof a).uri : a.url === (b as typeof a).url);

export class EngineRegistry {
  readonly changed = new Signal<EngineEntry[]>('engines');
  private readonly registered: Registered[];

  constructor(
    private readonly hub: Hub,
    private readonly store: SettingsStore,
    private readonly makeAdapter: AdapterFactory,
    /** What was found on this machine (shown as such, and used until the user edits the list). */
    private readonly discovered: readonly EngineConfig[],
  ) {
    const configs = store.engines() ?? [...discovered];
    this.registered = configs.map((config) => ({ config, adapter: makeAdapter(config), discovered: discovered.some((d) => sameConnection(d, config)) }));
  }

  /** The adapters to hand the hub at start. */
  get adapters(): EngineAdapter[] {
    return this.registered.map((r) => r.adapter);
  }

  list(): EngineEntry[] {
    return this.registered.map((r) => ({ id: engineId(r.adapter.kind, r.adapter.endpoint), config: r.config, discovered: r.discovered }));
  }

  async add(config: EngineConfig): Promise<EngineEntry> {
    if (this.registered.some((r) => sameConnection(r.config, config))) {
      throw new ActionError(`${config.kind === 'libvirt' ? config.uri : config.url} is already on the map.`, 'refused');
    }
    const adapter = this.makeAdapter(config);
    const entry: Registered = { config, adapter, discovered: this.discovered.some((d) => sameConnection(d, config)) };
    await this.persist([...this.registered.map((r) => r.config), config]);
    this.registered.push(entry);
    this.hub.add(adapter);
    this.announce();
    return this.list().at(-1)!;
  }

  async rename(id: string, name: string): Promise<EngineEntry> {
    const at = this.indexOf(id);
    const current = this.registered[at]!;
    const config = { ...current.config, name };
    await this.persist(this.registered.map((r, i) => (i === at ? config : r.config)));
    // The adapter carries its name into the world: it is made again under the new one.
    const adapter = this.makeAdapter(config);
    this.registered[at] = { ...current, config, adapter };
    await this.hub.remove(id);
    this.hub.add(adapter);
    this.announce();
    return this.list()[at]!;
  }

  async remove(id: string): Promise<void> {
    const at = this.indexOf(id);
    await this.persist(this.registered.filter((_, i) => i !== at).map((r) => r.config));
    this.registered.splice(at, 1);
    await this.hub.remove(id);
    this.announce();
  }

  private indexOf(id: string): number {
    const at = this.registered.findIndex((r) => engineId(r.adapter.kind, r.adapter.endpoint) === id);
    if (at < 0) throw new ActionError('No such engine is on the map.', 'not-found');
    return at;
  }

  /** Written first: a list the settings file refused is not applied (and the error says why). */
  private async persist(configs: EngineConfig[]): Promise<void> {
    await this.store.setEngines(configs);
  }

  private announce(): void {
    this.changed.emit(this.list());
  }
}
