/**
 * Many engines watched at once (the lab's `remote-up`): the local dockerd and a second one on their
 * sockets, the second again over TLS and over ssh, Podman, and the far dockerd (another hostname) over
 * plain TCP through a link this test can stall and cut. Prints each engine's sample time; then shows the
 * far street unreachable with its reason and its next retry while every other engine keeps its cadence.
 */
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ActionDone, World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import type { DockerConfig } from '../../src-main/core/docker/docker-transport';
import type { EngineAdapter, EngineReport } from '../../src-main/core/engine';
import { IN_CI, dockerAnswers, uniqueName } from '../support/engines';
import { labRemote } from '../support/lab-remote';
import { TcpForward } from '../support/tcp-forward';
import { waitForWorld } from '../support/world-waits';

const docker = await dockerAnswers();
if (IN_CI && !docker) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');
const lab = docker ? await labRemote() : null;

/** An adapter that notes when each of its samples starts and how long it takes; everything else is the engine's. */
class Timed implements EngineAdapter {
  readonly starts: number[] = [];
  readonly durations: number[] = [];

  constructor(
    readonly label: string,
    readonly engine: DockerEngine,
  ) {}

  get kind() {
    return this.engine.kind;
  }
  get endpoint() {
    return this.engine.endpoint;
  }
  get local() {
    return this.engine.local;
  }
  get name() {
    return this.engine.name;
  }
  start(): void {
    this.engine.start();
  }
  async sample(): Promise<void> {
    const t0 = Date.now();
    this.starts.push(t0);
    await this.engine.sample();
    this.durations.push(Date.now() - t0);
  }
  report(): EngineReport {
    return this.engine.report();
  }
  subscribe(listener: () => void): () => void {
    return this.engine.subscribe(listener);
  }
  act(action: Action): Promise<ActionDone> {
    return this.engine.act(action);
  }
  dispose(): Promise<void> {
    return this.engine.dispose();
  }
}

const engineAt = (w: World, endpoint: string) => w.hosts.flatMap((h) => h.engines).find((e) => e.endpoint === endpoint);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const gapsWithin = (starts: number[], from: number, to: number) => {
  // From the last sample before the window (one interval back) to the end of it.
  const inside = starts.filter((t) => t >= from - 1100 && t <= to);
  return inside.slice(1).map((t, i) => t - inside[i]!);
};

