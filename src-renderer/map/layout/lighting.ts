/**
 * How brightly a tenant's windows shine: CPU use against what the tenant may use. A container is
 * measured against its CPU limit, or one core when it has none (one busy core reads as "fully lit",
 * which is what an unlimited single-threaded process can do). A VM lights one window per vCPU: the
 * cores it burns fill its windows one after another, so "2 of 4 windows lit" means two busy vCPUs.
 */
import type { Container, Vm } from '../../../src-main/contract';

const clamp01 = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** 0 (dark) … 1 (fully lit). Only a running container with stats can be lit. */
export function containerLight(container: Container): number {
  if (container.state !== 'running' && container.state !== 'restarting') return 0;
  if (container.stats === null) return 0;
  const limit = container.cpuLimitCores !== null && container.cpuLimitCores > 0 ? container.cpuLimitCores : 1;
  return clamp01(container.stats.cpuCores / limit);
}

/** A VM's CPU use as a share of its vCPUs, 0–1. */
export function vmCpuShare(vm: Vm): number {
  if (vm.state !== 'running' || vm.cpuCores === null || vm.vcpus <= 0) return 0;
  return clamp01(vm.cpuCores / vm.vcpus);
}

/** One light level (0–1) per window; `windows` may be fewer than vCPUs when the house caps them. */
export function vmWindowLights(vm: Vm, windows: number): number[] {
  const busyCores = vmCpuShare(vm) * vm.vcpus;
  // When windows stand for several vCPUs each, spread the busy cores over them evenly.
  const coresPerWindow = windows > 0 ? Math.max(1, vm.vcpus / windows) : 1;
  return Array.from({ length: Math.max(0, windows) }, (_, i) => clamp01(busyCores / coresPerWindow - i));
}
