import { describe, expect, it } from 'vitest';
import type { VmDisk, VmNic } from '../../src-main/contract';
import { makeContainer, makeEngine, makeHost, makeStats, makeVm, makeWorld, MiB } from '../testing/make';
import { buildRows, containerRow, newRowMemo, vmRow } from './rows';

const docker = makeEngine();
const libvirt = makeEngine({ id: 'libvirt:qemu:///system', kind: 'libvirt', endpoint: 'qemu:///system' });
const host = makeHost({ engines: [docker, libvirt] });
const nic = (rxBytesPerSec: number | null, txBytesPerSec: number | null): VmNic => ({ mac: null, type: 'network', source: null, model: null, rxBytesPerSec, txBytesPerSec });
const disk = (readBytesPerSec: number | null, writeBytesPerSec: number | null): VmDisk => ({
  target: 'vda',
  device: 'disk',
  path: null,
  format: 'qcow2',
  capacityBytes: null,
  allocationBytes: null,
  readBytesPerSec,
  writeBytesPerSec,
});

describe('containerRow', () => {
  it('sums both directions and keys the row as the map keys its tenant', () => {
    const c = makeContainer({ id: 'c9', name: 'web', labels: { z: '1', a: '2' }, memoryLimitBytes: 64 * MiB, stats: makeStats({ cpuCores: 0.5, memoryUsedBytes: 10, netRxBytesPerSec: 1, netTxBytesPerSec: 2, blockReadBytesPerSec: 3, blockWriteBytesPerSec: 4 }) });
    const row = containerRow(c, docker, host);
    expect(row).toMatchObject({ key: `container:${docker.id}:c9`, historyKey: `${docker.id}/c9`, kind: 'container', host: 'lab', engine: 'Docker', cpu: 0.5, memory: 10, memoryLimit: 64 * MiB, net: 3, block: 7, group: 'running' });
    expect(row.labels).toEqual([['a', '2'], ['z', '1']]);
  });

  it.each([
    ['running', 'running'],
    ['restarting', 'running'],
    ['paused', 'paused'],
    ['exited', 'stopped'],
    ['created', 'stopped'],
    ['dead', 'stopped'],
  ] as const)('a %s container is %s', (state, group) => {
    expect(containerRow(makeContainer({ state }), docker, host).group).toBe(group);
  });

  it('shares the sorted labels of a tenant rebuilt with the same labels object (search reuses what it made of them)', () => {
    const c = makeContainer({ labels: { b: '1', a: '2' } });
    const again = { ...c, stats: makeStats() };
    expect(containerRow(again, docker, host).labels).toBe(containerRow(c, docker, host).labels);
  });

  it('has no figures before its stats', () => {
    expect(containerRow(makeContainer(), docker, host)).toMatchObject({ cpu: null, memory: null, net: null, block: null });
  });
});

describe('vmRow', () => {
  it('sums its NICs and disks', () => {
    const vm = makeVm({
      uuid: 'u1',
      cpuCores: 0.2,
      memoryUsedBytes: 100,
      nics: [nic(1, 2), nic(null, 4)],
      disks: [disk(null, null)],
    });
    expect(vmRow(vm, libvirt, host)).toMatchObject({ key: `vm:${libvirt.id}:u1`, kind: 'vm', image: '', cpu: 0.2, net: 7, block: null, memoryLimit: 256 * MiB });
  });

  it.each([
    ['running', 'running'],
    ['paused', 'paused'],
    ['pmsuspended', 'paused'],
    ['shutoff', 'stopped'],
    ['crashed', 'stopped'],
  ] as const)('a %s VM is %s', (state, group) => {
    expect(vmRow(makeVm({ state }), libvirt, host).group).toBe(group);
  });
});

describe('buildRows', () => {
  it('keeps the row of an unchanged tenant as the same object, and rebuilds a changed one', () => {
    const web = makeContainer({ id: 'a', name: 'web' });
    const db = makeContainer({ id: 'b', name: 'db' });
    const world = makeWorld({ hosts: [makeHost({ engines: [makeEngine({ containers: [web, db] }), makeEngine({ ...libvirt, vms: [makeVm()] })] })] });
    const memo = newRowMemo();
    const first = buildRows(world, memo);
    expect(first.map((r) => r.name)).toEqual(['web', 'db', 'small']);
    const db2 = { ...db, state: 'exited' as const };
    const next = makeWorld({ hosts: [makeHost({ engines: [makeEngine({ containers: [web, db2] }), world.hosts[0]!.engines[1]!] })] });
    const second = buildRows(next, memo);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.state).toBe('exited');
    expect(second[2]).toBe(first[2]);
  });

  it('rebuilds rows when their engine is renamed', () => {
    const web = makeContainer();
    const memo = newRowMemo();
    const [before] = buildRows(makeWorld({ hosts: [makeHost({ engines: [makeEngine({ containers: [web] })] })] }), memo);
    const [after] = buildRows(makeWorld({ hosts: [makeHost({ engines: [makeEngine({ name: 'lab box', containers: [web] })] })] }), memo);
    expect(after).not.toBe(before);
    expect(after!.engine).toBe('lab box');
  });
});
