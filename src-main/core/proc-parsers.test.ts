import { describe, expect, it } from 'vitest';
import { busyCores, parseMeminfo, parseProcStat } from './proc-parsers';

describe('parseProcStat', () => {
  it.each([
    { name: 'a real line', text: 'cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\n', want: { total: 980, idle: 820 } },
    { name: 'short line (old kernels)', text: 'cpu 10 0 10 80\n', want: { total: 100, idle: 80 } },
    { name: 'no aggregate line', text: 'cpu0 1 2 3 4\n', want: null },
    { name: 'garbage', text: 'cpu  a b c\n', want: null },
  ])('$name', ({ text, want }) => {
    expect(parseProcStat(text)).toEqual(want);
  });
});

describe('busyCores', () => {
  it.each([
    { name: 'half busy on 2 CPUs', prev: { total: 0, idle: 0 }, cur: { total: 200, idle: 100 }, cpus: 2, want: 1 },
    { name: 'idle', prev: { total: 100, idle: 100 }, cur: { total: 300, idle: 300 }, cpus: 4, want: 0 },
    { name: 'fully busy', prev: { total: 0, idle: 0 }, cur: { total: 400, idle: 0 }, cpus: 4, want: 4 },
    { name: 'no time passed', prev: { total: 5, idle: 1 }, cur: { total: 5, idle: 1 }, cpus: 2, want: 0 },
  ])('$name', ({ prev, cur, cpus, want }) => {
    expect(busyCores(prev, cur, cpus)).toBeCloseTo(want, 9);
  });
});

describe('parseMeminfo', () => {
  it.each([
    { name: 'used = total − available', text: 'MemTotal:       16000 kB\nMemFree:  1000 kB\nMemAvailable:   12000 kB\n', want: { totalBytes: 16000 * 1024, usedBytes: 4000 * 1024 } },
    { name: 'missing MemAvailable', text: 'MemTotal: 1 kB\n', want: null },
    { name: 'empty', text: '', want: null },
  ])('$name', ({ text, want }) => {
    expect(parseMeminfo(text)).toEqual(want);
  });
});
