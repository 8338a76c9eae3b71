/**
 * What a tenant is called and what its figures say, for accessible names and the tooltip. Every
 * accessible name starts "Container <name>" or "VM <name>", so a screen reader (and a test) can find
 * a tenant by name; the figures follow.
 */
import type { Container, Host, Vm } from '../../src-main/contract';
import { formatBytes, formatCores, formatCount, formatPercent, formatRate } from '../format/format';
import { vmCpuShare } from './layout/lighting';

export function containerMemoryText(container: Container): string | null {
  const used = container.stats?.memoryUsedBytes;
  if (used === undefined) return container.memoryLimitBytes === null ? null : `limit ${formatBytes(container.memoryLimitBytes)}`;
  return container.memoryLimitBytes === null
    ? `${formatBytes(used)} used`
    : `${formatBytes(used)} of ${formatBytes(container.memoryLimitBytes)}`;
}

/** "Container web, running, 12% CPU, 40 MiB of 64 MiB"; an action running on it follows the state. */
export function containerLabel(container: Container): string {
  const parts = [`Container ${container.name}`, container.state];
  if (container.activity) parts.push(`busy: ${container.activity.label}`);
  if (container.stats !== null) parts.push(`${formatPercent(container.stats.cpuPercentOfHost)} CPU`);
  const memory = containerMemoryText(container);
  if (memory !== null) parts.push(memory);
  return parts.join(', ');
}

export function vmMemoryText(vm: Vm): string {
  return vm.memoryUsedBytes === null
    ? `${formatBytes(vm.memoryBytes)} allocated`
    : `${formatBytes(vm.memoryUsedBytes)} of ${formatBytes(vm.memoryBytes)}`;
}

/**
 * "VM small, running, 2 vCPUs, 25% CPU, 120 MiB of 256 MiB, 1 snapshot"; an action running on it
 * follows the state. The snapshot count stays last (what a reader looks for at the end).
 */
export function vmLabel(vm: Vm): string {
  const parts = [`VM ${vm.name}`, vm.state];
  if (vm.activity) parts.push(`busy: ${vm.activity.label}`);
  parts.push(formatCount(vm.vcpus, 'vCPU'));
  if (vm.cpuCores !== null && vm.state === 'running') parts.push(`${formatPercent(vmCpuShare(vm) * 100)} CPU`);
  parts.push(vmMemoryText(vm), formatCount(vm.snapshots.length, 'snapshot'));
  return parts.join(', ');
}

export type Figure = [label: string, value: string];

export function containerFigures(container: Container): Figure[] {
  const s = container.stats;
  const figures: Figure[] = [['State', container.status ? `${container.state} · ${container.status}` : container.state]];
  if (s === null) {
    figures.push(['Memory', containerMemoryText(container) ?? '—']);
    return figures;
  }
  const limit = container.cpuLimitCores === null ? '' : ` of ${formatCores(container.cpuLimitCores)}`;
  figures.push(
    ['CPU', `${formatCores(s.cpuCores)}${limit} · ${formatPercent(s.cpuPercentOfHost)} of host`],
    ['Memory', containerMemoryText(container) ?? '—'],
    ['Network', `↓ ${formatRate(s.netRxBytesPerSec)} · ↑ ${formatRate(s.netTxBytesPerSec)}`],
    ['Disk', `read ${formatRate(s.blockReadBytesPerSec)} · write ${formatRate(s.blockWriteBytesPerSec)}`],
  );
  return figures;
}

export function vmCpuText(vm: Vm): string {
  if (vm.cpuCores === null) return vm.state === 'running' ? 'measuring…' : '—';
  return `${formatCores(vm.cpuCores)} · ${formatPercent(vmCpuShare(vm) * 100)} of its vCPUs`;
}

export function vmFigures(vm: Vm): Figure[] {
  return [
    ['State', vm.state],
    ['vCPUs', String(vm.vcpus)],
    ['CPU', vmCpuText(vm)],
    ['Memory', vmMemoryText(vm)],
    ['Kernel', vm.guestOs ?? 'own kernel'],
    ['Snapshots', String(vm.snapshots.length)],
  ];
}

/** "lab · 2 CPUs · 4 GiB · Debian GNU/Linux 12 · kernel 6.1.0-28-amd64", skipping what is unknown. */
export function hostFacts(host: Host): string {
  const parts: string[] = [];
  if (host.cpus > 0) parts.push(formatCount(host.cpus, 'CPU'));
  if (host.memoryBytes > 0) parts.push(formatBytes(host.memoryBytes));
  if (host.os) parts.push(host.os);
  if (host.kernel) parts.push(`kernel ${host.kernel}`);
  return parts.join(' · ');
}
