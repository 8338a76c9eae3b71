/**
 * Docker engines beyond the local socket, against the real daemons of `scripts/lab.sh remote-up`: a second
 * dockerd on its own socket (same machine, so the same street), one in its own UTS namespace over loopback
 * TCP (another street), TLS with the right and the wrong files, and ssh:// with the right key, an unknown
 * or changed host key, and a wrong key — through the adapter and through testDockerConfig.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus, World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { testDockerConfig } from '../../src-main/core/docker/docker-test';
import type { DockerConfig } from '../../src-main/core/docker/docker-transport';
import { IN_CI, dockerAnswers, run } from '../support/engines';
import { labRemote } from '../support/lab-remote';
import { TcpForward } from '../support/tcp-forward';
import { waitForWorld } from '../support/world-waits';

const docker = await dockerAnswers();
if (IN_CI && !docker) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');
const lab = docker ? await labRemote() : null;

const MAIN: DockerConfig = { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' };

const engineAt = (w: World, endpoint: string) => w.hosts.flatMap((h) => h.engines).find((e) => e.endpoint === endpoint);
const hostOf = (w: World, endpoint: string) => w.hosts.find((h) => h.engines.some((e) => e.endpoint === endpoint));
const stateAt = (w: World, endpoint: string) => engineAt(w, endpoint)?.status.state;
const unreachable = (s: EngineStatus | undefined) => (s?.state === 'unreachable' ? s : null);

/** Waits until sshChildren settles at `want` (children exit a moment after they are killed). */
async function sshChildrenSettle(engine: DockerEngine, want: (n: number) => boolean, timeoutMs = 5000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let n = engine.debugCounts().sshChildren;
  while (!want(n) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    n = engine.debugCounts().sshChildren;
  }
  return n;
}

