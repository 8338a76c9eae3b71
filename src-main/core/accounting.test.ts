import { describe, expect, it } from 'vitest';
import type { Container, Vm } from '../contract';
import { account } from './accounting';

const GiB = 1024 ** 3;

const container = (cpuCores: number, memoryUsedBytes: number): Container => ({
  id: `c${cpuCores}-${memoryUsedBytes}`, name: 'c', image: 'i', command: '', state: 'running', status: '', createdAt: '', startedAt: null,
  labels: {}, ports: [], networks: [], cpuLimitCores: null, memoryLimitBytes: null,
  stats: { cpuCores, cpuPercentOfHost: 0, memoryUsedBytes, netRxBytesPerSec: 0, netTxBytesPerSec: 0, blockReadBytesPerSec: 0, blockWriteBytesPerSec: 0, pids: 1 },
  activity: null,
  pod: null,
});

const vm = (state: Vm['state'], vcpus: number, memoryBytes: number, used: number | null = null, cpuCores: number | null = null): Vm => ({
  uuid: `${state}-${vcpus}-${memoryBytes}`, name: 'v', description: '', state, vcpus, memoryBytes, memoryUsedBytes: used, cpuCores,
  guestOs: null, disks: [], nics: [], snapshots: [], persistent: true,
  snapshotRules: { take: null, memory: null, diskOnly: null }, activity: null,
});

describe('account', () => {
  it.each([
    {
      name: 'empty host: all free, host share from usage',
      input: { cpus: 4, memoryBytes: 16 * GiB, usage: { cpuCores: 0.5, memoryUsedBytes: 2 * GiB }, containers: [], vms: [] },
      cpu: { capacity: 4, dedicated: 0, shared: 0, host: 0.5, free: 3.5, overcommit: 0 },
      memory: { capacity: 16 * GiB, dedicated: 0, shared: 0, host: 2 * GiB, free: 14 * GiB, overcommit: 0 },
    },
    {
      name: 'containers share by use; the host keeps the rest',
      input: { cpus: 2, memoryBytes: 8 * GiB, usage: { cpuCores: 1.5, memoryUsedBytes: 3 * GiB }, containers: [container(1, GiB), container(0.25, GiB)], vms: [] },
      cpu: { capacity: 2, dedicated: 0, shared: 1.25, host: 0.25, free: 0.5, overcommit: 0 },
      memory: { capacity: 8 * GiB, dedicated: 0, shared: 2 * GiB, host: GiB, free: 5 * GiB, overcommit: 0 },
    },
    {
      name: 'VMs dedicate by allocation; shut-off VMs hold nothing',
      input: {
        cpus: 8, memoryBytes: 32 * GiB, usage: { cpuCores: 2, memoryUsedBytes: 10 * GiB }, containers: [],
        vms: [vm('running', 2, 4 * GiB, GiB, 1), vm('paused', 2, 4 * GiB, 2 * GiB, 0), vm('shutoff', 16, 64 * GiB)],
      },
      cpu: { capacity: 8, dedicated: 4, shared: 0, host: 1, free: 3, overcommit: 0.5 },
      memory: { capacity: 32 * GiB, dedicated: 8 * GiB, shared: 0, host: 7 * GiB, free: 17 * GiB, overcommit: 0.25 },
    },
    {
      name: 'overcommitted host: dedicated beyond capacity, nothing free',
      input: {
        cpus: 2, memoryBytes: 4 * GiB, usage: { cpuCores: 2, memoryUsedBytes: 3.5 * GiB }, containers: [container(0.5, 0.5 * GiB)],
        vms: [vm('running', 4, 4 * GiB), vm('running', 2, 2 * GiB, GiB, 1)],
      },
      cpu: { capacity: 2, dedicated: 6, shared: 0.5, host: 0.5, free: 0, overcommit: 3 },
      memory: { capacity: 4 * GiB, dedicated: 6 * GiB, shared: 0.5 * GiB, host: 0, free: 0, overcommit: 1.5 },
    },
    {
      name: 'no usage known (a remote Docker-only host): tenants counted, the rest unknown, nothing called free',
      input: { cpus: 2, memoryBytes: 4 * GiB, usage: null, containers: [container(0.5, GiB)], vms: [vm('running', 1, GiB)] },
      cpu: { capacity: 2, dedicated: 1, shared: 0.5, host: 0, free: 0, unknown: 0.5, overcommit: 0.5 },
      memory: { capacity: 4 * GiB, dedicated: GiB, shared: GiB, host: 0, free: 0, unknown: 2 * GiB, overcommit: 0.25 },
    },
    {
      name: 'zero capacity (engine never answered) has no overcommit',
      input: { cpus: 0, memoryBytes: 0, usage: null, containers: [], vms: [vm('running', 2, GiB)] },
      cpu: { capacity: 0, dedicated: 2, shared: 0, host: 0, free: 0, unknown: 0, overcommit: 0 },
      memory: { capacity: 0, dedicated: GiB, shared: 0, host: 0, free: 0, unknown: 0, overcommit: 0 },
    },
  ])('$name', ({ input, cpu, memory }) => {
    const a = account(input);
    // A host whose use is known has nothing unknown.
    const known = input.usage !== null ? { unknown: 0 } : {};
    for (const [key, want] of Object.entries({ ...known, ...cpu })) expect(a.cpu[key as keyof typeof a.cpu], `cpu.${key}`).toBeCloseTo(want, 9);
    for (const [key, want] of Object.entries({ ...known, ...memory })) expect(a.memory[key as keyof typeof a.memory], `memory.${key}`).toBeCloseTo(want, 0);
  });

  it('a container without figures yet adds nothing', () => {
    const idle = { ...container(0, 0), stats: null };
    expect(account({ cpus: 1, memoryBytes: GiB, usage: null, containers: [idle], vms: [] }).memory.shared).toBe(0);
  });
});
