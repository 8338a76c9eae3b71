/**
 * The libvirt adapter when libvirtd holds the connection but answers nothing (a stuck QEMU monitor, an
 * NFS-hung stat): a stalling proxy in front of the real libvirtd socket stands in for it, so the real
 * daemon is never touched. The process keeps its timers and file I/O on time, the engine shows
 * unreachable with the reason within its deadline, and it recovers by itself when libvirtd answers again.
 */
import { readFile } from 'node:fs/promises';
import { debugCounts } from '@neighborhood/libvirt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStallProxy, type StallProxy } from '../../packages/libvirt/test/stall-proxy';
import { createCore, type Core } from '../../src-main/core/create-core';
import { LibvirtEngine } from '../../src-main/core/libvirt/libvirt-engine';
import { engineId } from '../../src-main/core/engine';
import { uniqueName } from '../support/engines';
import { TestVms, requireLibvirt } from '../support/vms';
import { engineOfKind, waitForWorld } from '../support/world-waits';

const available = await requireLibvirt();

async function timerLateness(forMs: number): Promise<number> {
  let worst = 0;
  const end = performance.now() + forMs;
  while (performance.now() < end) {
    const asked = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    worst = Math.max(worst, performance.now() - asked - 50);
  }
  return worst;
}

describe.skipIf(!available)('libvirt adapter under a libvirtd that stops answering (stalling proxy)', () => {
  let proxy: StallProxy;
  let adapter: LibvirtEngine;
  let core: Core;
  const vms = new TestVms();

  beforeAll(async () => {
    proxy = await startStallProxy();
    adapter = new LibvirtEngine({ uri: `qemu+unix:///system?socket=${proxy.path}`, queryTimeoutMs: 2000 });
    core = await createCore({ settingsPath: null, adapters: [adapter] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected', 10_000, 'libvirt to connect');
  });

  afterAll(async () => {
    await core?.dispose();
    await proxy?.close();
    await vms.cleanup();
  });

  it('keeps the process on time while calls hang, shows unreachable past the deadline, and recovers', async () => {
    proxy.stall();
    const downP = waitForWorld(core.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'unreachable', 8000, 'unreachable');
    // While the engine's calls hang: timers fire on time and file reads finish at once.
    const [late, readMs] = await Promise.all([
      timerLateness(3000),
      (async () => {
        await new Promise((r) => setTimeout(r, 1000));
        const t = performance.now();
        await Promise.all(Array.from({ length: 8 }, () => readFile('/etc/os-release', 'utf8')));
        return performance.now() - t;
      })(),
    ]);
    const down = await downP;
    const status = engineOfKind(down.world, 'libvirt')!.status;
    console.info(`stalled libvirtd: worst timer lateness ${late.toFixed(1)} ms, 8 file reads ${readMs.toFixed(1)} ms, unreachable after ${Math.round(down.ms)} ms, binding ${JSON.stringify(debugCounts())}`);
    expect(late).toBeLessThan(100);
    expect(readMs).toBeLessThan(200);
    expect(status.state === 'unreachable' && status.reason).toMatch(/did not answer .* within 2 s/);

    // Reconnect attempts meet the same silence and give up at their deadline; none piles up.
    await new Promise((r) => setTimeout(r, 3000));
    expect(debugCounts()!.threads).toBeLessThanOrEqual(16);

    proxy.resume();
    const back = await waitForWorld(core.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected', 10_000, 'reconnected');
    console.info(`libvirtd answering again → connected in ${Math.round(back.ms)} ms`);
    expect(adapter.debugCounts()).toMatchObject({ connected: true, retryPending: false, detachers: 2 });
  }, 60_000);

  it('an action in flight when the connection is lost fails at once with a clear message, not at its deadline', async () => {
    const name = uniqueName('nbh-lost-action');
    const uuid = await vms.define({ name, vcpus: 1, mib: 64 });
    const vmIn = (w: Parameters<Parameters<typeof waitForWorld>[1]>[0]) => w.hosts.flatMap((h) => h.engines.flatMap((e) => e.vms)).find((v) => v.uuid === uuid);
    await waitForWorld(core.hub, (w) => vmIn(w)?.state === 'running', 10_000, 'the VM running');
    proxy.stall();
    const t = performance.now();
    const result = await core.api.invoke('action:run', { kind: 'vm', engineId: engineId('libvirt', adapter.endpoint), uuid, op: 'suspend' });
    const ms = performance.now() - t;
    console.info(`action in flight when libvirtd stopped answering: failed after ${Math.round(ms)} ms: ${result.ok ? 'ok?!' : result.error.message}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('connection-lost');
      expect(result.error.message).toMatch(/connection to libvirt was lost during “Pausing .*”; it may or may not have happened/);
    }
    // The sample's 2 s deadline noticed the loss; the action's own deadline (10 min) never came into it.
    expect(ms).toBeLessThan(8000);
    proxy.resume();
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected' && vmIn(w) !== undefined, 15_000, 'reconnected');
  }, 60_000);
});
