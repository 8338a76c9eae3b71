/**
 * The registry's bookkeeping over a real hub and settings file. The adapters are stand-ins that only
 * count their life (the engines themselves are exercised against real daemons in tests/integration).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../contract';
import type { EngineAdapter } from '../engine';
import { Hub } from '../hub';
import { SettingsStore } from '../settings-store';
import { EngineRegistry } from './engine-registry';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function standIn(config: EngineConfig): EngineAdapter & { disposed: boolean } {
  const a = {
    kind: config.kind,
    endpoint: config.kind === 'libvirt' ? config.uri : config.url,
    name: config.name,
    local: true,
    disposed: false,
    start() {},
    sample: async () => undefined,
    report: () => ({ status: { state: 'connecting' as const }, version: null, host: null, containers: [], vms: [], sampleMs: null, hint: null }),
    subscribe: () => () => undefined,
    act: () => Promise.reject(new Error('none')),
    dispose: async () => {
      a.disposed = true;
    },
  };
  return a;
}

const found: EngineConfig[] = [
  { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' },
  { kind: 'libvirt', name: 'libvirt', uri: 'qemu:///system' },
];

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'nbh-registry-'));
  dirs.push(dir);
  const path = join(dir, 'settings.json');
  const store = new SettingsStore(path);
  await store.load();
  const made: Array<ReturnType<typeof standIn>> = [];
  const registry = new EngineRegistry(new Hub({ adapters: [], sampleIntervalSeconds: 60, local: null, usageProbe: null }), store, (c) => {
    const a = standIn(c);
    made.push(a);
    return a;
  }, found);
  return { path, store, registry, made };
}

describe('EngineRegistry', () => {
  it('starts with what was found on this machine, saving nothing until the user edits', async () => {
    const { registry, store } = await setup();
    expect(registry.list()).toEqual([
      { id: 'docker:unix:///var/run/docker.sock', config: found[0], discovered: true },
      { id: 'libvirt:qemu:///system', config: found[1], discovered: true },
    ]);
    expect(store.engines()).toBeNull();
  });

  it('adds, renames and removes, keeping the list in the settings file and the hub in step', async () => {
    const { registry, path, made } = await setup();
    const seen: number[] = [];
    registry.changed.subscribe((list) => seen.push(list.length));
    const far: EngineConfig = { kind: 'docker', name: 'far', url: 'tcp://127.0.0.1:2376', tls: { ca: '/l/ca.pem', cert: '/l/cert.pem', key: '/l/key.pem' } };
    const added = await registry.add(far);
    expect(added).toEqual({ id: 'docker:tcp://127.0.0.1:2376', config: far, discovered: false });
    await expect(registry.add({ ...far, name: 'again' })).rejects.toThrow(/already on the map/);
    const renamed = await registry.rename(added.id, 'far away');
    expect(renamed.config.name).toBe('far away');
    expect(made.filter((a) => a.endpoint === far.url).map((a) => a.disposed)).toEqual([true, false]);
    await registry.remove('libvirt:qemu:///system');
    await expect(registry.remove('libvirt:qemu:///system')).rejects.toThrow(/No such engine/);
    expect(seen).toEqual([3, 3, 2]);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { engines: EngineConfig[] };
    expect(saved.engines.map((e) => e.name)).toEqual(['Docker', 'far away']);
    // The next start uses the user's list, not what is found.
    const store = new SettingsStore(path);
    await store.load();
    const next = new EngineRegistry(new Hub({ adapters: [], sampleIntervalSeconds: 60, local: null, usageProbe: null }), store, standIn, found);
    expect(next.list().map((e) => [e.config.name, e.discovered])).toEqual([['Docker', true], ['far away', false]]);
  });
});
