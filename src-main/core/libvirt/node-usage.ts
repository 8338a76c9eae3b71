/**
 * A remote host's own use, from what its libvirt reports about the whole node (virNodeGetCPUStats,
 * virNodeGetMemoryStats): the same split of the ground a local host gets from /proc. Pure.
 */
import type { NodeCpuStats, NodeMemoryStats } from '@neighborhood/libvirt';
import type { HostUsage } from '../../contract';
import { busyCores, type CpuTimes } from '../proc-parsers';

/** libvirt's cumulative CPU counters as busy/idle times (ns instead of jiffies; only ratios matter). */
export function cpuTimesFromNode(stats: NodeCpuStats): CpuTimes {
  const idle = stats.idleNs + (stats.iowaitNs ?? 0);
  return { total: stats.kernelNs + stats.userNs + idle, idle };
}

/** Memory in use as `free` counts it: total − free − buffers − page cache (where reported). */
export function memoryUsedFromNode(stats: NodeMemoryStats): number {
  return Math.max(0, (stats.totalKiB - stats.freeKiB - (stats.buffersKiB ?? 0) - (stats.cachedKiB ?? 0)) * 1024);
}

/** The host's use now; CPU needs a previous reading (0 cores until there is one). */
export function nodeUsage(previous: CpuTimes | null, cpu: NodeCpuStats, memory: NodeMemoryStats, cpus: number): { usage: HostUsage; times: CpuTimes } {
  const times = cpuTimesFromNode(cpu);
  return { usage: { cpuCores: previous ? busyCores(previous, times, cpus) : 0, memoryUsedBytes: memoryUsedFromNode(memory) }, times };
}
