/**
 * The composition of everything that knows engines: settings, adapters, hub, api. Electron's main
 * process and the browser-mode server both start the app through this, and so do the tests.
 */
import type { EngineAdapter } from './engine';
import { DockerEngine } from './docker/docker-engine';
import { LibvirtEngine } from './libvirt/libvirt-engine';
import { createApi, type Api } from './api';
import { Hub } from './hub';
import { LocalUsageProbe, readLocalMachine } from './local-machine';
import { SettingsStore } from './settings-store';

export interface CoreOptions {
  /** Where settings persist; null keeps them in memory (tests). */
  settingsPath: string | null;
  /** Engines to watch; default: the local Docker engine (DOCKER_HOST honoured) and libvirt. */
  adapters?: EngineAdapter[];
}

export interface Core {
  hub: Hub;
  api: Api;
  dispose(): Promise<void>;
}

export function defaultAdapters(): EngineAdapter[] {
  return [new DockerEngine(), new LibvirtEngine()];
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const settings = new SettingsStore(options.settingsPath);
  await settings.load();
  const local = await readLocalMachine().catch(() => null);
  const hub = new Hub({
    adapters: options.adapters ?? defaultAdapters(),
    sampleIntervalSeconds: settings.get().sampleIntervalSeconds,
    slowWhenHidden: settings.get().slowWhenHidden,
    local,
    usageProbe: local ? new LocalUsageProbe(local.cpus) : null,
  });
  const api = createApi(hub, settings);
  hub.start();
  return { hub, api, dispose: () => hub.dispose() };
}
