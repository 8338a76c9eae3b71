/**
 * The ground under a street: the host's CPU or memory as one horizontal bar split into dedicated
 * (houses), shared (the building), host (everything else) and free. Dedicated allocations may exceed
 * the host (overcommit), so the bar's scale runs to whichever is larger, capacity or demand, and the
 * part past capacity is drawn beyond the capacity edge.
 */
import { scaleLinear } from 'd3';
import type { ResourceSplit } from '../../../src-main/contract';
import { formatBytes, formatCores, formatNumber, formatRatio } from '../../format/format';

export type GroundPart = 'dedicated' | 'shared' | 'host' | 'free';
export const GROUND_PARTS: readonly GroundPart[] = ['dedicated', 'shared', 'host', 'free'];

export interface GroundSegment {
  part: GroundPart;
  value: number;
  x: number;
  width: number;
}

export interface GroundBarLayout {
  segments: GroundSegment[];
  /** Where the host's capacity ends. Equal to the bar width unless demand exceeds capacity. */
  capacityX: number;
  /** The stretch past capacity (overcommit), or null when everything fits. */
  overflow: { x: number; width: number } | null;
  /** False when the host's capacity is unknown (0): the bar is then drawn empty. */
  known: boolean;
}

/** Engines report what they measure; a NaN or a negative from a racing sample must not break the bar. */
const clean = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);

/** What is left of capacity once dedicated, shared and host are counted; never below 0. */
export function freeOf(split: ResourceSplit): number {
  return Math.max(0, clean(split.capacity) - clean(split.dedicated) - clean(split.shared) - clean(split.host));
}

export function layoutGroundBar(split: ResourceSplit, width: number): GroundBarLayout {
  const capacity = clean(split.capacity);
  const values: Record<GroundPart, number> = {
    dedicated: clean(split.dedicated),
    shared: clean(split.shared),
    host: clean(split.host),
    // Recomputed rather than trusted, so the segments always add up to max(capacity, demand).
    free: 0,
  };
  const demand = values.dedicated + values.shared + values.host;
  values.free = freeOf(split);
  const total = Math.max(capacity, demand);
  const barWidth = Math.max(0, width);
  if (total === 0) {
    return {
      segments: GROUND_PARTS.map((part) => ({ part, value: 0, x: 0, width: 0 })),
      capacityX: barWidth,
      overflow: null,
      known: capacity > 0,
    };
  }
  const x = scaleLinear().domain([0, total]).range([0, barWidth]);
  let start = 0;
  const segments = GROUND_PARTS.map((part) => {
    const value = values[part];
    const segment = { part, value, x: x(start), width: x(start + value) - x(start) };
    start += value;
    return segment;
  });
  const capacityX = x(capacity);
  return {
    segments,
    capacityX,
    overflow: demand > capacity ? { x: capacityX, width: barWidth - capacityX } : null,
    known: capacity > 0,
  };
}

export type GroundResource = 'cpu' | 'memory';

/** The bar's headline, e.g. "vCPU 6 / 2 CPUs · 3.0× overcommit". */
export function groundHeadline(resource: GroundResource, split: ResourceSplit): string {
  const overcommit = clean(split.overcommit);
  const demand = clean(split.dedicated) + clean(split.shared) + clean(split.host);
  const tail =
    overcommit > 1
      ? ` · ${formatRatio(overcommit)} overcommit`
      : demand > clean(split.capacity) && clean(split.capacity) > 0
        ? ' · over capacity'
        : ' · no overcommit';
  if (resource === 'cpu') {
    const cpus = clean(split.capacity);
    return `vCPU ${formatNumber(clean(split.dedicated))} / ${formatNumber(cpus)} ${cpus === 1 ? 'CPU' : 'CPUs'}${tail}`;
  }
  return `VM memory ${formatBytes(clean(split.dedicated))} / ${formatBytes(clean(split.capacity))}${tail}`;
}

/** One labelled figure per part, in the bar's units: vCPUs are counted, cores and bytes are measured. */
export function groundFigure(resource: GroundResource, part: GroundPart, split: ResourceSplit): string {
  const value = part === 'free' ? freeOf(split) : clean(split[part]);
  if (resource === 'memory') return formatBytes(value);
  return part === 'dedicated' ? `${formatNumber(value)} vCPU` : formatCores(value);
}
