import { describe, expect, it } from 'vitest';
import { GiB, makeContainer, makeEngine, makeHost, makeStats, makeVm, makeWorld, MiB } from '../testing/make';
import { containerPoint, hostPoint, minGapMs, vmPoint } from './points';
import { eachWantedPoint } from './world-points';

describe('points as the core records them', () => {
  it.each([
    ['a container without figures', makeContainer({ stats: null }), null],
    [
      'a container: directions summed',
      makeContainer({ stats: makeStats({ cpuCores: 0.5, memoryUsedBytes: 10 * MiB, netRxBytesPerSec: 1, netTxBytesPerSec: 2, blockReadBytesPerSec: 3, blockWriteBytesPerSec: 4 }) }),
      { t: 7, cpu: 0.5, memory: 10 * MiB, net: 3, block: 7 },
    ],
  ])('%s', (_what, container, expected) => {
    expect(containerPoint(container, 7)).toEqual(expected);
  });

  it.each([
    ['a VM libvirt gives nothing for', makeVm(), null],
    [
      'a VM: its disks and NICs summed, a missing figure as 0',
      makeVm({
        cpuCores: 1,
        memoryUsedBytes: null,
        nics: [{ mac: 'm', type: 'network', source: null, model: null, rxBytesPerSec: 5, txBytesPerSec: null }],
        disks: [{ target: 'vda', device: 'disk', path: null, format: null, capacityBytes: null, allocationBytes: null, readBytesPerSec: 1, writeBytesPerSec: 2 }],
      }),
      { t: 7, cpu: 1, memory: 0, net: 5, block: 3 },
    ],
  ])('%s', (_what, vm, expected) => {
    expect(vmPoint(vm, 7)).toEqual(expected);
  });

  it('a host: CPU with the dedicated vCPUs, memory without the VMs’ allocations', () => {
    const host = makeHost({
      accounting: {
        cpu: { capacity: 4, dedicated: 2, shared: 0.5, host: 0.25, free: 1.25, unknown: 0, overcommit: 0.5 },
        memory: { capacity: 8 * GiB, dedicated: 2 * GiB, shared: GiB, host: GiB, free: 4 * GiB, unknown: 0, overcommit: 0.25 },
      },
    });
    expect(hostPoint(host, 3)).toEqual({ t: 3, cpu: 2.75, memory: 2 * GiB, net: 0, block: 0 });
  });

  it.each([
    [2, 1000],
    [1, 500],
    [0.001, 1],
  ])('no point closer than half of a %d s interval: %d ms', (interval, gap) => {
    expect(minGapMs(interval)).toBe(gap);
  });
});

describe('eachWantedPoint', () => {
  it('visits only wanted tenants with figures, by the core’s keys', () => {
    const engine = makeEngine({
      id: 'e',
      containers: [makeContainer({ id: 'a', stats: makeStats({ cpuCores: 1 }) }), makeContainer({ id: 'b', stats: makeStats() }), makeContainer({ id: 'c' })],
      vms: [makeVm({ uuid: 'v', cpuCores: 0.5 })],
    });
    const world = makeWorld({ at: 42, hosts: [makeHost({ engines: [engine] })] });
    const seen: [string, number][] = [];
    eachWantedPoint(world, (key) => key !== 'e/b', (key, p) => seen.push([key, p.t]));
    expect(seen).toEqual([
      ['e/a', 42],
      ['e/v', 42],
    ]);
  });
});
