/**
 * The composition of everything that knows engines: settings, adapters, hub, api. Electron's main
 * process and the browser-mode server both start the app through this, and so do the tests.
 */
import type { EngineAdapter } from './engine';
import { adapterFor } from './engines/adapter-for';
import { EngineRegistry } from './engines/engine-registry';
import { findLocalEngines } from './engines/local-engines';
import { createApi, type Api } from './api';
import { HistoryStore } from './history/history';
import { Hub } from './hub';
import { LocalUsageProbe, readLocalMachine } from './local-machine';
import { SettingsStore } from './settings-store';

export interface CoreOptions {
  /** Where settings persist; null keeps them in memory (tests). */
  settingsPath: string | null;
  /**
   * Engines to watch, fixed (tests and tools); default: the user's list from the settings, or else the
   * engines found on this machine — managed at run time in the Engines dialog.
   */
  adapters?: EngineAdapter[];
}

export interface Core {
  hub: Hub;
  api: Api;
  /** The editable list of engines; null when the adapters were given (fixed). */
  engines: EngineRegistry | null;
  history: HistoryStore;
  dispose(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const settings = new SettingsStore(options.settingsPath);
  await settings.load();
  const local = await readLocalMachine().catch(() => null);
  const hub = new Hub({
    adapters: options.adapters ? [...options.adapters] : [],
    sampleIntervalSeconds: settings.get().sampleIntervalSeconds,
    slowWhenHidden: settings.get().slowWhenHidden,
    local,
    usageProbe: local ? new LocalUsageProbe(local.cpus) : null,
  });
  const engines = options.adapters ? null : new EngineRegistry(hub, settings, adapterFor, await findLocalEngines());
  for (const adapter of engines?.adapters ?? []) hub.add(adapter);
  const history = new HistoryStore();
  hub.onFrame((world) => history.record(world));
  const api = createApi(hub, settings, { engines, history });
  hub.start();
  return { hub, api, engines, history, dispose: () => hub.dispose() };
}
