/**
 * How a host's CPU and memory split between houses (VMs, dedicated by allocation), the building
 * (containers, shared by use), the host's own use, and what is free. Pure: the ground of the map is a
 * drawing of this function's answer.
 */
import type { Accounting, Container, HostUsage, ResourceSplit, Vm, VmState } from '../contract';

/** States in which a VM holds its allocation on the host (a QEMU process exists). */
const HOLDS_ALLOCATION: ReadonlySet<VmState> = new Set(['running', 'paused', 'blocked', 'pmsuspended', 'shutdown', 'crashed']);

export const holdsAllocation = (vm: Vm): boolean => HOLDS_ALLOCATION.has(vm.state);

export interface AccountingInput {
  cpus: number;
  memoryBytes: number;
  /** Everything the host uses, where known; without it the host's own share and what is free are unknown. */
  usage: HostUsage | null;
  containers: readonly Container[];
  vms: readonly Vm[];
}

/** `host` null: the host's own use is unknown, so what is left is unknown too, never free. */
function split(capacity: number, dedicated: number, shared: number, host: number | null): ResourceSplit {
  const left = Math.max(0, capacity - dedicated - shared - (host ?? 0));
  return {
    capacity,
    dedicated,
    shared,
    host: host ?? 0,
    free: host === null ? 0 : left,
    unknown: host === null ? left : 0,
    overcommit: capacity > 0 ? dedicated / capacity : 0,
  };
}

export function account({ cpus, memoryBytes, usage, containers, vms }: AccountingInput): Accounting {
  const active = vms.filter(holdsAllocation);
  let containerCores = 0;
  let containerMemory = 0;
  for (const c of containers) {
    containerCores += c.stats?.cpuCores ?? 0;
    containerMemory += c.stats?.memoryUsedBytes ?? 0;
  }
  let vcpus = 0;
  let allocated = 0;
  let vmCores = 0;
  let vmResident = 0;
  for (const vm of active) {
    vcpus += vm.vcpus;
    allocated += vm.memoryBytes;
    vmCores += vm.cpuCores ?? 0;
    // What a VM occupies on the host is at most its allocation; unknown use counts as all of it.
    vmResident += Math.min(vm.memoryUsedBytes ?? vm.memoryBytes, vm.memoryBytes);
  }
  // The host's own share is what the host uses minus what the tenants account for; unknown without usage.
  const hostCores = usage ? Math.max(0, usage.cpuCores - containerCores - vmCores) : null;
  const hostMemory = usage ? Math.max(0, usage.memoryUsedBytes - containerMemory - vmResident) : null;
  return {
    cpu: split(cpus, vcpus, containerCores, hostCores),
    memory: split(memoryBytes, allocated, containerMemory, hostMemory),
  };
}
