/**
 * The libvirt adapter and hub against the real libvirtd + QEMU that scripts/lab.sh starts, with tiny
 * guests the tests define themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { LibvirtEngine } from '../../src-main/core/libvirt/libvirt-engine';
import { uniqueName } from '../support/engines';
import { lab, mayStop } from '../support/lab';
import { LIBVIRT_URI, TestVms, requireLibvirt } from '../support/vms';
import { engineOfKind, waitForWorld } from '../support/world-waits';

const MiB = 1024 * 1024;
const available = await requireLibvirt();
const vmNamed = (w: World, name: string) => w.hosts.flatMap((h) => h.engines.flatMap((e) => e.vms)).find((v) => v.name === name);
const mayStopLibvirt = available && (await mayStop('libvirtd'));

describe.skipIf(!available)('libvirt engine (real libvirtd + QEMU)', () => {
  const vms = new TestVms();
  let core: Core;

  beforeAll(async () => {
    core = await createCore({ settingsPath: null, adapters: [new DockerEngine(), new LibvirtEngine({ uri: LIBVIRT_URI })] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(
      core.hub,
      (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected' && engineOfKind(w, 'docker')?.status.state === 'connected',
      10_000,
      'libvirt and Docker to connect',
    );
  });

  afterAll(async () => {
    await vms.cleanup();
    await core?.dispose();
  });

  it('stands a started VM on the same host as Docker, with its allocation dedicated', async () => {
    const name = uniqueName('nbh-vm');
    const before = core.hub.world().hosts[0]!.accounting.memory.dedicated;
    await vms.define({ name, vcpus: 2, mib: 192 });
    const { world } = await waitForWorld(core.hub, (w) => vmNamed(w, name)?.state === 'running', 5000, `${name} running`);
    const host = world.hosts.find((h) => h.engines.some((e) => e.vms.some((v) => v.name === name)))!;
    expect(host.engines.map((e) => e.kind).sort()).toEqual(['docker', 'libvirt']);
    expect(world.hosts).toHaveLength(1);
    expect(vmNamed(world, name)).toMatchObject({ vcpus: 2, memoryBytes: 192 * MiB, persistent: true });
    expect(host.accounting.memory.dedicated - before).toBe(192 * MiB);

    const live = await waitForWorld(core.hub, (w) => (vmNamed(w, name)?.cpuCores ?? null) !== null && (vmNamed(w, name)?.memoryUsedBytes ?? 0) > 0, 6000, 'live figures');
    const vm = vmNamed(live.world, name)!;
    expect(vm.disks[0]).toMatchObject({ target: 'vda', format: 'qcow2', capacityBytes: 32 * MiB });
    expect(vm.nics[0]).toMatchObject({ type: 'user', model: 'virtio' });
    console.info(`libvirt bulk stats sample: ${engineOfKind(live.world, 'libvirt')!.sampleMs?.toFixed(1)} ms`);
  });

  it('shows define, start, pause, resume, stop and undefine within 1 s through events', async () => {
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 60 });
    try {
      const name = uniqueName('nbh-vm-events');
      const conn = await vms.connection();
      const timings: Record<string, number> = {};
      const step = async (what: string, act: () => Promise<unknown>, seen: (w: World) => boolean) => {
        // Measured from when libvirt has done the action (a TCG guest takes a while to start).
        await act();
        timings[what] = Math.round((await waitForWorld(core.hub, seen, 1000, `${what} to show`)).ms);
      };
      let uuid = '';
      await step('define', async () => (uuid = await vms.define({ name, vcpus: 1, mib: 128 }, { start: false })), (w) => vmNamed(w, name)?.state === 'shutoff');
      await step('start', () => conn.start(uuid), (w) => vmNamed(w, name)?.state === 'running');
      await step('pause', () => conn.suspend(uuid), (w) => vmNamed(w, name)?.state === 'paused');
      await step('resume', () => conn.resume(uuid), (w) => vmNamed(w, name)?.state === 'running');
      await step('stop', () => conn.destroy(uuid), (w) => vmNamed(w, name)?.state === 'shutoff');
      await step('undefine', () => conn.undefine(uuid), (w) => vmNamed(w, name) === undefined);
      console.info('libvirt event → frame (ms):', timings);
    } finally {
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    }
  });

  it.skipIf(!mayStopLibvirt)('shows libvirtd stopping as unreachable with the reason and reconnects when it is back, leaving nothing dangling', async () => {
    const adapter = new LibvirtEngine({ uri: LIBVIRT_URI });
    const own = await createCore({ settingsPath: null, adapters: [adapter] });
    try {
      await waitForWorld(own.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected', 10_000, 'connected');
      const before = adapter.debugCounts();
      expect(before).toMatchObject({ connected: true, retryPending: false, detachers: 2 });

      await lab('stop-libvirt');
      const down = await waitForWorld(own.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'unreachable', 5000, 'unreachable');
      const status = engineOfKind(down.world, 'libvirt')!.status;
      expect(status.state === 'unreachable' && status.reason).toMatch(/\S/);
      expect(engineOfKind(down.world, 'libvirt')!.hint).toMatch(/Start libvirt/);
      console.info(`libvirtd gone → unreachable in ${Math.round(down.ms)} ms: ${status.state === 'unreachable' ? status.reason : ''}`);
      await new Promise((r) => setTimeout(r, 3000));

      await lab('up');
      const back = await waitForWorld(own.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected', 5000, 'reconnected');
      console.info(`libvirtd back → connected in ${Math.round(back.ms)} ms`);
      expect(adapter.debugCounts()).toEqual(before);
    } finally {
      await own.dispose();
      expect(adapter.debugCounts()).toMatchObject({ connected: false, retryPending: false, listeners: 0, detachers: 0 });
    }
  }, 120_000);
});
