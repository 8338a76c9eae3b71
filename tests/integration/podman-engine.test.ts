/**
 * Podman as an engine of its own kind, over its Docker-compatible socket (the lab's `remote-up` starts the
 * service with a pod of created containers; Podman cannot start containers on this machine, so created
 * ones are what there is): its containers, their pod from the libpod API, rootful reported, and a
 * container made in the pod (and removed) showing through the event stream.
 */
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { testDockerConfig } from '../../src-main/core/docker/docker-test';
import { uniqueName } from '../support/engines';
import { labRemote } from '../support/lab-remote';
import { waitForWorld } from '../support/world-waits';

const lab = await labRemote();

const podmanEngine = (w: World) => w.hosts.flatMap((h) => h.engines).find((e) => e.kind === 'podman');
const podmanContainer = (w: World, name: string) => podmanEngine(w)?.containers.find((c) => c.name === name);

/** A call on Podman's own (libpod) API through the adapter's kind of client (a query goes after `path?`). */
function libpod(docker: Docker, method: string, path: string, options: { body?: object; query?: Record<string, unknown> } = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/v4.0.0/libpod${path}${options.query ? '?' : ''}`,
        method,
        options: options.body ? { _body: options.body } : { _query: options.query ?? {} },
        statusCodes: { 200: true, 201: true, 204: true, 404: 'not found', 500: 'server error' },
        abortSignal: AbortSignal.timeout(10_000),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

describe.skipIf(!lab)('Podman engine (the lab’s Podman service)', () => {
  const L = lab!;
  let core: Core;
  const made: string[] = [];

  beforeAll(async () => {
    core = await createCore({ settingsPath: null, adapters: [new DockerEngine({ config: { kind: 'podman', name: 'Podman', url: L.podman.url } })] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
  });

  afterAll(async () => {
    const DockerCtor = (await import('dockerode')).default;
    const client = new DockerCtor({ socketPath: L.podman.url.slice('unix://'.length) });
    await Promise.all(made.map((name) => libpod(client, 'DELETE', `/containers/${name}`, { query: { force: true } }).catch(() => undefined)));
    await core?.dispose();
  });

  it('is kind podman, rootful, and puts each created container on its pod', async () => {
    const { world } = await waitForWorld(core.hub, (w) => L.podman.podContainers.every((n) => podmanContainer(w, n) !== undefined) && podmanContainer(w, L.podman.container) !== undefined, 15_000, 'Podman’s containers');
    const engine = podmanEngine(world)!;
    expect(engine).toMatchObject({ kind: 'podman', name: 'Podman', endpoint: L.podman.url, draws: 'apartments', status: { state: 'connected' }, rootless: false, hint: null });
    expect(engine.version).toMatch(/^\d+\.\d+/);
    for (const name of L.podman.podContainers) {
      expect(podmanContainer(world, name)).toMatchObject({ state: 'created', pod: { id: expect.stringMatching(/^[0-9a-f]{64}$/), name: L.podman.pod }, stats: null });
    }
    expect(podmanContainer(world, L.podman.container)).toMatchObject({ state: 'created', pod: null });
    // Podman's socket is on this machine: its street is this machine's.
    expect(world.hosts.find((h) => h.engines.includes(engine))!.id).toMatch(/^machine:/);
    console.info(`Podman ${engine.version}: ${engine.containers.length} containers, pods: ${[...new Set(engine.containers.map((c) => c.pod?.name ?? '-'))].join(', ')}`);
  });

  it('a container made in the pod shows with its pod through the event stream, and goes when it is removed', async () => {
    // A long interval: only the event stream can explain a change seen within two seconds.
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 60 });
    try {
      const DockerCtor = (await import('dockerode')).default;
      const client = new DockerCtor({ socketPath: L.podman.url.slice('unix://'.length) });
      const name = uniqueName('nbh-pod-guest');
      made.push(name);
      await libpod(client, 'POST', '/containers/create', { body: { name, image: L.image, pod: L.podman.pod, command: ['sleep', '1000000'], netns: { nsmode: 'none' } } });
      const seen = await waitForWorld(core.hub, (w) => podmanContainer(w, name)?.pod?.name === L.podman.pod, 2000, `${name} in its pod`);
      console.info(`Podman create → on the map with its pod in ${Math.round(seen.ms)} ms`);
      await libpod(client, 'DELETE', `/containers/${name}`, { query: { force: true } });
      const gone = await waitForWorld(core.hub, (w) => podmanContainer(w, name) === undefined, 2000, `${name} gone`);
      console.info(`Podman remove → off the map in ${Math.round(gone.ms)} ms`);
    } finally {
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    }
  });

  it('Test names Podman and the host', async () => {
    expect(await testDockerConfig({ kind: 'podman', name: 'Podman', url: L.podman.url })).toMatchObject({ ok: true, message: expect.stringMatching(/^Podman \d+\.\d+\S* on \S+ \(\d+ CPUs?, [\d.]+ GiB\)$/) });
  });
});
