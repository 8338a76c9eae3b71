/**
 * Acting from the map, against the real engines: snapshots (take, revert, delete, describe) on tiny
 * real QEMU guests and lifecycle actions on VMs and containers, all through the one validated action
 * channel exactly as the renderer sends them. Each result is checked in the engine itself.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ActionDone, InvokeResult, World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { engineId } from '../../src-main/core/engine';
import { LibvirtEngine } from '../../src-main/core/libvirt/libvirt-engine';
import { IN_CI, TestContainers, dockerAnswers, uniqueName } from '../support/engines';
import { LIBVIRT_URI, TestVms, requireLibvirt } from '../support/vms';
import { containerNamed, engineOfKind, waitForWorld } from '../support/world-waits';

const exec = promisify(execFile);
const libvirtOk = await requireLibvirt();
const dockerOk = await dockerAnswers();
if (IN_CI && !dockerOk) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');

const LIBVIRT = engineId('libvirt', LIBVIRT_URI);
const vmOf = (w: World, uuid: string) => w.hosts.flatMap((h) => h.engines.flatMap((e) => e.vms)).find((v) => v.uuid === uuid);
const virsh = async (...args: string[]) => (await exec('virsh', ['-c', LIBVIRT_URI, ...args])).stdout.trim();
const snapshotNames = async (uuid: string) => (await virsh('snapshot-list', uuid, '--name')).split('\n').map((s) => s.trim()).filter(Boolean).sort();
const HOSTILE = "</description><disks><disk name='vda' snapshot='external'/></disks>";

describe.skipIf(!libvirtOk || !dockerOk)('actions from the map (real libvirtd + QEMU, real dockerd)', () => {
  const vms = new TestVms();
  const containers = new TestContainers();
  let core: Core;
  let docker: DockerEngine;

  const act = (action: Action) => core.api.invoke('action:run', action) as Promise<InvokeResult<ActionDone>>;
  const ok = async (action: Action): Promise<ActionDone> => {
    const r = await act(action);
    if (!r.ok) throw new Error(`${action.kind} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const stateIs = (uuid: string, state: string, ms = 10_000) => waitForWorld(core.hub, (w) => vmOf(w, uuid)?.state === state, ms, `VM ${state}`);

  beforeAll(async () => {
    docker = new DockerEngine();
    core = await createCore({ settingsPath: null, adapters: [docker, new LibvirtEngine({ uri: LIBVIRT_URI })] });
    await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
    await waitForWorld(core.hub, (w) => engineOfKind(w, 'libvirt')?.status.state === 'connected' && engineOfKind(w, 'docker')?.status.state === 'connected', 15_000, 'both engines');
  });

  afterAll(async () => {
    await vms.cleanup();
    await containers.cleanup();
    await core?.dispose();
  });

  it('takes a snapshot with memory while running; after a pause, a shutdown and a revert the VM runs again at that snapshot', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-mem'), vcpus: 1, mib: 128 });
    await stateIs(uuid, 'running');
    const take = await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name: 'warm', description: 'running, memory saved', memory: true });
    expect(take.message).toMatch(/Snapshot “warm” .* taken/);
    const { world } = await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.some((s) => s.name === 'warm') ?? false, 5000, 'the snapshot in the tree');
    expect(vmOf(world, uuid)!.snapshots.find((s) => s.name === 'warm')).toMatchObject({ hasMemory: true, state: 'running', current: true, external: false, revertBlocked: null });

    await ok({ kind: 'vm', engineId: LIBVIRT, uuid, op: 'suspend' });
    await stateIs(uuid, 'paused');
    await ok({ kind: 'vm', engineId: LIBVIRT, uuid, op: 'destroy' });
    await stateIs(uuid, 'shutoff');
    const revert = await ok({ kind: 'snapshot-revert', engineId: LIBVIRT, uuid, name: 'warm', force: false });
    expect(revert.message).toMatch(/reverted to “warm”; it is running/);
    await stateIs(uuid, 'running');
    expect(await virsh('domstate', uuid)).toBe('running');
    expect(await virsh('snapshot-current', uuid, '--name')).toBe('warm');
  });

  it('reverting a snapshot taken while shut off undoes a write made to the disk image since', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-cold'), vcpus: 1, mib: 64 }, { start: false });
    await stateIs(uuid, 'shutoff');
    await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name: 'clean', description: '', memory: false });
    const disk = vms.diskOf(uuid);
    await exec('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0xab 0 64k', disk]);
    await exec('qemu-io', ['-f', 'qcow2', '-c', 'read -P 0xab 0 64k', disk]); // the write is there
    await ok({ kind: 'snapshot-revert', engineId: LIBVIRT, uuid, name: 'clean', force: false });
    const after = await exec('qemu-io', ['-f', 'qcow2', '-c', 'read -P 0 0 64k', disk]);
    expect(after.stdout).not.toMatch(/Pattern verification failed/);
    expect(await virsh('domstate', uuid)).toBe('shut off');
  });

  it('deletes one snapshot (its child is re-parented), then one with its children', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-del'), vcpus: 1, mib: 64 }, { start: false });
    await stateIs(uuid, 'shutoff');
    for (const name of ['a', 'b', 'c', 'd']) await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name, description: '', memory: false });
    await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.length === 4, 5000, 'four snapshots');
    await ok({ kind: 'snapshot-delete', engineId: LIBVIRT, uuid, name: 'b', children: false });
    const { world } = await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.length === 3, 5000, 'b gone');
    expect(vmOf(world, uuid)!.snapshots.find((s) => s.name === 'c')!.parent).toBe('a');
    expect(await snapshotNames(uuid)).toEqual(['a', 'c', 'd']);
    await ok({ kind: 'snapshot-delete', engineId: LIBVIRT, uuid, name: 'a', children: true });
    await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.length === 0, 5000, 'all gone');
    expect(await snapshotNames(uuid)).toEqual([]);
  });

  it('descriptions read back exactly as given, the hostile one included, with the disks unchanged', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-desc'), vcpus: 1, mib: 64 }, { start: false });
    await stateIs(uuid, 'shutoff');
    const domainBefore = await virsh('dumpxml', uuid, '--inactive');
    await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name: 'hostile', description: HOSTILE, memory: false });
    await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots[0]?.description === HOSTILE, 5000, 'the hostile description, verbatim');
    const dumped = await virsh('snapshot-dumpxml', uuid, 'hostile');
    expect(dumped).toContain("<disk name='vda' snapshot='internal'/>");
    expect(dumped).not.toContain("snapshot='external'");

    const edited = 'second\nline "two" & <three>';
    await ok({ kind: 'snapshot-describe', engineId: LIBVIRT, uuid, name: 'hostile', description: edited });
    const { world } = await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots[0]?.description === edited, 5000, 'the edited description');
    expect(vmOf(world, uuid)!.snapshots[0]).toMatchObject({ current: true, external: false });
    await ok({ kind: 'snapshot-describe', engineId: LIBVIRT, uuid, name: 'hostile', description: HOSTILE });
    await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots[0]?.description === HOSTILE, 5000, 'the hostile description again');
    const redumped = await virsh('snapshot-dumpxml', uuid, 'hostile');
    // Only the description changed: the rest of the snapshot, and the domain itself, are as they were.
    const rest = (xml: string) => xml.replace(/<description>[^<]*<\/description>\s*/, '');
    expect(rest(redumped)).toBe(rest(dumped));
    expect(await virsh('dumpxml', uuid, '--inactive')).toBe(domainBefore);
  });

  it('five takes at once on one VM make five snapshots; a take on a second VM meanwhile does not wait for them', async () => {
    const [a, b] = await Promise.all([
      vms.define({ name: uniqueName('nbh-act-five'), vcpus: 1, mib: 128 }),
      vms.define({ name: uniqueName('nbh-act-other'), vcpus: 1, mib: 128 }),
    ]);
    await stateIs(a, 'running');
    await stateIs(b, 'running');
    const t0 = performance.now();
    const five = Promise.all([1, 2, 3, 4, 5].map((n) => act({ kind: 'snapshot-create', engineId: LIBVIRT, uuid: a, name: `take-${n}`, description: '', memory: true }).then((r) => ({ r, at: performance.now() - t0 }))));
    // Let the first take start before the other VM's.
    await new Promise((r) => setTimeout(r, 20));
    const other = await act({ kind: 'snapshot-create', engineId: LIBVIRT, uuid: b, name: 'meanwhile', description: '', memory: true }).then((r) => ({ r, at: performance.now() - t0 }));
    const results = await five;
    const lastOfFive = Math.max(...results.map((x) => x.at));
    console.info(`five takes on one VM: done at ${results.map((x) => Math.round(x.at)).join(', ')} ms; a take on another VM meanwhile: done at ${Math.round(other.at)} ms`);
    expect(results.map((x) => (x.r.ok ? 'ok' : `${x.r.error.code}: ${x.r.error.message}`))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(other.r.ok).toBe(true);
    expect(other.at).toBeLessThan(lastOfFive);
    expect(await snapshotNames(a)).toEqual(['take-1', 'take-2', 'take-3', 'take-4', 'take-5']);
  }, 120_000);

  it('refuses before libvirt is asked: a raw disk (naming it), a bad name, a duplicate — and nothing changes', async () => {
    const raw = await vms.define({ name: uniqueName('nbh-act-raw'), vcpus: 1, mib: 64 }, { start: false, rawDisk: true });
    const fine = await vms.define({ name: uniqueName('nbh-act-names'), vcpus: 1, mib: 64 }, { start: false });
    await stateIs(raw, 'shutoff');
    await stateIs(fine, 'shutoff');
    const { world } = await waitForWorld(core.hub, (w) => vmOf(w, raw)?.snapshotRules.take != null, 5000, 'the raw disk rule');
    expect(vmOf(world, raw)!.snapshotRules.take).toMatch(/Disk vdb is a raw disk/);
    await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: 'taken', description: '', memory: false });
    await waitForWorld(core.hub, (w) => vmOf(w, fine)?.snapshots.length === 1, 5000, 'one snapshot');

    const cases: Array<[Action, RegExp]> = [
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: raw, name: 'x', description: '', memory: false }, /Disk vdb is a raw disk.*qcow2/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: 'a/b', description: '', memory: false }, /cannot contain “\/”/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: '.dot', description: '', memory: false }, /cannot start with “\.”/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: '', description: '', memory: false }, /needs a name/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: 'x'.repeat(101), description: '', memory: false }, /at most 100/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: 'taken', description: '', memory: false }, /already has a snapshot named “taken”/],
      [{ kind: 'snapshot-create', engineId: LIBVIRT, uuid: fine, name: 'mem', description: '', memory: true }, /shut off: it has no memory/],
    ];
    for (const [action, why] of cases) {
      const r = await act(action);
      expect(r.ok, JSON.stringify({ ...action, engineId: undefined, uuid: undefined })).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('refused');
        expect(r.error.message).toMatch(why);
        expect(r.error.message).toMatch(/Nothing was changed/);
      }
    }
    expect(await snapshotNames(raw)).toEqual([]);
    expect(await snapshotNames(fine)).toEqual(['taken']);
  });

  it('carries out every VM lifecycle action, each seen in libvirt afterwards', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-life'), vcpus: 1, mib: 64 }, { start: false });
    await stateIs(uuid, 'shutoff');
    const steps: Array<[Action & { kind: 'vm' }, string]> = [
      [{ kind: 'vm', engineId: LIBVIRT, uuid, op: 'start' }, 'running'],
      [{ kind: 'vm', engineId: LIBVIRT, uuid, op: 'suspend' }, 'paused'],
      [{ kind: 'vm', engineId: LIBVIRT, uuid, op: 'resume' }, 'running'],
      [{ kind: 'vm', engineId: LIBVIRT, uuid, op: 'reboot' }, 'running'],
      [{ kind: 'vm', engineId: LIBVIRT, uuid, op: 'destroy' }, 'shut off'],
    ];
    for (const [action, want] of steps) {
      await ok(action);
      await expect.poll(() => virsh('domstate', uuid), { timeout: 10_000 }).toBe(want);
    }
    // ACPI shutdown: libvirt accepts the request; a guest with no OS (ours idles in firmware) ignores it.
    await ok({ kind: 'vm', engineId: LIBVIRT, uuid, op: 'start' });
    await stateIs(uuid, 'running');
    const shutdown = await ok({ kind: 'vm', engineId: LIBVIRT, uuid, op: 'shutdown' });
    expect(shutdown.message).toMatch(/asked to shut down \(ACPI\)/);
    // And an action that does not apply is libvirt's refusal, with the VM as it was.
    const r = await act({ kind: 'vm', engineId: LIBVIRT, uuid, op: 'resume' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toMatch(/^libvirt:\d+$/);
      expect(r.error.message).toMatch(/The VM is as it was/);
    }
    expect(await virsh('domstate', uuid)).toBe('running');
  }, 60_000);

  it('carries out every container action, each seen in Docker afterwards; a running one is removed only with force', async () => {
    const DOCKER = engineId('docker', docker.endpoint);
    const name = uniqueName('nbh-act-box');
    // A process that ends on SIGTERM, so stop and restart need not wait out Docker's 10 s grace.
    const c = await containers.run(name, ['sh', '-c', 'trap "exit 0" TERM; sleep 600 & wait']);
    await waitForWorld(core.hub, (w) => containerNamed(w, name)?.state === 'running', 5000, 'running');
    const state = async () => (await c.inspect()).State.Status;
    const steps: Array<[Action & { kind: 'container' }, string]> = [
      [{ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'pause' }, 'paused'],
      [{ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'unpause' }, 'running'],
      [{ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'restart' }, 'running'],
      [{ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'stop' }, 'exited'],
      [{ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'start' }, 'running'],
    ];
    for (const [action, want] of steps) {
      await ok(action);
      expect(await state()).toBe(want);
    }
    const refused = await act({ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'remove' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'refused', message: expect.stringMatching(/is running: removing it stops it first/) });
    expect(await state()).toBe('running');
    await ok({ kind: 'container', engineId: DOCKER, containerId: c.id, op: 'remove', force: true });
    await expect(c.inspect()).rejects.toMatchObject({ statusCode: 404 });
    await waitForWorld(core.hub, (w) => containerNamed(w, name) === undefined, 5000, 'gone from the map');
  }, 60_000);

  it('an engine or tenant that is not there is a clear refusal, not a crash', async () => {
    const cases: Array<[Action, string]> = [
      [{ kind: 'vm', engineId: 'libvirt:qemu+ssh://nowhere/system', uuid: '00000000-0000-0000-0000-000000000000', op: 'start' }, 'not-found'],
      [{ kind: 'vm', engineId: LIBVIRT, uuid: '00000000-0000-0000-0000-000000000000', op: 'start' }, 'not-found'],
      [{ kind: 'container', engineId: LIBVIRT, containerId: 'abc', op: 'start' }, 'not-supported'],
    ];
    for (const [action, code] of cases) {
      const r = await act(action);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
  });

  it('takes and reverts side by side with virsh on the same VM (times printed)', async () => {
    const uuid = await vms.define({ name: uniqueName('nbh-act-bench'), vcpus: 1, mib: 128 });
    await stateIs(uuid, 'running');
    const rounds = 3;
    const ours: number[] = [];
    const theirs: number[] = [];
    const oursRevert: number[] = [];
    const theirsRevert: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      await ok({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name: `app-${i}`, description: '', memory: true });
      await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.some((s) => s.name === `app-${i}`) ?? false, 10_000, 'in the tree');
      ours.push(performance.now() - t);
      t = performance.now();
      await virsh('snapshot-create-as', uuid, `virsh-${i}`);
      theirs.push(performance.now() - t);
      t = performance.now();
      await ok({ kind: 'snapshot-revert', engineId: LIBVIRT, uuid, name: `app-${i}`, force: false });
      await waitForWorld(core.hub, (w) => vmOf(w, uuid)?.snapshots.find((s) => s.name === `app-${i}`)?.current === true, 10_000, 'current');
      oursRevert.push(performance.now() - t);
      t = performance.now();
      await virsh('snapshot-revert', uuid, `virsh-${i}`);
      theirsRevert.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    console.info(
      `same VM, ${rounds} rounds, median: take → in the tree ${Math.round(median(ours))} ms vs virsh snapshot-create-as ${Math.round(median(theirs))} ms; ` +
        `revert → current in the tree ${Math.round(median(oursRevert))} ms vs virsh snapshot-revert ${Math.round(median(theirsRevert))} ms`,
    );
    expect(ours.length).toBe(rounds);
  }, 180_000);
});
