// Deadlines in the wrapper: pure, no binding needed.
import { describe, expect, it } from 'vitest';
import { checkTimeout, formatDuration, withDeadline } from '../src/deadline';
import { ErrorCode, LibvirtError } from '../src/errors';

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('formatDuration', () => {
  it.each([
    [15_000, '15 s'],
    [600_000, '10 min'],
    [2000, '2 s'],
    [1500, '1500 ms'],
    [250, '250 ms'],
    [90_000, '90 s'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('checkTimeout', () => {
  it('takes the fallback for undefined and accepts positive finite numbers', () => {
    expect(checkTimeout(undefined, 15_000, 't')).toBe(15_000);
    expect(checkTimeout(1, 15_000, 't')).toBe(1);
    expect(checkTimeout(2 ** 31 - 1, 15_000, 't')).toBe(2 ** 31 - 1);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100' as unknown as number])(
    'refuses %s with INVALID_ARG',
    (bad) => {
      const err = (() => {
        try {
          checkTimeout(bad, 15_000, 'timeoutMs');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(LibvirtError);
      expect((err as LibvirtError).code).toBe(ErrorCode.INVALID_ARG);
      expect((err as LibvirtError).message).toMatch(/^timeoutMs must be/);
    },
  );
});

describe('withDeadline', () => {
  it('resolves with the work and clears its timer at once', async () => {
    const timers = activeTimers();
    const p = withDeadline('x', 10_000, Promise.resolve(42));
    expect(activeTimers()).toBe(timers + 1);
    expect(await p).toBe(42);
    expect(activeTimers()).toBe(timers);
  });

  it('passes the work’s rejection through and clears its timer', async () => {
    const timers = activeTimers();
    const boom = new LibvirtError('no', ErrorCode.NO_DOMAIN);
    await expect(withDeadline('x', 10_000, Promise.reject(boom))).rejects.toBe(boom);
    expect(activeTimers()).toBe(timers);
  });

  it('rejects with DEADLINE_EXCEEDED at the deadline, not before, and ignores a late outcome', async () => {
    let settle!: (v: string) => void;
    const work = new Promise<string>((r) => (settle = r));
    const late: string[] = [];
    const t0 = performance.now();
    const err = await withDeadline('listAllDomains', 60, work, (v) => late.push(v)).catch((e: unknown) => e);
    const took = performance.now() - t0;
    expect(err).toBeInstanceOf(LibvirtError);
    expect((err as LibvirtError).code).toBe(ErrorCode.DEADLINE_EXCEEDED);
    expect((err as LibvirtError).message).toBe('libvirt did not answer listAllDomains within 60 ms');
    expect(took).toBeGreaterThanOrEqual(59);
    settle('too late');
    await new Promise((r) => setImmediate(r));
    expect(late).toEqual(['too late']);
  });

  it('keeps the process alive while pending (a ref’d timer), so a native call needs nothing else', () => {
    const p = withDeadline('x', 10_000, new Promise<never>(() => undefined));
    p.catch(() => undefined);
    const handles = process.getActiveResourcesInfo();
    expect(handles).toContain('Timeout');
  });
});
