import { describe, expect, it } from 'vitest';
import type { Container, Engine, Host, Vm, World } from '../contract';
import { applyFrame, diffWorld } from './world-delta';

const container = (id: string, cpu = 0, state: Container['state'] = 'running'): Container => ({
  id, name: `c-${id}`, image: 'busybox', command: 'sleep', state, status: 'Up', createdAt: '', startedAt: null, labels: {}, ports: [], networks: [],
  cpuLimitCores: null, memoryLimitBytes: null, activity: null, pod: null,
  stats: { cpuCores: cpu, cpuPercentOfHost: cpu * 50, memoryUsedBytes: 1024, netRxBytesPerSec: 0, netTxBytesPerSec: 0, blockReadBytesPerSec: 0, blockWriteBytesPerSec: 0, pids: 1 },
});
const vm = (uuid: string, state: Vm['state'] = 'running'): Vm => ({
  uuid, name: `v-${uuid}`, description: '', state, vcpus: 1, memoryBytes: 1 << 27, memoryUsedBytes: null, cpuCores: null, guestOs: null,
  disks: [], nics: [], snapshots: [], snapshotRules: { take: null, memory: null, diskOnly: null }, persistent: true, activity: null,
});
const engine = (id: string, containers: Container[] = [], vms: Vm[] = []): Engine => ({
  id, kind: vms.length ? 'libvirt' : 'docker', draws: vms.length ? 'houses' : 'apartments', name: id, rootless: null, endpoint: id, status: { state: 'connected' }, version: '1', sampleMs: 1, containers, vms, hint: null,
});
const split = { capacity: 2, dedicated: 0, shared: 0, host: 0, free: 2, unknown: 0, overcommit: 0 };
const host = (id: string, engines: Engine[]): Host => ({
  id, name: id, cpus: 2, memoryBytes: 1 << 34, kernel: '6.1', os: 'Debian', usage: null, engines, accounting: { cpu: split, memory: { ...split, capacity: 1 << 34, free: 1 << 34 } },
});
const world = (seq: number, hosts: Host[]): World => ({ seq, at: seq * 1000, sampleIntervalSeconds: 2, hosts });

const base = world(1, [host('h1', [engine('docker', [container('a'), container('b'), container('c')]), engine('libvirt', [], [vm('u1'), vm('u2')])])]);

