import { describe, expect, it } from 'vitest';
import { GiB, MiB, makeActivity, makeContainer, makeHost, makeSnapshot, makeStats, makeVm } from '../testing/make';
import { containerFigures, containerLabel, hostFacts, vmFigures, vmLabel } from './tenant-text';

describe('containerLabel', () => {
  it.each([
    [
      makeContainer({ name: 'web', memoryLimitBytes: 64 * MiB, stats: makeStats({ cpuPercentOfHost: 12, memoryUsedBytes: 40 * MiB }) }),
      'Container web, running, 12% CPU, 40 MiB of 64 MiB',
    ],
    [makeContainer({ name: 'idle', stats: makeStats({ memoryUsedBytes: 2 * MiB }) }), 'Container idle, running, 0% CPU, 2 MiB used'],
    [makeContainer({ name: 'old', state: 'exited' }), 'Container old, exited'],
    [makeContainer({ name: 'capped', state: 'created', memoryLimitBytes: 32 * MiB }), 'Container capped, created, limit 32 MiB'],
    [makeContainer({ name: '<b>x</b>', state: 'paused' }), 'Container <b>x</b>, paused'],
    [makeContainer({ name: 'web', state: 'running', activity: makeActivity({ label: 'Stopping' }) }), 'Container web, running, busy: Stopping'],
  ])('%#: %s', (container, expected) => {
    expect(containerLabel(container)).toBe(expected);
  });
});

describe('vmLabel', () => {
  it.each([
    [
      makeVm({ name: 'small', vcpus: 2, cpuCores: 0.5, memoryBytes: 256 * MiB, memoryUsedBytes: 128 * MiB, snapshots: [makeSnapshot()] }),
      'VM small, running, 2 vCPUs, 25% CPU, 128 MiB of 256 MiB, 1 snapshot',
    ],
    [makeVm({ name: 'off', state: 'shutoff', vcpus: 1, memoryBytes: GiB }), 'VM off, shutoff, 1 vCPU, 1 GiB allocated, 0 snapshots'],
    [makeVm({ name: 'none', vcpus: 0, memoryBytes: GiB }), 'VM none, running, 0 vCPUs, 1 GiB allocated, 0 snapshots'],
    [
      makeVm({ name: 'busy', state: 'paused', memoryBytes: GiB, activity: makeActivity({ label: 'Taking snapshot “a”' }) }),
      'VM busy, paused, busy: Taking snapshot “a”, 1 vCPU, 1 GiB allocated, 0 snapshots',
    ],
  ])('%#: %s', (vm, expected) => {
    expect(vmLabel(vm)).toBe(expected);
  });
});

describe('figures', () => {
  it('a running container shows CPU against its limit and the host, memory, network, disk', () => {
    const figures = containerFigures(
      makeContainer({
        cpuLimitCores: 0.5,
        stats: makeStats({ cpuCores: 0.25, cpuPercentOfHost: 12.5, memoryUsedBytes: 10 * MiB, netRxBytesPerSec: 12 * 1024 }),
      }),
    );
    expect(Object.fromEntries(figures)).toEqual({
      State: 'running · Up 3 minutes',
      CPU: '0.25 cores of 0.5 cores · 13% of host',
      Memory: '10 MiB used',
      Network: '↓ 12 KiB/s · ↑ 0 B/s',
      Disk: 'read 0 B/s · write 0 B/s',
    });
  });

  it('a VM shows its vCPUs and its own kernel', () => {
    expect(Object.fromEntries(vmFigures(makeVm({ vcpus: 2, cpuCores: null })))).toMatchObject({ vCPUs: '2', CPU: 'measuring…', Kernel: 'own kernel' });
  });

  it('host facts skip what is unknown', () => {
    expect(hostFacts(makeHost())).toBe('2 CPUs · 4 GiB · Debian GNU/Linux 12 · kernel 6.1.0-28-amd64');
    expect(hostFacts(makeHost({ cpus: 0, memoryBytes: 0, os: '', kernel: '' }))).toBe('');
  });
});
