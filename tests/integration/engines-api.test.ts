/**
 * The Engines dialog's channels against the lab's real engines: list what was found, test a
 * configuration (what answered, or exactly why not), add one (it appears at once), rename it, remove it
 * (it leaves the map), and find the list again after a restart. Also history through its channels.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineConfig, EngineEntry, EngineTestResult, InvokeResult, TenantHistory } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { tenantHistoryKey } from '../../src-main/shared/history-keys';
import { TestContainers, uniqueName } from '../support/engines';
import { labRemote, type LabRemote } from '../support/lab-remote';
import { requireLibvirt } from '../support/vms';
import { engineOfKind, waitForWorld } from '../support/world-waits';

const lab = await labRemote();
const libvirtOk = await requireLibvirt();

describe.skipIf(!lab || !libvirtOk)('the Engines channels (real engines from the lab)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nbh-engines-'));
  const settingsPath = join(dir, 'settings.json');
  let core: Core;
  const remote = lab as LabRemote;
  const containers = new TestContainers();

  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const r = (await core.api.invoke(channel, request)) as InvokeResult<T>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  beforeAll(async () => {
    core = await createCore({ settingsPath });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 15_000, 'Docker');
  });

  afterAll(async () => {
    await containers.cleanup();
    await core?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the engines found on this machine', async () => {
    const list = await call<EngineEntry[]>('engines:list', null);
    expect(list.map((e) => [e.config.kind, e.discovered])).toEqual(expect.arrayContaining([['docker', true], ['libvirt', true]]));
    expect(list.find((e) => e.config.kind === 'docker')!.id).toBe(engineOfKind(core.hub.world(), 'docker')!.id);
  });

  it('tests configurations: what answered, or exactly why not — and changes nothing', async () => {
    const before = core.hub.world().hosts.flatMap((h) => h.engines).length;
    const cases: Array<[EngineConfig, boolean, RegExp]> = [
      [{ kind: 'docker', name: 'd2', url: remote.docker2.url }, true, /^Docker \S+ on \S+ \(\d+ CPUs?, [\d.]+ GiB\)/],
      [{ kind: 'docker', name: 'tls', url: remote.tls.url, tls: { ca: remote.tls.ca, cert: remote.tls.cert, key: remote.tls.key } }, true, /^Docker /],
      [{ kind: 'docker', name: 'tls', url: remote.tls.url, tls: { ca: remote.tls.otherCa, cert: remote.tls.cert, key: remote.tls.key } }, false, /certificate|CA/i],
      [{ kind: 'podman', name: 'p', url: remote.podman.url }, true, /^Podman /],
      [{ kind: 'docker', name: 'nowhere', url: 'unix:///run/nbh-no-such.sock' }, false, /no .*socket|ENOENT|not found/i],
      [{ kind: 'libvirt', name: 'system', uri: 'qemu:///system' }, true, /^libvirt \d+\.\d+\.\d+ on \S+ \(\d+ CPUs?, [\d.]+ GiB\)/],
      [{ kind: 'libvirt', name: 'nowhere', uri: 'qemu+tcp://127.0.0.1:1/system' }, false, /\S/],
    ];
    for (const [config, ok, says] of cases) {
      const t = performance.now();
      const result = await call<EngineTestResult>('engines:test', config);
      console.info(`test ${config.kind} ${config.kind === 'libvirt' ? config.uri : config.url}: ${result.ok ? 'ok' : 'refused'} in ${Math.round(performance.now() - t)} ms — ${result.message}`);
      expect(result.ok, result.message).toBe(ok);
      expect(result.message).toMatch(says);
    }
    expect(core.hub.world().hosts.flatMap((h) => h.engines).length).toBe(before);
  }, 90_000);

  it('refuses a configuration that is not one, with the reason', async () => {
    const r = await core.api.invoke('engines:add', { kind: 'docker', name: 'x', url: 'http://nope', password: 'hunter2' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/url must be unix:\/\/\/path|password/);
  });

  it('adds an engine (it appears at once), renames it, removes it; the list survives a restart', async () => {
    const changes: number[] = [];
    const off = core.api.on('engines:changed', (list) => changes.push(list.length));
    const added = await call<EngineEntry>('engines:add', { kind: 'docker', name: 'Second Docker', url: remote.docker2.url });
    const { world } = await waitForWorld(core.hub, (w) => w.hosts.some((h) => h.engines.some((e) => e.id === added.id && e.status.state === 'connected')), 10_000, 'the added engine connected');
    const host = world.hosts.find((h) => h.engines.some((e) => e.id === added.id))!;
    // A second dockerd on this machine: a second building on this machine's street.
    expect(host.engines.filter((e) => e.kind === 'docker').map((e) => e.name)).toEqual(['Docker', 'Second Docker']);
    await expect(call('engines:add', { kind: 'docker', name: 'again', url: remote.docker2.url })).rejects.toThrow(/already on the map/);

    await call<EngineEntry>('engines:rename', { id: added.id, name: 'Docker two' });
    await waitForWorld(core.hub, (w) => w.hosts.some((h) => h.engines.some((e) => e.id === added.id && e.name === 'Docker two')), 10_000, 'renamed');

    // Kept across restarts.
    const again = await createCore({ settingsPath });
    try {
      const list = (await again.api.invoke('engines:list', null)) as InvokeResult<EngineEntry[]>;
      expect(list.ok && list.value.map((e) => e.config.name)).toEqual(expect.arrayContaining(['Docker two']));
    } finally {
      await again.dispose();
    }

    await call('engines:remove', { id: added.id });
    await waitForWorld(core.hub, (w) => !w.hosts.some((h) => h.engines.some((e) => e.id === added.id)), 5000, 'gone');
    off();
    expect(changes).toEqual([3, 3, 2]);
  }, 60_000);

  it('keeps history: a running container’s recent figures, and its sparkline tail', async () => {
    const name = uniqueName('nbh-history');
    await containers.run(name, ['sleep', '600']);
    const { world } = await waitForWorld(core.hub, (w) => (engineOfKind(w, 'docker')?.containers.find((c) => c.name === name)?.stats ?? null) !== null, 10_000, 'its figures');
    const docker = engineOfKind(world, 'docker')!;
    const withStats = docker.containers.find((c) => c.name === name)!;
    // A few more samples at 1 s.
    await new Promise((r) => setTimeout(r, 2500));
    const key = tenantHistoryKey(docker.id, withStats.id);
    const history = await call<TenantHistory | null>('history:get', { key });
    expect(history!.recent.length).toBeGreaterThanOrEqual(2);
    expect(history!.since).toBeLessThanOrEqual(Date.now());
    const tails = await call<Record<string, unknown[]>>('history:tails', { keys: [key, 'docker:nowhere/none'], points: 2 });
    expect(Object.keys(tails)).toEqual([key]);
    expect(tails[key]).toHaveLength(2);
  }, 30_000);
});
