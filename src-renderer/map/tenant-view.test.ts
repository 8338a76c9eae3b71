import { describe, expect, it } from 'vitest';
import type { Container, Vm } from '../../src-main/contract';
import { GiB, MiB, makeActivity, makeContainer, makeSnapshot, makeStats, makeVm } from '../testing/make';
import { apartmentView, sameView } from './apartment-view';
import { houseLook, housePaint, houseView, sameHouseLook, sameHousePaint, sameHouseView } from './house-view';
import { LIGHT_LEVELS } from './palette';

describe('apartmentView', () => {
  const base = makeContainer({ name: 'web', memoryLimitBytes: 64 * MiB, stats: makeStats({ cpuPercentOfHost: 0.05, cpuCores: 0.01, memoryUsedBytes: 20 * MiB }) });
  const stats = (p: Partial<NonNullable<Container['stats']>>) => ({ ...base, stats: { ...base.stats!, ...p } });

  it('says what the element says', () => {
    expect(apartmentView(base)).toEqual({ label: 'Container web, running, <0.1% CPU, 20 MiB of 64 MiB', state: 'running', activity: null });
  });

  it.each<[string, Container, boolean]>([
    ['CPU that still reads <0.1%', stats({ cpuPercentOfHost: 0.07, cpuCores: 0.02 }), true],
    ['memory that rounds the same', stats({ memoryUsedBytes: 20 * MiB + 1000 }), true],
    ['network and disk rates (not in the name)', stats({ netRxBytesPerSec: 5e6, blockWriteBytesPerSec: 1e6 }), true],
    ['the same action, a new object', { ...base, activity: makeActivity() }, false],
    ['CPU that reads differently', stats({ cpuPercentOfHost: 12 }), false],
    ['memory that reads differently', stats({ memoryUsedBytes: 30 * MiB }), false],
    ['paused', { ...base, state: 'paused' }, false],
  ])('%s → the same view: %s', (_name, next, same) => {
    expect(sameView(apartmentView(next), apartmentView(base))).toBe(same);
  });

  it('an action is the same while its label, kind, start and queue are', () => {
    const busy = { ...base, activity: makeActivity() };
    expect(sameView(apartmentView({ ...busy, activity: makeActivity() }), apartmentView(busy))).toBe(true);
    expect(sameView(apartmentView({ ...busy, activity: makeActivity({ queued: 1 }) }), apartmentView(busy))).toBe(false);
  });
});

describe('a house’s view, look and paint', () => {
  const disk = { target: 'vda', device: 'disk', path: '/x.qcow2', format: 'qcow2', capacityBytes: GiB, allocationBytes: MiB, readBytesPerSec: 0, writeBytesPerSec: 0 };
  const base = makeVm({ name: 'small', vcpus: 2, cpuCores: 1, memoryBytes: 256 * MiB, memoryUsedBytes: 128 * MiB, disks: [disk] });

  it('lights one window per busy core, in steps; a paused house is unlit', () => {
    expect(housePaint(base)).toEqual({ look: 'lit', levels: [LIGHT_LEVELS, 0], fraction: 0.5 });
    expect(housePaint({ ...base, state: 'paused' })).toEqual({ look: 'paused', levels: [0, 0], fraction: 0.5 });
    expect(houseLook(base)).toEqual({ look: 'lit', crashed: false, disks: '1 disk', nics: '0 NICs', infrastructure: 'Own infrastructure: own kernel, 1 disk, 0 NICs', snapshots: 0 });
  });

  // [what changed, the new VM, same name and state (element), same look (shell), same paint (canvas)]
  it.each<[string, Vm, boolean, boolean, boolean]>([
    ['CPU that lights the windows the same and reads the same', { ...base, cpuCores: 1.0001 }, true, true, true],
    ['a disk’s read rate (not shown on the house)', { ...base, disks: [{ ...disk, readBytesPerSec: 5e6 }] }, true, true, true],
    ['CPU that lights a second window', { ...base, cpuCores: 1.5 }, false, true, false],
    ['memory used', { ...base, memoryUsedBytes: 200 * MiB }, false, true, false],
    ['a snapshot taken', { ...base, snapshots: [makeSnapshot()] }, false, false, true],
    ['a disk added', { ...base, disks: [disk, { ...disk, target: 'vdb' }] }, true, false, true],
    ['paused', { ...base, state: 'paused' }, false, false, false],
    ['an action started', { ...base, activity: makeActivity() }, false, true, true],
  ])('%s', (_name, next, view, look, paint) => {
    expect([sameHouseView(houseView(next), houseView(base)), sameHouseLook(houseLook(next), houseLook(base)), sameHousePaint(housePaint(next), housePaint(base))]).toEqual([
      view,
      look,
      paint,
    ]);
  });
});