describe('diffWorld / applyFrame', () => {
  const cases: Array<{ name: string; next: World; check?: (delta: ReturnType<typeof diffWorld>) => void }> = [
    { name: 'nothing changed: every host named by id only', next: { ...base, seq: 2 }, check: (d) => expect(d).toMatchObject({ kind: 'delta', base: 1, seq: 2, hosts: [{ id: 'h1', same: true }] }) },
    {
      name: 'one container’s figures changed: only it is sent',
      next: world(2, [host('h1', [engine('docker', [container('a'), container('b', 0.5), container('c')]), base.hosts[0]!.engines[1]!])]),
      check: (d) => {
        const h = d.kind === 'delta' ? d.hosts[0]! : null;
        expect(h?.same).toBe(false);
        if (h && !h.same) {
          expect(h.engines[1]).toEqual({ id: 'libvirt', same: true });
          const e = h.engines[0]!;
          // Only what changed travels: b's figures, not the rest of b.
          if (!e.same) expect(e.containers).toEqual({ added: [], updated: [{ id: 'b', set: { stats: container('b', 0.5).stats } }], removed: [] });
        }
      },
    },
    { name: 'a container removed and one added', next: world(2, [host('h1', [engine('docker', [container('a'), container('c'), container('d')]), engine('libvirt', [], [vm('u1'), vm('u2')])])]) },
    { name: 'tenants reordered', next: world(2, [host('h1', [engine('docker', [container('c'), container('a'), container('b')]), engine('libvirt', [], [vm('u2'), vm('u1')])])]) },
    { name: 'a VM paused', next: world(2, [host('h1', [engine('docker', [container('a'), container('b'), container('c')]), engine('libvirt', [], [vm('u1', 'paused'), vm('u2')])])]) },
    { name: 'an engine status changed', next: world(2, [host('h1', [{ ...engine('docker', []), status: { state: 'unreachable', reason: 'gone', since: 1, nextRetryAt: 2 } }, engine('libvirt', [], [vm('u1'), vm('u2')])])]) },
    { name: 'a second host appears, engines swap order', next: world(2, [host('h1', [engine('libvirt', [], [vm('u1'), vm('u2')]), engine('docker', [container('a'), container('b'), container('c')])]), host('h2', [engine('far', [container('z')])])]) },
    { name: 'the host’s accounting changed', next: world(2, [{ ...base.hosts[0]!, usage: { cpuCores: 1, memoryUsedBytes: 5 } }]) },
    { name: 'everything gone', next: world(2, []) },
  ];

  it.each(cases)('$name', ({ next, check }) => {
    const frame = diffWorld(base, next);
    check?.(frame);
    // It travels as JSON.
    const applied = applyFrame(base, JSON.parse(JSON.stringify(frame)) as typeof frame);
    expect(applied).toEqual(next);
  });

  it('keeps unchanged hosts, engines and tenants as the same objects', () => {
    const next = world(2, [host('h1', [engine('docker', [container('a'), container('b', 0.9), container('c')]), base.hosts[0]!.engines[1]!])]);
    const applied = applyFrame(base, diffWorld(base, next))!;
    const [docker, libvirt] = applied.hosts[0]!.engines;
    expect(libvirt).toBe(base.hosts[0]!.engines[1]);
    expect(docker!.containers[0]).toBe(base.hosts[0]!.engines[0]!.containers[0]);
    expect(docker!.containers[1]).not.toBe(base.hosts[0]!.engines[0]!.containers[1]);
  });

  it('a frame for another world does not apply; a full frame always does', () => {
    const frame = diffWorld(base, { ...base, seq: 3 });
    expect(applyFrame({ ...base, seq: 7 }, frame)).toBeNull();
    expect(applyFrame(null, frame)).toBeNull();
    expect(applyFrame(null, diffWorld(null, base))).toBe(base);
    // A patch that names a host the client never had cannot apply either.
    expect(applyFrame(world(1, []), { kind: 'delta', base: 1, seq: 2, at: 0, sampleIntervalSeconds: 2, hosts: [{ id: 'ghost', same: true }] })).toBeNull();
    // An update for a tenant the client never had cannot apply either.
    const ghostTenant = diffWorld(base, { ...base, seq: 2 });
    const patched = { ...ghostTenant, hosts: [{ id: 'h1', same: false as const, host: base.hosts[0]!, engines: [{ id: 'docker', same: false as const, engine: base.hosts[0]!.engines[0]!, containers: { added: [], updated: [{ id: 'zz', set: { name: 'x' } }], removed: [] }, vms: { added: [], updated: [], removed: [] } }] }] };
    expect(applyFrame(base, patched as ReturnType<typeof diffWorld>)).toBeNull();
  });

  it('round-trips random changes (200 rounds)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let current = base;
    for (let round = 2; round < 202; round++) {
      const hosts = current.hosts.map((h) => ({
        ...h,
        engines: h.engines.map((e) => {
          let cs = e.containers.filter(() => rand() > 0.1).map((c) => (rand() < 0.3 ? container(c.id, Math.round(rand() * 100) / 100) : c));
          if (rand() < 0.4) cs = [...cs, container(`n${round}`)];
          if (rand() < 0.1) cs = [...cs].reverse();
          const vs = e.vms.map((v) => (rand() < 0.2 ? vm(v.uuid, rand() < 0.5 ? 'paused' : 'running') : v));
          return { ...e, containers: cs, vms: vs };
        }),
      }));
      const next = world(round, hosts);
      const frame = JSON.parse(JSON.stringify(diffWorld(current, next))) as ReturnType<typeof diffWorld>;
      const applied = applyFrame(current, frame);
      expect(applied).toEqual(next);
      current = applied!;
    }
  });
});
