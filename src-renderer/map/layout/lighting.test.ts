import { describe, expect, it } from 'vitest';
import { makeContainer, makeStats, makeVm } from '../../testing/make';
import { containerLight, vmCpuShare, vmWindowLights } from './lighting';

describe('containerLight', () => {
  it.each([
    ['idle, unlimited', makeContainer({ stats: makeStats({ cpuCores: 0 }) }), 0],
    ['quarter core, unlimited', makeContainer({ stats: makeStats({ cpuCores: 0.25 }) }), 0.25],
    ['two cores, unlimited, capped at 1', makeContainer({ stats: makeStats({ cpuCores: 2 }) }), 1],
    ['half of a 0.5-core limit', makeContainer({ cpuLimitCores: 0.5, stats: makeStats({ cpuCores: 0.25 }) }), 0.5],
    ['zero limit treated as none', makeContainer({ cpuLimitCores: 0, stats: makeStats({ cpuCores: 0.5 }) }), 0.5],
    ['running without stats yet', makeContainer({ stats: null }), 0],
    ['paused stays dark', makeContainer({ state: 'paused', stats: makeStats({ cpuCores: 1 }) }), 0],
    ['exited stays dark', makeContainer({ state: 'exited', stats: makeStats({ cpuCores: 1 }) }), 0],
    ['NaN from a racing sample', makeContainer({ stats: makeStats({ cpuCores: Number.NaN }) }), 0],
  ])('%s', (_name, container, expected) => {
    expect(containerLight(container)).toBeCloseTo(expected);
  });
});

describe('vm lights', () => {
  it.each([
    ['idle', makeVm({ vcpus: 2, cpuCores: 0 }), 2, [0, 0]],
    ['one of two busy', makeVm({ vcpus: 2, cpuCores: 1 }), 2, [1, 0]],
    ['1.5 of 4 busy', makeVm({ vcpus: 4, cpuCores: 1.5 }), 4, [1, 0.5, 0, 0]],
    ['all busy, more than vcpus', makeVm({ vcpus: 2, cpuCores: 3 }), 2, [1, 1]],
    ['no stats yet', makeVm({ vcpus: 2, cpuCores: null }), 2, [0, 0]],
    ['shut off', makeVm({ vcpus: 2, cpuCores: 1, state: 'shutoff' }), 2, [0, 0]],
    ['no vCPUs', makeVm({ vcpus: 0, cpuCores: 0.5 }), 0, []],
    ['8 vCPUs in 4 windows, 4 busy', makeVm({ vcpus: 8, cpuCores: 4 }), 4, [1, 1, 0, 0]],
  ])('%s', (_name, vm, windows, expected) => {
    expect(vmWindowLights(vm, windows)).toEqual(expected);
  });

  it('share is use over vCPUs', () => {
    expect(vmCpuShare(makeVm({ vcpus: 4, cpuCores: 1 }))).toBe(0.25);
  });
});
