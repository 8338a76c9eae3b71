/**
 * A tenant's or host's figures in a frame as one history point, exactly as the core records them
 * (core/history/history.ts), so what the renderer appends from frames continues the history the core
 * answered without a seam: CPU cores, memory bytes, network and block I/O each direction summed. Pure.
 */
import type { Container, Host, HistoryPoint, Vm } from '../../src-main/contract';

/** A container's point, or null while it has no figures (not running, or before its second sample). */
export function containerPoint(container: Container, t: number): HistoryPoint | null {
  const s = container.stats;
  if (s === null) return null;
  return { t, cpu: s.cpuCores, memory: s.memoryUsedBytes, net: s.netRxBytesPerSec + s.netTxBytesPerSec, block: s.blockReadBytesPerSec + s.blockWriteBytesPerSec };
}

/** A VM's point, or null while libvirt gives neither CPU nor memory (shut off, or before two samples). */
export function vmPoint(vm: Vm, t: number): HistoryPoint | null {
  if (vm.cpuCores === null && vm.memoryUsedBytes === null) return null;
  const net = vm.nics.reduce((n, nic) => n + (nic.rxBytesPerSec ?? 0) + (nic.txBytesPerSec ?? 0), 0);
  const block = vm.disks.reduce((n, d) => n + (d.readBytesPerSec ?? 0) + (d.writeBytesPerSec ?? 0), 0);
  return { t, cpu: vm.cpuCores ?? 0, memory: vm.memoryUsedBytes ?? 0, net, block };
}

/**
 * A host's point as the core keeps it: CPU = dedicated + shared + host (cores), memory = shared + host
 * (bytes; the VMs' allocations are not in it), no network or block figures.
 */
export function hostPoint(host: Host, t: number): HistoryPoint {
  const { cpu, memory } = host.accounting;
  return { t, cpu: cpu.dedicated + cpu.shared + cpu.host, memory: memory.shared + memory.host, net: 0, block: 0 };
}

/**
 * The smallest gap between two points: frames also come between samples (events, actions), and the
 * core keeps no point closer than half a sample interval to the one before (at least 1 ms).
 */
export const minGapMs = (sampleIntervalSeconds: number): number => Math.max(1, sampleIntervalSeconds * 500);
