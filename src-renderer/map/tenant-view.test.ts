import { describe, expect, it } from 'vitest';
import type { Vm } from '../../src-main/contract';
import { GiB, MiB, makeActivity, makeSnapshot, makeVm } from '../testing/make';
import { sameActivity } from './activity';
import { houseLook, housePaint, sameHouseLook, sameHousePaint } from './house-view';
import { LIGHT_LEVELS } from './palette';

describe('sameActivity', () => {
  it.each([
    ['none and none', null, null, true],
    ['the same action, a new object', makeActivity(), makeActivity(), true],
    ['one more queued behind it', makeActivity(), makeActivity({ queued: 1 }), false],
    ['another action', makeActivity(), makeActivity({ action: 'vm:shutdown' }), false],
    ['one started', null, makeActivity(), false],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(sameActivity(a, b)).toBe(expected);
  });
});

describe('a house’s look and paint', () => {
  const disk = { target: 'vda', device: 'disk', path: '/x.qcow2', format: 'qcow2', capacityBytes: GiB, allocationBytes: MiB, readBytesPerSec: 0, writeBytesPerSec: 0 };
  const base = makeVm({ name: 'small', vcpus: 2, cpuCores: 1, memoryBytes: 256 * MiB, memoryUsedBytes: 128 * MiB, disks: [disk] });

  it('lights one window per busy core, in steps; a paused house is unlit', () => {
    expect(housePaint(base)).toEqual({ look: 'lit', levels: [LIGHT_LEVELS, 0], fraction: 0.5 });
    expect(housePaint({ ...base, state: 'paused' })).toEqual({ look: 'paused', levels: [0, 0], fraction: 0.5 });
    expect(houseLook(base)).toEqual({ look: 'lit', crashed: false, disks: '1 disk', nics: '0 NICs', infrastructure: 'Own infrastructure: own kernel, 1 disk, 0 NICs', snapshots: 0 });
  });

  // [what changed, the new VM, same look (shell), same paint (figures)]
  it.each<[string, Vm, boolean, boolean]>([
    ['CPU that lights the windows the same', { ...base, cpuCores: 1.0001 }, true, true],
    ['a disk’s read rate (not shown on the house)', { ...base, disks: [{ ...disk, readBytesPerSec: 5e6 }] }, true, true],
    ['CPU that lights a second window', { ...base, cpuCores: 1.5 }, true, false],
    ['memory used', { ...base, memoryUsedBytes: 200 * MiB }, true, false],
    ['a snapshot taken', { ...base, snapshots: [makeSnapshot()] }, false, true],
    ['a disk added', { ...base, disks: [disk, { ...disk, target: 'vdb' }] }, false, true],
    ['paused', { ...base, state: 'paused' }, false, false],
    ['an action started (the element says so, not the drawing)', { ...base, activity: makeActivity() }, true, true],
  ])('%s', (_name, next, look, paint) => {
    expect([sameHouseLook(houseLook(next), houseLook(base)), sameHousePaint(housePaint(next), housePaint(base))]).toEqual([look, paint]);
  });
});
