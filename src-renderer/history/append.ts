/**
 * Keeping a history up to date from the frames already received, rather than asking the core again
 * every second: a frame's point is appended to the recent history (the last 15 minutes at sample
 * resolution) and folded into the 24-hour buckets (5-minute means and the CPU peak), with the core's own
 * spans and rules (core/history/series.ts). Pure: each returns a new array, or the same one when the
 * point adds nothing.
 */
import type { HistoryBucket, HistoryPoint } from '../../src-main/contract';

export const RECENT_SPAN_MS = 15 * 60_000;
export const DAY_SPAN_MS = 24 * 60 * 60_000;
export const BUCKET_MS = 5 * 60_000;
/** The core's ring holds at most this many recent points (15 minutes at one a second). */
export const RECENT_CAPACITY = 900;

/**
 * `points` with `p` appended, unless `p` is closer than `minGap` to the last point (or older): then
 * `points` itself. Points older than `span` before `p`, and any beyond `capacity`, are dropped.
 */
export function appendRecent<P extends { t: number }>(points: readonly P[], p: P, minGap: number, span = RECENT_SPAN_MS, capacity = RECENT_CAPACITY): readonly P[] {
  const last = points.at(-1);
  if (last !== undefined && p.t < last.t + minGap) return points;
  let from = Math.max(0, points.length + 1 - capacity);
  while (from < points.length && points[from]!.t < p.t - span) from++;
  const out = points.slice(from);
  out.push(p);
  return out;
}

/**
 * `buckets` with `p` folded in: into the last bucket when `p` falls in its five minutes (its means
 * and sample count updated, its peak raised), else as a new bucket of one sample. Buckets older than
 * a day before `p` are dropped. A point older than the last bucket changes nothing.
 */
export function appendDay(buckets: readonly HistoryBucket[], p: HistoryPoint): readonly HistoryBucket[] {
  const start = Math.floor(p.t / BUCKET_MS) * BUCKET_MS;
  const last = buckets.at(-1);
  if (last !== undefined && start < last.t) return buckets;
  let from = 0;
  while (from < buckets.length && buckets[from]!.t < p.t - DAY_SPAN_MS) from++;
  const out = buckets.slice(from);
  if (last !== undefined && last.t === start) {
    const n = last.samples;
    const mean = (a: number, b: number): number => (a * n + b) / (n + 1);
    out[out.length - 1] = {
      t: start,
      cpu: mean(last.cpu, p.cpu),
      memory: mean(last.memory, p.memory),
      net: mean(last.net, p.net),
      block: mean(last.block, p.block),
      cpuPeak: Math.max(last.cpuPeak, p.cpu),
      samples: n + 1,
    };
  } else out.push({ t: start, cpu: p.cpu, memory: p.memory, net: p.net, block: p.block, cpuPeak: p.cpu, samples: 1 });
  return out;
}
