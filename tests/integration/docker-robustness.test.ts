/**
 * The Docker adapter when one part of the engine misbehaves: a stand-in proxy in front of the real
 * dockerd stalls or fails chosen requests (one container's stats, the event stream) and counts the
 * calls the adapter makes. One container's trouble stays that container's; a burst of events costs a
 * bounded number of calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { DockerProxy } from '../support/docker-proxy';
import { IN_CI, TestContainers, dockerAnswers, uniqueName } from '../support/engines';
import { containerNamed, engineOfKind, waitForWorld } from '../support/world-waits';

const available = await dockerAnswers();
if (IN_CI && !available) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');

describe.skipIf(!available)('Docker adapter under a misbehaving engine (real dockerd behind a proxy)', () => {
  const containers = new TestContainers();
  let proxy: DockerProxy;
  let adapter: DockerEngine;
  let core: Core;

  beforeAll(async () => {
    proxy = await new DockerProxy().start();
    // The stats API path (the kernel fast path would not go through the proxy at all).
    adapter = new DockerEngine({ endpoint: { local: true, socketPath: proxy.socketPath }, stats: 'api' });
    core = await createCore({ settingsPath: null, adapters: [adapter] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'Docker to connect');
  });

  afterAll(async () => {
    await containers.cleanup();
    await core?.dispose();
    await proxy?.close();
  });

  for (const [what, verdict] of [
    ['hang', 'stall'],
    ['answer 500', 500],
  ] as const) {
    it(`a container whose stats ${what} shows no figures while the rest of the building stays live`, async () => {
      const stuck = uniqueName('nbh-stuck');
      const fine = uniqueName('nbh-fine');
      const stuckContainer = await containers.run(stuck, ['sleep', '600']);
      await containers.run(fine, ['sleep', '600']);
      proxy.rule = (method, url) => (url.includes(`/containers/${stuckContainer.id}/stats`) ? verdict : null);
      try {
        const linkBefore = engineOfKind(core.hub.world(), 'docker')!.status;
        expect(linkBefore.state).toBe('connected');
        // Several samples pass: the healthy container keeps fresh figures, the stuck one has none,
        // and the engine never drops its connection over it.
        for (let i = 0; i < 3; i++) {
          const seq = core.hub.world().seq;
          const { world } = await waitForWorld(core.hub, (w) => w.seq > seq && containerNamed(w, fine)?.stats != null, 8000, `${fine}'s figures`);
          expect(engineOfKind(world, 'docker')!.status.state).toBe('connected');
          expect(containerNamed(world, stuck)?.state).toBe('running');
          expect(containerNamed(world, stuck)?.stats).toBeNull();
        }
        expect(adapter.debugCounts()).toMatchObject({ openEventStreams: 1, retryPending: false });
      } finally {
        proxy.rule = null;
        proxy.releaseStalled();
      }
      // Once the engine answers for it again, its figures come back.
      await waitForWorld(core.hub, (w) => containerNamed(w, stuck)?.stats != null, 10_000, `${stuck}'s figures to return`);
    });
  }

  it('50 containers started at once cost a bounded number of list calls', async () => {
    // A long interval: only the event stream can explain what reaches the map in the meantime.
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 60 });
    try {
      await new Promise((r) => setTimeout(r, 1500)); // let the last 1 s sample finish
      const listsBefore = proxy.count('GET /containers/json');
      const inspectsBefore = proxy.count('GET /containers/:id/json');
      const names = Array.from({ length: 50 }, (_, i) => uniqueName(`nbh-burst-${i}`));
      const started = performance.now();
      await Promise.all(names.map((name) => containers.run(name, ['sleep', '600'])));
      const { ms } = await waitForWorld(core.hub, (w) => names.every((n) => containerNamed(w, n)?.state === 'running'), 20_000, 'all 50 running on the map');
      await new Promise((r) => setTimeout(r, 500));
      const lists = proxy.count('GET /containers/json') - listsBefore;
      const inspects = proxy.count('GET /containers/:id/json') - inspectsBefore;
      console.info(`50-container burst: all on the map ${Math.round(ms)} ms after the last start returned (${Math.round(performance.now() - started)} ms in all); ${lists} list calls, ${inspects} inspect calls`);
      expect(lists).toBeLessThanOrEqual(2);
      // Each container is inspected a few times at most (create, start and anything in between may share a batch).
      expect(inspects).toBeLessThanOrEqual(150);
    } finally {
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    }
  }, 120_000);

  it('an event stream that never opens is a deadline, not a hang: unreachable with the reason, then back', async () => {
    proxy.rule = (method, url) => (url.includes('/events') ? 'stall' : null);
    const lone = new DockerEngine({ endpoint: { local: true, socketPath: proxy.socketPath } });
    const own = await createCore({ settingsPath: null, adapters: [lone] });
    try {
      const down = await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'unreachable', 10_000, 'unreachable');
      const status = engineOfKind(down.world, 'docker')!.status;
      expect(status.state === 'unreachable' && status.reason).toMatch(/did not answer .* in time/);
      console.info(`event stream stalled → unreachable in ${Math.round(down.ms)} ms`);
      proxy.rule = null;
      proxy.releaseStalled();
      await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'connected once the stream opens');
    } finally {
      proxy.rule = null;
      await own.dispose();
    }
    expect(lone.debugCounts()).toMatchObject({ openEventStreams: 0, retryPending: false, listeners: 0, refreshPending: false });
  }, 60_000);

  it('a container removed between the list and its inspect while connecting is left out, not the engine', async () => {
    const gone = await containers.run(uniqueName('nbh-vanishing'), ['sleep', '600']);
    // As if it were removed right after the list: its inspect answers 404.
    proxy.rule = (method, url) => (url.includes(`/containers/${gone.id}/json`) ? 404 : null);
    const lone = new DockerEngine({ endpoint: { local: true, socketPath: proxy.socketPath } });
    const own = await createCore({ settingsPath: null, adapters: [lone] });
    try {
      const { world } = await waitForWorld(own.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'connected');
      expect(engineOfKind(world, 'docker')!.containers.some((c) => c.id === gone.id)).toBe(false);
    } finally {
      proxy.rule = null;
      await own.dispose();
    }
  }, 30_000);
});
