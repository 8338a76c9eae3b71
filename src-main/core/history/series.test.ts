import { describe, expect, it } from 'vitest';
import { BUCKET_MS, COARSE_CAPACITY, FINE_CAPACITY, FINE_SPAN_MS, Series } from './series';

const p = (t: number, cpu = 0.5, memory = 1000) => ({ t, cpu, memory, net: 10, block: 20 });

describe('Series', () => {
  it('keeps the last 15 minutes at sample resolution, oldest first', () => {
    const s = new Series(0);
    for (let t = 0; t <= 20 * 60_000; t += 2000) s.add(p(t));
    const recent = s.recent();
    expect(recent[0]!.t).toBe(20 * 60_000 - FINE_SPAN_MS);
    expect(recent.at(-1)!.t).toBe(20 * 60_000);
    expect(recent.length).toBe(FINE_SPAN_MS / 2000 + 1);
    expect(s.tail(3).map((x) => x.t)).toEqual([20 * 60_000 - 4000, 20 * 60_000 - 2000, 20 * 60_000]);
  });

  it('never holds more than its capacity, even at a point every 100 ms', () => {
    const s = new Series(0);
    for (let t = 0; t < 5 * 60_000; t += 100) s.add(p(t));
    expect(s.recent().length).toBe(FINE_CAPACITY);
    expect(s.recent().at(-1)!.t).toBe(5 * 60_000 - 100);
  });

  it('downsamples the day into 5-minute buckets: means, the CPU peak and the sample count', () => {
    const s = new Series(0);
    // Bucket 0: cpu 1 and 3 (mean 2, peak 3); bucket 1: cpu 0.5.
    s.add(p(0, 1, 100));
    s.add(p(60_000, 3, 300));
    s.add(p(BUCKET_MS + 1000, 0.5, 50));
    const day = s.day();
    expect(day).toHaveLength(2);
    expect(day[0]).toMatchObject({ t: 0, cpu: 2, memory: 200, cpuPeak: 3, samples: 2 });
    expect(day[1]).toMatchObject({ t: BUCKET_MS, cpu: 0.5, cpuPeak: 0.5, samples: 1 });
  });

  it('forgets what is older than a day, and stays within its capacity', () => {
    const s = new Series(0);
    for (let t = 0; t < 30 * 60 * 60_000; t += 60_000) s.add(p(t));
    const day = s.day();
    expect(day.length).toBeLessThanOrEqual(COARSE_CAPACITY + 1);
    expect(day[0]!.t).toBeGreaterThanOrEqual(30 * 60 * 60_000 - 24 * 60 * 60_000 - BUCKET_MS);
  });

  it('grows only as far as it is used', () => {
    const young = new Series(0);
    young.add(p(0));
    const old = new Series(0);
    for (let t = 0; t < FINE_SPAN_MS; t += 1000) old.add(p(t));
    expect(young.bytes).toBeLessThan(2000);
    expect(old.bytes).toBeGreaterThan(10 * young.bytes);
    expect(old.bytes).toBeLessThan(40_000);
  });
});
