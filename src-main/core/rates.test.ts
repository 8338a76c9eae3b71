import { describe, expect, it } from 'vitest';
import { coresInUse, percentOfHost, ratePerSecond } from './rates';

describe('ratePerSecond', () => {
  it.each([
    { name: 'steady growth', prev: 1000, cur: 3000, s: 2, want: 1000 },
    { name: 'no change', prev: 5, cur: 5, s: 1, want: 0 },
    { name: 'counter reset after restart', prev: 9000, cur: 100, s: 2, want: 0 },
    { name: 'zero interval', prev: 0, cur: 100, s: 0, want: 0 },
    { name: 'negative interval (clock step)', prev: 0, cur: 100, s: -1, want: 0 },
    { name: 'fractional interval', prev: 0, cur: 512, s: 0.5, want: 1024 },
  ])('$name', ({ prev, cur, s, want }) => {
    expect(ratePerSecond(prev, cur, s)).toBe(want);
  });
});

describe('coresInUse', () => {
  it.each([
    { name: 'one full core', prev: 0, cur: 2e9, wall: 2e9, want: 1 },
    { name: 'a quarter core', prev: 1e9, cur: 1.5e9, wall: 2e9, want: 0.25 },
    { name: 'two cores', prev: 0, cur: 4e9, wall: 2e9, want: 2 },
    { name: 'reset', prev: 5e9, cur: 1e6, wall: 2e9, want: 0 },
    { name: 'no wall time', prev: 0, cur: 1e9, wall: 0, want: 0 },
  ])('$name', ({ prev, cur, wall, want }) => {
    expect(coresInUse(prev, cur, wall)).toBeCloseTo(want, 10);
  });
});

describe('percentOfHost', () => {
  it.each([
    { cores: 1, cpus: 2, want: 50 },
    { cores: 0.5, cpus: 4, want: 12.5 },
    { cores: 3, cpus: 2, want: 100 },
    { cores: 1, cpus: 0, want: 0 },
    { cores: -1, cpus: 2, want: 0 },
  ])('$cores cores of $cpus CPUs = $want%', ({ cores, cpus, want }) => {
    expect(percentOfHost(cores, cpus)).toBe(want);
  });
});
