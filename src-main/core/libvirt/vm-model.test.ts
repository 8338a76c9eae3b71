import { describe, expect, it } from 'vitest';
import { domainRates, readDomainStats } from './domain-stats';
import { vmFrom, vmState } from './vm-model';

const basics = { uuid: 'u-1', name: '<b>vm</b>', persistent: true, state: 1, memoryKiB: 131072, maxMemoryKiB: 262144, vcpus: 2 };
const facts = {
  description: 'desc',
  guestOs: null,
  firmware: null,
  disks: [{ target: 'vda', device: 'disk', path: '/img/a.qcow2', format: 'qcow2', readonly: false }],
  nics: [{ mac: '52:54:00:00:00:01', type: 'user', source: null, model: 'virtio', targetDev: null }],
};
const params = (cpu: number, rd: number) => ({
  'cpu.time': cpu, 'vcpu.current': 2, 'balloon.current': 131072, 'balloon.rss': 50000,
  'block.count': 1, 'block.0.name': 'vda', 'block.0.rd.bytes': rd, 'block.0.wr.bytes': 0, 'block.0.capacity': 64 << 20, 'block.0.allocation': 1 << 20,
  'net.count': 1, 'net.0.name': '', 'net.0.rx.bytes': 0, 'net.0.tx.bytes': 0,
});

describe('vmState', () => {
  it.each([
    [0, 'nostate'], [1, 'running'], [2, 'blocked'], [3, 'paused'], [4, 'shutdown'], [5, 'shutoff'], [6, 'crashed'], [7, 'pmsuspended'], [42, 'nostate'],
  ] as const)('%d → %s', (n, want) => {
    expect(vmState(n)).toBe(want);
  });
});

describe('vmFrom', () => {
  it('a running VM with two readings has live figures', () => {
    const before = readDomainStats(params(1e9, 0), 0);
    const after = readDomainStats(params(2e9, 4096), 2000);
    const vm = vmFrom({ domain: basics, facts, snapshots: [], reading: after, rates: domainRates(before, after) });
    expect(vm).toMatchObject({
      name: '<b>vm</b>', state: 'running', vcpus: 2, memoryBytes: 131072 * 1024, memoryUsedBytes: 50000 * 1024, cpuCores: 0.5,
      disks: [{ target: 'vda', capacityBytes: 64 << 20, allocationBytes: 1 << 20, readBytesPerSec: 2048, writeBytesPerSec: 0 }],
      nics: [{ mac: '52:54:00:00:00:01', rxBytesPerSec: 0 }],
    });
  });

  it('a running VM seen once has no CPU figure yet', () => {
    expect(vmFrom({ domain: basics, facts, snapshots: [], reading: readDomainStats(params(1e9, 0), 0), rates: domainRates(undefined, readDomainStats(params(1e9, 0), 0)) }).cpuCores).toBeNull();
  });

  it('a shut-off VM shows its definition, no live figures, but disk sizes where libvirt knows them', () => {
    const off = { ...basics, state: 5 };
    const vm = vmFrom({ domain: off, facts, snapshots: [], reading: readDomainStats({ 'block.count': 1, 'block.0.name': 'vda', 'block.0.capacity': 1000 }, 0), rates: null });
    expect(vm).toMatchObject({ state: 'shutoff', vcpus: 2, memoryBytes: 131072 * 1024, memoryUsedBytes: null, cpuCores: null });
    expect(vm.disks[0]).toMatchObject({ capacityBytes: 1000, readBytesPerSec: null });
    expect(vm.nics[0]).toMatchObject({ rxBytesPerSec: null });
  });

  it('falls back to the maximum memory when the current is unknown', () => {
    expect(vmFrom({ domain: { ...basics, state: 5, memoryKiB: 0 }, facts, snapshots: [], reading: undefined, rates: null }).memoryBytes).toBe(262144 * 1024);
  });

  it('carries the snapshot rules, each snapshot’s revert verdict from the host, and the activity', () => {
    const snap = { name: 's', description: '', createdAt: 1, state: 'disk-snapshot', parent: null, current: true, hasMemory: false, external: true };
    const activity = { label: 'Taking snapshot “t”', action: 'snapshot-create', since: 5, queued: 0 };
    const old = vmFrom({ domain: basics, facts, snapshots: [snap], reading: undefined, rates: null, host: { canRevertExternal: false, libvirtVersion: '9.0.0' }, activity });
    expect(old.snapshots[0]!.revertBlocked).toMatch(/9\.9 on \(this host runs 9\.0\.0\)/);
    expect(old.snapshotRules).toMatchObject({ take: null, memory: /external snapshots/, diskOnly: null });
    expect(old.activity).toEqual(activity);
    const recent = vmFrom({ domain: basics, facts, snapshots: [snap], reading: undefined, rates: null, host: { canRevertExternal: true, libvirtVersion: '9.9.0' } });
    expect(recent.snapshots[0]!.revertBlocked).toBeNull();
    expect(recent.activity).toBeNull();
  });
});
