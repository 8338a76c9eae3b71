import { describe, expect, it } from 'vitest';
import { domainRates, readDomainStats, type StatsParams } from './domain-stats';

const running = {
  'state.state': 1,
  'cpu.time': 4_000_000_000,
  'balloon.current': 131072,
  'balloon.maximum': 131072,
  'balloon.rss': 48712,
  'vcpu.current': 1,
  'net.count': 1,
  'net.0.name': 'vnet0',
  'net.0.rx.bytes': 1000,
  'net.0.tx.bytes': 500,
  'block.count': 1,
  'block.0.name': 'vda',
  'block.0.path': '/var/lib/libvirt/images/a.qcow2',
  'block.0.rd.bytes': 512,
  'block.0.wr.bytes': 0,
  'block.0.capacity': 67108864,
  'block.0.allocation': 200704,
};

describe('readDomainStats', () => {
  it('reads a running domain', () => {
    const r = readDomainStats(running, 1000);
    expect(r).toMatchObject({ atMs: 1000, cpuTimeNs: 4e9, vcpus: 1, balloonBytes: 131072 * 1024, memoryUsedBytes: 48712 * 1024 });
    expect(r.block.get('vda')).toEqual({ readBytes: 512, writeBytes: 0, capacity: 67108864, allocation: 200704 });
    expect(r.net).toEqual([{ name: 'vnet0', rxBytes: 1000, txBytes: 500 }]);
  });

  it.each<{ name: string; params: StatsParams; want: number | null }>([
    { name: 'guest balloon driver reports use', params: { 'balloon.available': 1000, 'balloon.unused': 400, 'balloon.rss': 5000 }, want: 600 * 1024 },
    { name: 'only the QEMU RSS', params: { 'balloon.rss': 5000 }, want: 5000 * 1024 },
    { name: 'nothing known (shut off)', params: { 'state.state': 5 }, want: null },
    { name: 'inconsistent guest figures fall back to RSS', params: { 'balloon.available': 10, 'balloon.unused': 400, 'balloon.rss': 7 }, want: 7 * 1024 },
  ])('memory used: $name', ({ params, want }) => {
    expect(readDomainStats(params, 0).memoryUsedBytes).toBe(want);
  });

  it('tolerates a record with no counters', () => {
    expect(readDomainStats({}, 0)).toMatchObject({ cpuTimeNs: null, vcpus: null, balloonBytes: null, net: [] });
  });
});

describe('domainRates', () => {
  it('needs two readings', () => {
    expect(domainRates(undefined, readDomainStats(running, 0)).cpuCores).toBeNull();
  });

  it.each([
    { name: 'half a core', cpuBefore: 4e9, cpuAfter: 5e9, ms: 2000, cores: 0.5 },
    { name: 'idle', cpuBefore: 4e9, cpuAfter: 4e9, ms: 2000, cores: 0 },
    { name: 'restarted guest (counter went back)', cpuBefore: 9e9, cpuAfter: 1e6, ms: 2000, cores: 0 },
  ])('cpu: $name', ({ cpuBefore, cpuAfter, ms, cores }) => {
    const r = domainRates(readDomainStats({ ...running, 'cpu.time': cpuBefore }, 0), readDomainStats({ ...running, 'cpu.time': cpuAfter }, ms));
    expect(r.cpuCores).toBeCloseTo(cores, 9);
  });

  it('disk and NIC rates per device', () => {
    const before = readDomainStats(running, 0);
    const after = readDomainStats({ ...running, 'block.0.rd.bytes': 512 + 2048, 'block.0.wr.bytes': 4096, 'net.0.rx.bytes': 3000, 'net.0.tx.bytes': 500 }, 2000);
    const r = domainRates(before, after);
    expect(r.block.get('vda')).toEqual({ readBytesPerSec: 1024, writeBytesPerSec: 2048 });
    expect(r.net).toEqual([{ rxBytesPerSec: 1000, txBytesPerSec: 0 }]);
  });

  it('a NIC that changed under the same position has no rate', () => {
    const before = readDomainStats(running, 0);
    const after = readDomainStats({ ...running, 'net.0.name': 'vnet9', 'net.0.rx.bytes': 99999 }, 1000);
    expect(domainRates(before, after).net).toEqual([{ rxBytesPerSec: 0, txBytesPerSec: 0 }]);
  });
});
