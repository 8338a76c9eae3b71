/**
 * The quit path on a fake app that behaves as Electron's does (preventDefault at will-quit stops the
 * quit; quit() again re-runs before-quit/will-quit): the engines are disposed before the app goes, a
 * dispose that hangs cannot keep it, and the second quit is let through (no loop).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdQuitUntilDisposed, QUIT_DEADLINE_MS } from './quit-guard';
import { FakeApp } from './testing/fake-electron';

let app: FakeApp;
let reported: Array<[string, string]>;
const report = (context: string, error: unknown) => reported.push([context, error instanceof Error ? error.message : String(error)]);
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  app = new FakeApp();
  reported = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('holdQuitUntilDisposed', () => {
  it('waits for dispose, then quits for real, once', async () => {
    const done = deferred();
    const dispose = vi.fn(() => done.promise);
    const willQuit = vi.fn();
    holdQuitUntilDisposed(app, dispose, report);
    app.on('will-quit', willQuit);

    app.quit();
    await flush();
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(app.quitted).toBe(false);

    done.resolve();
    await flush();
    expect(app.quitted).toBe(true);
    expect(app.quitCalls).toBe(2);
    expect(willQuit).toHaveBeenCalledTimes(2);
    expect(dispose).toHaveBeenCalledTimes(1);
    expect(reported).toEqual([]);
  });

  it('a dispose that never settles still quits after the deadline, and says so', async () => {
    holdQuitUntilDisposed(app, () => new Promise<void>(() => {}), report);
    app.quit();
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    expect(app.quitted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quitted).toBe(true);
    expect(reported).toEqual([['disposing the engines before quitting', `still running after ${QUIT_DEADLINE_MS} ms; going on without it`]]);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('socket already closed'))],
    ['throws synchronously', () => {
      throw new Error('socket already closed');
    }],
  ])('a dispose that %s is reported and the app still quits', async (_name, dispose) => {
    holdQuitUntilDisposed(app, dispose, report);
    app.quit();
    await flush();
    expect(app.quitted).toBe(true);
    expect(reported).toEqual([['disposing the engines before quitting', 'socket already closed']]);
  });

  it('quits asked for while disposing wait for the same dispose', async () => {
    const done = deferred();
    const dispose = vi.fn(() => done.promise);
    holdQuitUntilDisposed(app, dispose, report);
    app.quit();
    app.quit();
    app.quit();
    await flush();
    expect(app.quitted).toBe(false);
    expect(dispose).toHaveBeenCalledTimes(1);
    done.resolve();
    await flush();
    expect(app.quitted).toBe(true);
    expect(app.quitCalls).toBe(4);
  });

  it('leaves no deadline timer behind once dispose is done', async () => {
    holdQuitUntilDisposed(app, async () => {}, report);
    app.quit();
    await flush();
    expect(app.quitted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
