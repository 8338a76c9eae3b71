/**
 * A host's ground over time: how its CPU (or memory) split into dedicated (the houses), shared (the
 * building) and the host's own use, as stacked areas over the last minutes, against its capacity. Pure.
 *
 * Where the split comes from: the core keeps one figure per host (CPU: dedicated + shared + host;
 * memory: shared + host — see core/history), so the time before this page followed the host can only be
 * drawn as dedicated (taken as it is now: VM allocations change only when a VM starts or stops) and one
 * band for "shared and host together". From the frames the page receives, the split is exact. Each point
 * says which it is (`shared`/`host` null: not split).
 */
import { area, scaleLinear } from 'd3';
import type { HistoryPoint, ResourceSplit } from '../../src-main/contract';

export type StripResource = 'cpu' | 'memory';

export interface StripPoint {
  t: number;
  dedicated: number;
  /** null where only shared + host together is known. */
  shared: number | null;
  host: number | null;
  /** shared + host. */
  rest: number;
}

/** The split a frame gives, exactly. */
export function liveStripPoint(split: ResourceSplit, t: number): StripPoint {
  return { t, dedicated: split.dedicated, shared: split.shared, host: split.host, rest: split.shared + split.host };
}

/** A point of the core's host history, with the dedicated part as it is now. */
export function storedStripPoint(p: HistoryPoint, resource: StripResource, dedicatedNow: number): StripPoint {
  const rest = resource === 'cpu' ? Math.max(0, p.cpu - dedicatedNow) : p.memory;
  return { t: p.t, dedicated: dedicatedNow, shared: null, host: null, rest };
}

/**
 * The stored points up to where the live ones begin, then the live ones: one series, oldest first.
 */
export function joinStrip(stored: readonly StripPoint[], live: readonly StripPoint[]): StripPoint[] {
  const firstLive = live[0]?.t ?? Number.POSITIVE_INFINITY;
  return [...stored.filter((p) => p.t < firstLive), ...live];
}

export interface StripBox {
  width: number;
  height: number;
  /** Time the width shows, ms, ending at the newest point. */
  span: number;
  capacity: number;
  /** At most this many points are drawn (default: one per 2 px): 15 minutes at 1 s would be 900. */
  maxPoints?: number;
}

/**
 * Every k-th point, so that at most `max` remain, always with the newest: a strip a few hundred pixels
 * wide shows no more, and its paths are rebuilt with every frame.
 */
export function thin<P>(points: readonly P[], max: number): readonly P[] {
  if (points.length <= max || max < 2) return points;
  const step = Math.ceil(points.length / max);
  const out: P[] = [];
  // Counted back from the newest, so the newest is kept and the kept points do not shift as one is added.
  for (let i = (points.length - 1) % step; i < points.length; i += step) out.push(points[i]!);
  return out;
}

export interface StripGeometry {
  dedicated: string;
  shared: string;
  host: string;
  /** Shared and host together, where they are not split. */
  rest: string;
  /** The capacity's height, px from the top (0 unless something exceeds capacity: overcommit). */
  capacityY: number;
  count: number;
}

const EMPTY: StripGeometry = { dedicated: '', shared: '', host: '', rest: '', capacityY: 0, count: 0 };

export function groundStrip(points: readonly StripPoint[], box: StripBox): StripGeometry {
  const newest = points.at(-1);
  if (newest === undefined) return EMPTY;
  const from = newest.t - box.span;
  const shown = thin(
    points.filter((p) => p.t >= from),
    box.maxPoints ?? Math.max(2, Math.floor(box.width / 2)),
  );
  const top = Math.max(box.capacity, ...shown.map((p) => p.dedicated + p.rest), Number.MIN_VALUE);
  const x = scaleLinear().domain([from, newest.t]).range([0, box.width]);
  const y = scaleLinear().domain([0, top]).range([box.height, 0]);
  const split = (p: StripPoint): boolean => p.shared !== null && p.host !== null;
  const band = (lo: (p: StripPoint) => number, hi: (p: StripPoint) => number, defined: (p: StripPoint, i: number) => boolean): string =>
    area<StripPoint>()
      .defined(defined)
      .x((p) => x(p.t))
      .y0((p) => y(lo(p)))
      .y1((p) => y(hi(p)))(shown) ?? '';
  return {
    dedicated: band(() => 0, (p) => p.dedicated, () => true),
    shared: band((p) => p.dedicated, (p) => p.dedicated + (p.shared ?? 0), split),
    host: band((p) => p.dedicated + (p.shared ?? 0), (p) => p.dedicated + p.rest, split),
    // Also through the first split point after unsplit ones, so the two bands meet without a gap.
    rest: band((p) => p.dedicated, (p) => p.dedicated + p.rest, (p, i) => !split(p) || (i > 0 && !split(shown[i - 1]!))),
    capacityY: y(box.capacity),
    count: shown.length,
  };
}