/** ssh processes whose parent is this test process. */
async function sshChildrenOfThisProcess(): Promise<string[]> {
  const { stdout } = await run('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((l) => /\bssh$/.test(l.trim()));
}

describe.skipIf(!lab)('Docker engines beyond the local socket (lab remote-up)', () => {
  const L = lab!;
  let core: Core | null = null;
  const watch = async (...engines: DockerEngine[]): Promise<Core> => {
    core = await createCore({ settingsPath: null, adapters: engines });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    return core;
  };

  afterEach(async () => {
    await core?.dispose();
    core = null;
  });

  it('a second dockerd on its own socket stands beside the first: two buildings on one street', async () => {
    const second = new DockerEngine({ config: { kind: 'docker', name: 'Docker (second)', url: L.docker2.url } });
    const c = await watch(new DockerEngine({ config: MAIN }), second);
    const { world } = await waitForWorld(
      c.hub,
      (w) => stateAt(w, MAIN.url) === 'connected' && (engineAt(w, L.docker2.url)?.containers.some((x) => x.name === L.docker2.container) ?? false),
      15_000,
      'both local engines with the second one’s container',
    );
    expect(world.hosts).toHaveLength(1);
    const street = world.hosts[0]!;
    expect(street.engines.map((e) => [e.kind, e.endpoint])).toEqual([
      ['docker', MAIN.url],
      ['docker', L.docker2.url],
    ]);
    expect(street.engines[1]).toMatchObject({ name: 'Docker (second)', hint: null, rootless: null });
    expect(street.id).toMatch(/^machine:/);
    // Its own containers, not the first daemon's: the sleeper lives in docker2 only.
    expect(engineAt(world, MAIN.url)!.containers.some((x) => x.name === L.docker2.container)).toBe(false);
    // A local engine reads its figures from the kernel.
    await waitForWorld(c.hub, (w) => engineAt(w, L.docker2.url)?.containers.find((x) => x.name === L.docker2.container)?.stats != null, 6000, 'figures for the sleeper');
    expect(second.statsSources().kernel).toBeGreaterThan(0);
  });

  it('a dockerd in its own UTS namespace over loopback TCP is another machine: a second street with its hostname, said to be unencrypted', async () => {
    const far = new DockerEngine({ config: { kind: 'docker', name: 'far', url: L.far.url } });
    const c = await watch(new DockerEngine({ config: MAIN }), far);
    const { world } = await waitForWorld(
      c.hub,
      (w) => stateAt(w, MAIN.url) === 'connected' && (engineAt(w, L.far.url)?.containers.some((x) => x.name === L.far.container) ?? false),
      15_000,
      'the far engine with its container',
    );
    expect(world.hosts).toHaveLength(2);
    const farStreet = hostOf(world, L.far.url)!;
    expect(farStreet.name).toBe(L.far.hostname);
    expect(farStreet.id).not.toBe(hostOf(world, MAIN.url)!.id);
    expect(farStreet.engines).toHaveLength(1);
    expect(engineAt(world, L.far.url)!.hint).toMatch(/unencrypted/);
    // Remote engines use the stats API (the kernel path is this machine's only).
    await waitForWorld(c.hub, (w) => engineAt(w, L.far.url)?.containers.find((x) => x.name === L.far.container)?.stats != null, 8000, 'figures over the API');
    expect(far.statsSources()).toMatchObject({ kernel: 0 });
    expect(far.statsSources().api).toBeGreaterThan(0);
  });

  describe('tcp:// with TLS', () => {
    const T = L.tls;
    const good: DockerConfig = { kind: 'docker', name: 'tls', url: T.url, tls: { ca: T.ca, cert: T.cert, key: T.key } };

    it('connects with the lab CA and client certificate and shows the containers, with figures from the API', async () => {
      const tls = new DockerEngine({ config: good });
      const c = await watch(tls);
      const { world } = await waitForWorld(c.hub, (w) => engineAt(w, T.url)?.containers.find((x) => x.name === T.container)?.stats != null, 15_000, 'the TLS engine’s container with figures');
      expect(engineAt(world, T.url)).toMatchObject({ kind: 'docker', status: { state: 'connected' }, hint: null });
      expect(hostOf(world, T.url)!.id).toMatch(/^host:/);
      expect(tls.statsSources().kernel).toBe(0);
      expect(await testDockerConfig(good)).toMatchObject({ ok: true, message: expect.stringMatching(/^Docker \S+ on \S+ \(\d+ CPUs?, [\d.]+ GiB\)$/) });
    });

    it.each([
      { name: 'a CA that did not sign the engine’s certificate', tls: { ca: T.otherCa, cert: T.cert, key: T.key }, why: /^the engine's certificate is not signed by the CA in .*other-ca\.pem$/ },
      { name: 'a client certificate the engine does not trust', tls: { ca: T.ca, cert: T.otherCert, key: T.otherKey }, why: /^the engine refused the client certificate .*other-client\.pem \(.*unknown ca\)/ },
      { name: 'a key that is not the certificate’s', tls: { ca: T.ca, cert: T.cert, key: T.strayKey }, why: /^the key .*stray-key\.pem does not belong to the client certificate .*client\.pem$/ },
      { name: 'a CA file that is not there', tls: { ca: '/nonexistent/ca.pem', cert: T.cert, key: T.key }, why: /^the TLS CA file \/nonexistent\/ca\.pem cannot be read \(no such file\)$/ },
    ])('$name: unreachable with the reason, retried; Test says the same', async ({ tls, why }) => {
      const config: DockerConfig = { kind: 'docker', name: 'tls', url: T.url, tls };
      const c = await watch(new DockerEngine({ config }));
      const { world } = await waitForWorld(c.hub, (w) => stateAt(w, T.url) === 'unreachable', 10_000, 'unreachable');
      const status = unreachable(engineAt(world, T.url)?.status)!;
      expect(status.reason).toMatch(why);
      expect(status.nextRetryAt).toBeGreaterThan(Date.now() - 1000);
      expect(engineAt(world, T.url)!.hint).toMatch(/\S/);
      const test = await testDockerConfig(config);
      expect(test).toMatchObject({ ok: false, version: null, host: null });
      expect(test.message.startsWith(status.reason)).toBe(true);
    });
  });

  it('TLS to an address the engine’s certificate does not name fails with that reason', async () => {
    // 127.0.0.2 reaches the same TLS port, but the lab's server certificate is for 127.0.0.1 and localhost only.
    const other = await new TcpForward({ port: Number(new URL(L.tls.url).port) }, '127.0.0.2').start();
    try {
      const result = await testDockerConfig({ kind: 'docker', name: 'tls', url: other.url, tls: { ca: L.tls.ca, cert: L.tls.cert, key: L.tls.key } });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/^the engine's certificate is not for 127\.0\.0\.2 \(.*127\.0\.0\.2.*\)\. Connect by a name or address the certificate lists/);
    } finally {
      await other.stop();
    }
  });

  describe('ssh://', () => {
    const S = L.ssh;
    const good: DockerConfig = { kind: 'docker', name: 'ssh', url: S.url, ssh: { identityFile: S.identityFile, knownHostsFile: S.knownHostsFile } };

    it('connects through the user’s ssh with the lab key and shows the containers; children are few and gone after dispose', async () => {
      const engine = new DockerEngine({ config: good });
      const c = await watch(engine);
      const { world, ms } = await waitForWorld(c.hub, (w) => engineAt(w, S.url)?.containers.find((x) => x.name === S.container)?.stats != null, 20_000, 'the ssh engine’s container with figures');
      console.info(`ssh:// connected with figures in ${Math.round(ms)} ms; ${engine.debugCounts().sshChildren} ssh children`);
      expect(engineAt(world, S.url)).toMatchObject({ status: { state: 'connected' }, hint: null });
      expect(engine.debugCounts().sshChildren).toBeGreaterThan(0);
      expect(engine.debugCounts().sshChildren).toBeLessThanOrEqual(8);
      // The count is the processes: the same number of ssh children as the system sees.
      expect(await sshChildrenOfThisProcess()).toHaveLength(engine.debugCounts().sshChildren);
      expect(await testDockerConfig(good)).toMatchObject({ ok: true, message: expect.stringMatching(/^Docker \S+ on /) });
      await c.dispose();
      core = null;
      // Disposed means gone: no ssh child of ours is left, from the adapter or from Test.
      expect(engine.debugCounts().sshChildren).toBe(0);
      expect(await sshChildrenOfThisProcess()).toEqual([]);
    });

    it('an unknown host key is refused, with how to accept it, and known_hosts is left as it was', async () => {
      const config: DockerConfig = { ...good, ssh: { identityFile: S.identityFile, knownHostsFile: S.emptyKnownHostsFile } };
      const engine = new DockerEngine({ config });
      const c = await watch(engine);
      const { world } = await waitForWorld(c.hub, (w) => stateAt(w, S.url) === 'unreachable', 15_000, 'unreachable');
      const e = engineAt(world, S.url)!;
      expect(unreachable(e.status)!.reason).toMatch(/^the SSH host key of \[127\.0\.0\.1\]:\d+ is not known \(not in .*empty_known_hosts\); refused$/);
      expect(e.hint).toMatch(/run `ssh .*-p \d+ root@127\.0\.0\.1` in a terminal and check the fingerprint it shows before answering yes, or add it with `ssh-keyscan -p \d+ 127\.0\.0\.1 >> .*` after checking it/);
      expect((await stat(S.emptyKnownHostsFile)).size).toBe(0);
      const test = await testDockerConfig(config);
      expect(test.ok).toBe(false);
      expect(test.message).toMatch(/is not known .*check the fingerprint/);
      expect(await sshChildrenSettle(engine, (n) => n === 0)).toBe(0);
    });

    it('a changed host key is refused as a possible attack, never accepted', async () => {
      const config: DockerConfig = { ...good, ssh: { identityFile: S.identityFile, knownHostsFile: S.changedKnownHostsFile } };
      const before = await readFile(S.changedKnownHostsFile, 'utf8');
      const c = await watch(new DockerEngine({ config }));
      const { world } = await waitForWorld(c.hub, (w) => stateAt(w, S.url) === 'unreachable', 15_000, 'unreachable');
      const e = engineAt(world, S.url)!;
      expect(unreachable(e.status)!.reason).toMatch(/host key of \[127\.0\.0\.1\]:\d+ has changed since it was recorded in .*changed_known_hosts line 1; refused/);
      expect(e.hint).toMatch(/Do not connect until you know why.*SHA256:/);
      expect(await readFile(S.changedKnownHostsFile, 'utf8')).toBe(before);
    });

    it('a key the server does not accept fails with its reason and which key to use', async () => {
      const config: DockerConfig = { ...good, ssh: { identityFile: S.wrongIdentityFile, knownHostsFile: S.knownHostsFile } };
      const c = await watch(new DockerEngine({ config }));
      const { world } = await waitForWorld(c.hub, (w) => stateAt(w, S.url) === 'unreachable', 15_000, 'unreachable');
      const e = engineAt(world, S.url)!;
      expect(unreachable(e.status)!.reason).toMatch(/refused root with the key .*wrong_ed25519 \(Permission denied \(publickey\)\)/);
      expect(e.hint).toMatch(/Use a key the server accepts for root/);
      expect((await testDockerConfig(config)).message).toMatch(/Permission denied \(publickey\)/);
    });

    it('a cut link is unreachable with the reason, reconnects by itself, and leaves no ssh child behind', async () => {
      // sshd behind a port this test can take down; the host key is recorded for that port.
      const link = await new TcpForward({ port: S.port }).start();
      const known = join(tmpdir(), `nbh-known-${process.pid}`);
      const line = (await readFile(S.knownHostsFile, 'utf8')).trim().replace(/^\S+/, `[127.0.0.1]:${link.port}`);
      await writeFile(known, `${line}\n`);
      const url = `ssh://root@127.0.0.1:${link.port}`;
      const engine = new DockerEngine({ config: { kind: 'docker', name: 'ssh via link', url, ssh: { identityFile: S.identityFile, knownHostsFile: known } } });
      try {
        const c = await watch(engine);
        await waitForWorld(c.hub, (w) => engineAt(w, url)?.containers.find((x) => x.name === S.container)?.stats != null, 20_000, 'connected with figures');
        const before = engine.debugCounts();
        expect(before).toMatchObject({ openEventStreams: 1, retryPending: false });

        await link.setMode('closed');
        const down = await waitForWorld(c.hub, (w) => stateAt(w, url) === 'unreachable', 10_000, 'unreachable');
        console.info(`ssh link cut → unreachable in ${Math.round(down.ms)} ms: ${unreachable(engineAt(down.world, url)?.status)?.reason}`);
        await waitForWorld(c.hub, (w) => /connection refused at ssh:\/\//.test(unreachable(engineAt(w, url)?.status)?.reason ?? ''), 10_000, 'refused while the link is down');
        // Retries while down leave no ssh process running.
        expect(await sshChildrenSettle(engine, (n) => n === 0)).toBe(0);

        await link.setMode('forward');
        const back = await waitForWorld(c.hub, (w) => stateAt(w, url) === 'connected', 10_000, 'reconnected');
        console.info(`ssh link back → connected in ${Math.round(back.ms)} ms`);
        await new Promise((r) => setTimeout(r, 2500));
        const after = engine.debugCounts();
        expect({ ...after, sshChildren: 0 }).toEqual({ ...before, sshChildren: 0 });
        expect(after.sshChildren).toBeLessThanOrEqual(8);
        await c.dispose();
        core = null;
        expect(engine.debugCounts().sshChildren).toBe(0);
        expect(await sshChildrenOfThisProcess()).toEqual([]);
      } finally {
        await link.stop();
        await rm(known, { force: true });
      }
    }, 90_000);
  });

  afterAll(async () => {
    await core?.dispose();
  });
});
