/**
 * The Docker adapter and hub against the real dockerd that scripts/lab.sh starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { IN_CI, TestContainers, dockerAnswers, uniqueName } from '../support/engines';
import { lab, mayStop } from '../support/lab';
import { containerNamed, engineOfKind, waitForWorld } from '../support/world-waits';

const MiB = 1024 * 1024;
const available = await dockerAnswers();
if (IN_CI && !available) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');
const mayStopDocker = available && (await mayStop('dockerd'));

describe.skipIf(!available)('Docker engine (real dockerd)', () => {
  const containers = new TestContainers();
  let core: Core;

  beforeAll(async () => {
    core = await createCore({ settingsPath: null, adapters: [new DockerEngine()] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'Docker to connect');
  });

  afterAll(async () => {
    await containers.cleanup();
    await core?.dispose();
  });

  it('shows a new container with its memory and CPU limits, and the host from the engine', async () => {
    const name = uniqueName('nbh-limits');
    await containers.run(name, ['sleep', '600'], { memoryBytes: 64 * MiB, nanoCpus: 500_000_000 });
    const { world } = await waitForWorld(core.hub, (w) => containerNamed(w, name)?.state === 'running', 5000, `${name} to appear`);
    expect(containerNamed(world, name)).toMatchObject({ memoryLimitBytes: 64 * MiB, cpuLimitCores: 0.5, image: 'neighborhood/busybox:latest', command: 'sleep 600' });
    const host = world.hosts.find((h) => h.engines.some((e) => e.kind === 'docker'))!;
    expect(host.cpus).toBeGreaterThan(0);
    expect(host.memoryBytes).toBeGreaterThan(0);
    expect(host.kernel).not.toBe('');
    // Figures arrive with the second sample (rates need two readings).
    const live = await waitForWorld(core.hub, (w) => (containerNamed(w, name)?.stats?.memoryUsedBytes ?? 0) > 0, 5000, `${name}'s figures`);
    expect(containerNamed(live.world, name)!.stats!.memoryUsedBytes).toBeLessThan(64 * MiB);
  });

  it('shows a container that burns CPU using about one core', async () => {
    const name = uniqueName('nbh-burner');
    await containers.run(name, ['sh', '-c', 'while :; do :; done']);
    // Let two samples pass after the start so the rate covers a full interval of burning.
    await waitForWorld(core.hub, (w) => containerNamed(w, name)?.stats !== null && containerNamed(w, name) !== undefined, 6000, 'first figures');
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const seq = core.hub.world().seq;
      const { world } = await waitForWorld(core.hub, (w) => w.seq > seq + 1 && containerNamed(w, name)?.stats !== null, 6000, 'next sample');
      samples.push(containerNamed(world, name)!.stats!.cpuCores);
    }
    const best = Math.max(...samples);
    // One busy loop is one core; this shared machine may steal some of it.
    expect(best).toBeGreaterThan(0.6);
    expect(best).toBeLessThan(1.3);
  });

  it('changes the world through events within 1 s on pause, unpause, stop and remove', async () => {
    // A 60 s interval: only the event stream can explain a change seen within a second.
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 60 });
    try {
      const name = uniqueName('nbh-events');
      const c = await containers.run(name, ['sleep', '600']);
      const started = await waitForWorld(core.hub, (w) => containerNamed(w, name)?.state === 'running', 1000, `${name} running`);
      const steps: Array<[string, () => Promise<unknown>, (w: Parameters<typeof containerNamed>[0]) => boolean]> = [
        ['pause', () => c.pause(), (w) => containerNamed(w, name)?.state === 'paused'],
        ['unpause', () => c.unpause(), (w) => containerNamed(w, name)?.state === 'running'],
        ['stop', () => c.stop({ t: 0 }), (w) => containerNamed(w, name)?.state === 'exited'],
        ['remove', () => c.remove(), (w) => containerNamed(w, name) === undefined],
      ];
      const timings: Record<string, number> = { start: started.ms };
      for (const [what, act, seen] of steps) {
        await act();
        const { ms } = await waitForWorld(core.hub, seen, 1000, `${what} to show`);
        timings[what] = Math.round(ms);
      }
      console.info('event → frame (ms):', timings);
    } finally {
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    }
  });

  it.skipIf(!mayStopDocker)('shows dockerd stopping as unreachable with the reason and reconnects when it is back, leaving nothing dangling', async () => {
    // Containers of ours that ignore SIGTERM would hold dockerd's shutdown for 10 s each.
    await containers.cleanup();
    const adapter = new DockerEngine();
    const own = await createCore({ settingsPath: null, adapters: [adapter] });
    try {
      await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'connected');
      const before = adapter.debugCounts();
      expect(before).toMatchObject({ openEventStreams: 1, retryPending: false });
      // The core's own listeners (the history store) are there from the start; a reconnect adds none.
      const hubBefore = own.hub.debugCounts().frameListeners;

      // dockerd stops its containers before it exits; "dies" is the moment its process is gone.
      await lab('stop-docker');
      const down = await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'unreachable', 5000, 'unreachable');
      console.info(`dockerd gone → unreachable in ${Math.round(down.ms)} ms`);
      const status = engineOfKind(down.world, 'docker')!.status;
      expect(status.state === 'unreachable' && status.reason).toMatch(/\S/);
      expect(engineOfKind(down.world, 'docker')!.hint).toMatch(/Start Docker/);
      // Several failed retries happen while the daemon is away.
      await new Promise((r) => setTimeout(r, 3000));

      await lab('up');
      const back = await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 5000, 'reconnected');
      console.info(`dockerd back → connected in ${Math.round(back.ms)} ms`);
      expect(adapter.debugCounts()).toEqual(before);
      expect(own.hub.debugCounts()).toMatchObject({ frameListeners: hubBefore });
    } finally {
      await own.dispose();
      expect(adapter.debugCounts()).toMatchObject({ openEventStreams: 0, retryPending: false, listeners: 0 });
    }
  }, 120_000);
});

