/**
 * Sparkline geometry with d3-shape: a line (and the area under it) through a series of values over
 * time, in a box of the caller's size. The time axis ends at the newest point and spans a fixed
 * window, so a short history fills only the right of the box (how long it is can be read at a glance);
 * the value axis starts at zero and reaches the largest value, or `floor` when every value is below it
 * (an idle tenant stays flat at the bottom instead of magnifying its noise). Pure.
 */
import { area, line, scaleLinear } from 'd3';

export interface SparkInput {
  t: number;
  v: number;
}

export interface SparkGeometry {
  /** The line's path ('' with no point). */
  line: string;
  /** The area under it, down to zero ('' with no point). */
  area: string;
  /** Points drawn (those inside the window). */
  count: number;
  /** The top of the value axis. */
  max: number;
  /** The newest point's position (the dot at the end of the line), or null with no point. */
  last: { x: number; y: number } | null;
}

export interface SparkBox {
  width: number;
  height: number;
  /** How much time the width shows, ms. */
  span: number;
  /** The least top of the value axis. */
  floor: number;
  /** Space kept free above and below the line, px (so a 1.5 px stroke is not cut). */
  pad?: number;
}

export function sparkline(points: readonly SparkInput[], box: SparkBox): SparkGeometry {
  const newest = points.at(-1);
  if (newest === undefined) return { line: '', area: '', count: 0, max: box.floor, last: null };
  const from = newest.t - box.span;
  let first = points.length - 1;
  while (first > 0 && points[first - 1]!.t >= from) first--;
  const shown = points.slice(first);
  let max = box.floor;
  for (const p of shown) if (Number.isFinite(p.v) && p.v > max) max = p.v;
  const pad = box.pad ?? 1.5;
  const x = scaleLinear().domain([from, newest.t]).range([0, box.width]);
  const y = scaleLinear().domain([0, max]).range([box.height - pad, pad]).clamp(true);
  const px = (p: SparkInput): number => x(p.t);
  const py = (p: SparkInput): number => y(Number.isFinite(p.v) ? p.v : 0);
  // One point alone is drawn as a short flat stroke ending at it.
  const drawn = shown.length === 1 ? [{ t: newest.t - box.span / Math.max(1, box.width), v: newest.v }, newest] : shown;
  return {
    line: line<SparkInput>().x(px).y(py)(drawn) ?? '',
    area: area<SparkInput>().x(px).y0(y(0)).y1(py)(drawn) ?? '',
    count: shown.length,
    max,
    last: { x: px(newest), y: py(newest) },
  };
}

/** One figure of a series of history points, as sparkline input. */
export function figure<P extends { t: number }>(points: readonly P[], pick: (p: P) => number): SparkInput[] {
  return points.map((p) => ({ t: p.t, v: pick(p) }));
}
