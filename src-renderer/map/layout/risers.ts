/**
 * The building's shared risers: three vertical pipes (CPU, memory, network) through its core, each as
 * wide as the total its apartments draw from the host. CPU and memory are measured against the host's
 * capacity; network has no capacity to compare with, so a log-like scale keeps 10 KiB/s and 100 MiB/s
 * both visible.
 */
import { scaleLinear, scaleSymlog } from 'd3';
import type { Container } from '../../../src-main/contract';
import type { Box } from './box';

export type RiserKind = 'cpu' | 'memory' | 'network';
export const RISER_KINDS: readonly RiserKind[] = ['cpu', 'memory', 'network'];

export const RISER_MIN_WIDTH = 2;
export const RISER_MAX_WIDTH = 10;
export const RISER_GAP = 6;
/** The core is as wide as three full pipes and the gaps around them, so a pipe never overlaps a unit. */
export const CORE_WIDTH = RISER_KINDS.length * RISER_MAX_WIDTH + (RISER_KINDS.length + 1) * RISER_GAP;

/** Network rate at which the pipe is as wide as it gets. */
const NETWORK_FULL_BYTES_PER_SEC = 1024 ** 3;

export interface RiserTotals {
  cpuCores: number;
  memoryBytes: number;
  networkBytesPerSec: number;
}

export interface Riser extends Box {
  kind: RiserKind;
  /** The total it stands for, in cores, bytes, or bytes per second. */
  value: number;
  /** 0–1: how full the pipe is drawn. */
  fraction: number;
}

const positive = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

export function riserTotals(containers: readonly Container[]): RiserTotals {
  const totals: RiserTotals = { cpuCores: 0, memoryBytes: 0, networkBytesPerSec: 0 };
  for (const c of containers) {
    if (c.stats === null) continue;
    totals.cpuCores += positive(c.stats.cpuCores);
    totals.memoryBytes += positive(c.stats.memoryUsedBytes);
    totals.networkBytesPerSec += positive(c.stats.netRxBytesPerSec) + positive(c.stats.netTxBytesPerSec);
  }
  return totals;
}

export function riserFractions(totals: RiserTotals, hostCpus: number, hostMemoryBytes: number): Record<RiserKind, number> {
  const share = (value: number, capacity: number): number =>
    capacity > 0 ? scaleLinear().domain([0, capacity]).range([0, 1]).clamp(true)(positive(value)) : 0;
  const network = scaleSymlog().constant(1024).domain([0, NETWORK_FULL_BYTES_PER_SEC]).range([0, 1]).clamp(true);
  return {
    cpu: share(totals.cpuCores, hostCpus),
    memory: share(totals.memoryBytes, hostMemoryBytes),
    network: network(positive(totals.networkBytesPerSec)),
  };
}

/** Pipes centred in fixed slots across `core`, running its full height. */
export function layoutRisers(core: Box, totals: RiserTotals, hostCpus: number, hostMemoryBytes: number): Riser[] {
  const fractions = riserFractions(totals, hostCpus, hostMemoryBytes);
  const values: Record<RiserKind, number> = {
    cpu: totals.cpuCores,
    memory: totals.memoryBytes,
    network: totals.networkBytesPerSec,
  };
  return RISER_KINDS.map((kind, i) => {
    const fraction = fractions[kind];
    const width = RISER_MIN_WIDTH + (RISER_MAX_WIDTH - RISER_MIN_WIDTH) * fraction;
    const slotCentre = core.x + RISER_GAP + i * (RISER_MAX_WIDTH + RISER_GAP) + RISER_MAX_WIDTH / 2;
    return { kind, value: values[kind], fraction, x: slotCentre - width / 2, y: core.y, width, height: core.height };
  });
}