describe.skipIf(!lab)('many engines at once (lab remote-up)', () => {
  const L = lab!;
  const docker2 = new Docker({ socketPath: L.docker2.url.slice('unix://'.length) });
  const sleepers: string[] = [];
  let far: TcpForward;
  let core: Core;
  let timed: Timed[];

  beforeAll(async () => {
    // A few running containers on the second daemon, so its remote views (TLS, ssh) have figures to fetch.
    for (let i = 0; i < 6; i++) {
      const c = await docker2.createContainer({ name: uniqueName('nbh-many'), Image: L.image, Cmd: ['sleep', '600'], Labels: { 'neighborhood.test': '1' }, HostConfig: { Memory: 16 * 1024 * 1024 } });
      sleepers.push(c.id);
      await c.start();
    }
    far = await new TcpForward({ path: L.far.socket }).start();
    const configs: Array<[string, DockerConfig]> = [
      ['local docker (unix)', { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }],
      ['docker2 (unix)', { kind: 'docker', name: 'docker2', url: L.docker2.url }],
      ['docker2 over TLS', { kind: 'docker', name: 'TLS', url: L.tls.url, tls: { ca: L.tls.ca, cert: L.tls.cert, key: L.tls.key } }],
      ['podman (unix)', { kind: 'podman', name: 'Podman', url: L.podman.url }],
      ['docker2 over ssh', { kind: 'docker', name: 'ssh', url: L.ssh.url, ssh: { identityFile: L.ssh.identityFile, knownHostsFile: L.ssh.knownHostsFile } }],
      ['far over plain TCP', { kind: 'docker', name: 'far', url: far.url }],
    ];
    timed = configs.map(([label, config]) => new Timed(label, new DockerEngine({ config })));
    core = await createCore({ settingsPath: null, adapters: timed });
    await waitForWorld(core.hub, (w) => timed.every((t) => engineAt(w, t.endpoint)?.status.state === 'connected'), 30_000, 'every engine connected').catch((err: unknown) => {
      const states = timed.map((t) => `${t.label}: ${JSON.stringify(engineAt(core.hub.world(), t.endpoint)?.status)}`);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n  ${states.join('\n  ')}`);
    });
  });

  afterAll(async () => {
    await core?.dispose();
    await far?.stop();
    await Promise.all(sleepers.map((id) => docker2.getContainer(id).remove({ force: true }).catch(() => undefined)));
  });

  it('prints each engine’s sample time with all of them watched at once (2 s interval)', async () => {
    // Let the figures settle (rates need two samples), then watch five more samples.
    await new Promise((r) => setTimeout(r, 4000));
    const from = timed.map((t) => t.durations.length);
    await new Promise((r) => setTimeout(r, 10_500));
    const world = core.hub.world();
    const rows = timed.map((t, i) => {
      const e = engineAt(world, t.endpoint)!;
      const ds = t.durations.slice(from[i]);
      const running = e.containers.filter((c) => c.state === 'running').length;
      const stats = t.engine.statsSources();
      return { t, ds, row: `${t.label.padEnd(20)} ${String(running).padStart(3)} running  sample median ${String(median(ds)).padStart(5)} ms, max ${String(Math.max(...ds)).padStart(5)} ms over ${ds.length}  (kernel ${stats.kernel}, api ${stats.api})` };
    });
    console.info(`sample time per engine, ${timed.length} engines at once:\n  ${rows.map((r) => r.row).join('\n  ')}`);
    for (const { t, ds } of rows) {
      expect(ds.length, t.label).toBeGreaterThanOrEqual(4);
      // Every sample ends well within the interval's reach: none waits on another engine.
      expect(median(ds), t.label).toBeLessThan(4000);
    }
  }, 60_000);

  it('a far engine that stalls, then is gone: its street says unreachable, why, and when it retries; the other engines keep their cadence', async () => {
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    // Every loop settles into the 1 s cadence before the outage starts.
    await new Promise((r) => setTimeout(r, 2500));
    const farEngine = timed.at(-1)!;
    const others = timed.slice(0, -1);
    const frames: number[] = [];
    const off = core.hub.onFrame((w) => frames.push(w.at));
    try {
      const outageFrom = Date.now();
      // Stalled: the link holds every connection and answers nothing (a hung machine).
      await far.setMode('stall');
      const stalled = await waitForWorld(core.hub, (w) => engineAt(w, far.url)?.status.state === 'unreachable', 15_000, 'unreachable while stalled');
      console.info(`far stalled → unreachable in ${Math.round(stalled.ms)} ms`);
      await new Promise((r) => setTimeout(r, 6000));
      const stalledStatus = engineAt(core.hub.world(), far.url)!.status;
      console.info(`  while stalled: ${JSON.stringify(stalledStatus)}`);

      // Gone: nothing listens any more.
      await far.setMode('closed');
      const gone = await waitForWorld(core.hub, (w) => /connection refused at tcp:\/\/127\.0\.0\.1:\d+/.test(engineAt(w, far.url)?.status.state === 'unreachable' ? (engineAt(w, far.url)!.status as { reason: string }).reason : ''), 10_000, 'refused');
      const farStreet = gone.world.hosts.find((h) => h.engines.some((e) => e.endpoint === far.url))!;
      const status = engineAt(gone.world, far.url)!.status;
      expect(farStreet.name).toBe(L.far.hostname);
      expect(status.state).toBe('unreachable');
      if (status.state === 'unreachable') {
        expect(status.since).toBeGreaterThanOrEqual(outageFrom - 100);
        expect(status.nextRetryAt).not.toBeNull();
        expect(status.nextRetryAt! - gone.world.at).toBeLessThanOrEqual(2500);
      }
      expect(engineAt(gone.world, far.url)!.hint).toMatch(/listens at tcp:\/\/127\.0\.0\.1:\d+.*unencrypted/);
      console.info(`far gone: ${JSON.stringify(status)}`);
      await new Promise((r) => setTimeout(r, 3000));
      const outageTo = Date.now();

      for (const t of others) {
        const gaps = gapsWithin(t.starts, outageFrom, outageTo);
        console.info(`  ${t.label.padEnd(20)} samples during the outage: ${gaps.length + 1}, gaps ${gaps.join(' ')} ms`);
        expect(engineAt(core.hub.world(), t.endpoint)!.status.state, t.label).toBe('connected');
        expect(gaps.length, t.label).toBeGreaterThanOrEqual(Math.floor((outageTo - outageFrom) / Math.max(1000, median(t.durations) + 100)) - 2);
        // The interval, or the engine's own sample time where that is longer (ssh fetches stats in waves).
        expect(Math.max(...gaps), t.label).toBeLessThan(Math.max(1000, median(t.durations)) + 1200);
      }
      const frameGaps = gapsWithin(frames, outageFrom, outageTo);
      expect(Math.max(...frameGaps)).toBeLessThan(2000);

      // Back: it reconnects by itself.
      await far.setMode('forward');
      const back = await waitForWorld(core.hub, (w) => engineAt(w, far.url)?.status.state === 'connected', 10_000, 'far back');
      console.info(`far back → connected in ${Math.round(back.ms)} ms`);
      expect(farEngine.engine.debugCounts()).toMatchObject({ openEventStreams: 1, retryPending: false });
    } finally {
      off();
      await far.setMode('forward');
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 2 });
    }
  }, 90_000);
});
