/**
 * The ground under a street: the host's CPU or memory as one horizontal bar split into dedicated
 * (houses), shared (the building), host (everything else), unknown (where no engine can tell the
 * host's own use, what is left is not known to be free) and free — each as the core's accounting
 * counts it. Dedicated allocations may exceed
 * the host (overcommit), so the bar's scale runs to whichever is larger, capacity or demand, and the
 * part past capacity is drawn beyond the capacity edge.
 */
import { scaleLinear } from 'd3';
import type { ResourceSplit } from '../../../src-main/contract';
import { formatBytes, formatCores, formatNumber, formatRatio } from '../../format/format';

export type GroundPart = 'dedicated' | 'shared' | 'host' | 'unknown' | 'free';
export const GROUND_PARTS: readonly GroundPart[] = ['dedicated', 'shared', 'host', 'unknown', 'free'];

/** The parts a bar labels: unknown only where there is some (a host whose own use no engine tells). */
export function labelledParts(split: ResourceSplit): GroundPart[] {
  return GROUND_PARTS.filter((part) => part !== 'unknown' || clean(split.unknown) > 0);
}

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
const clean = (value: number | undefined): number => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);

export function layoutGroundBar(split: ResourceSplit, width: number): GroundBarLayout {
  const capacity = clean(split.capacity);
  // Drawn as the core counts it (core/accounting): the ground shows its answer, not a second opinion.
  const values: Record<GroundPart, number> = {
    dedicated: clean(split.dedicated),
    shared: clean(split.shared),
    host: clean(split.host),
    unknown: clean(split.unknown),
    free: clean(split.free),
  };
  const demand = values.dedicated + values.shared + values.host;
  // The core's unknown and free make the parts add up to max(capacity, demand); should they not, the
  // bar still holds them all.
  const total = Math.max(capacity, demand + values.unknown + values.free);
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
  const value = clean(split[part]);
  if (resource === 'memory') return formatBytes(value);
  return part === 'dedicated' ? `${formatNumber(value)} vCPU` : formatCores(value);
}

/** Between a bar (with its figures) and its history strip. */
export const STRIP_GAP = 24;

export interface GroundColumns {
  /** The bar's block (its title, bar and figures), from the ground's left. */
  bar: number;
  /** The history strip beside it, on the right. */
  strip: { x: number; width: number };
}

/**
 * The ground's width shared between each bar and its history strip: about a third to the strip (at
 * least 120 px, so a narrow street still shows its history; at most 320, where the bar's figures want
 * the room more), the rest to the bar.
 */
export function groundColumns(width: number): GroundColumns {
  const total = Math.max(0, Number.isFinite(width) ? width : 0);
  const strip = Math.min(total, Math.round(Math.min(320, Math.max(120, total * 0.3))));
  return { bar: Math.max(0, total - strip - STRIP_GAP), strip: { x: total - strip, width: strip } };
}
