import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../src-main/contract';
import { appendDay, appendRecent, BUCKET_MS, DAY_SPAN_MS, RECENT_SPAN_MS } from './append';

const p = (t: number, cpu = 1, memory = 100): HistoryPoint => ({ t, cpu, memory, net: 0, block: 0 });
const times = (points: readonly { t: number }[]): number[] => points.map((x) => x.t);

describe('appendRecent', () => {
  it.each([
    ['appends a point past the gap', [0, 1000], 2000, 1000, [0, 1000, 2000]],
    ['keeps the array when the point is too close', [0, 1000], 1400, 1000, [0, 1000]],
    ['keeps the array when the point is older', [0, 1000], 500, 1, [0, 1000]],
    ['starts an empty history', [], 5, 1000, [5]],
  ])('%s', (_what, before, t, gap, expected) => {
    const points = before.map((x) => p(x));
    const after = appendRecent(points, p(t), gap);
    expect(times(after)).toEqual(expected);
    if (expected.length === before.length) expect(after).toBe(points);
  });

  it('drops what falls out of the window, and what exceeds the capacity', () => {
    const old = [p(0), p(RECENT_SPAN_MS / 2)];
    expect(times(appendRecent(old, p(RECENT_SPAN_MS + 10), 1))).toEqual([RECENT_SPAN_MS / 2, RECENT_SPAN_MS + 10]);
    const full = [p(1), p(2), p(3)];
    expect(times(appendRecent(full, p(4), 1, Number.POSITIVE_INFINITY, 3))).toEqual([2, 3, 4]);
  });

  it('never mutates its input', () => {
    const points = Object.freeze([p(0)]);
    expect(() => appendRecent(points, p(2000), 1000)).not.toThrow();
  });
});

describe('appendDay', () => {
  it('folds a point of the same five minutes into the last bucket: means and the CPU peak', () => {
    const one = appendDay([], p(BUCKET_MS * 10 + 1, 2, 100));
    const two = appendDay(one, p(BUCKET_MS * 10 + 2000, 4, 300));
    expect(two).toEqual([{ t: BUCKET_MS * 10, cpu: 3, memory: 200, net: 0, block: 0, cpuPeak: 4, samples: 2 }]);
  });

  it('opens a new bucket for the next five minutes and drops those older than a day', () => {
    const first = appendDay([], p(0, 1));
    const next = appendDay(first, p(BUCKET_MS, 2));
    expect(times(next)).toEqual([0, BUCKET_MS]);
    const later = appendDay(next, p(DAY_SPAN_MS + BUCKET_MS, 3));
    expect(times(later)).toEqual([BUCKET_MS, DAY_SPAN_MS + BUCKET_MS]);
  });

  it('leaves the buckets alone for a point older than the last bucket', () => {
    const buckets = appendDay([], p(BUCKET_MS * 3));
    expect(appendDay(buckets, p(BUCKET_MS))).toBe(buckets);
  });
});
