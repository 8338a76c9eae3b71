import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetryTimer } from './retry-timer';

describe('RetryTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('backs off 250, 500, 1000, 2000, 2000 ms', () => {
    const run = vi.fn();
    const t = new RetryTimer(run);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const now = Date.now();
      waits.push(t.schedule() - now);
      vi.runOnlyPendingTimers();
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 2000]);
    expect(run).toHaveBeenCalledTimes(5);
  });

  it('keeps one timer however often a failure is reported', () => {
    const run = vi.fn();
    const t = new RetryTimer(run);
    const first = t.schedule();
    expect(t.schedule()).toBe(first);
    expect(t.schedule()).toBe(first);
    expect(vi.getTimerCount()).toBe(1);
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('reset cancels and restarts from the shortest delay', () => {
    const run = vi.fn();
    const t = new RetryTimer(run);
    t.schedule();
    vi.runAllTimers();
    t.schedule();
    t.reset();
    expect(t.pending).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    const now = Date.now();
    expect(t.schedule() - now).toBe(250);
    t.cancel();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
