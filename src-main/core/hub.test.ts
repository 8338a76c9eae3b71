/**
 * The hub's loops under adapters that misbehave. These adapters are stand-ins for the loop's contract
 * only (sample/report/subscribe); real engines are exercised by the integration suites.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineAdapter, EngineReport } from './engine';
import { Hub } from './hub';
import { setErrorReporter } from './report-error';

function adapter(sample: () => Promise<void>, endpoint = '/test.sock'): EngineAdapter & { samples: number; change: () => void; disposed: boolean } {
  let listener: () => void = () => undefined;
  const report: EngineReport = { status: { state: 'connected' }, version: '1', host: null, containers: [], vms: [], sampleMs: null, hint: null };
  const a = {
    kind: 'docker' as const,
    endpoint,
    disposed: false,
    local: false,
    samples: 0,
    start() {},
    async sample() {
      a.samples++;
      return sample();
    },
    report: () => report,
    subscribe: (l: () => void) => {
      listener = l;
      return () => undefined;
    },
    change: () => listener(),
    dispose: async () => {
      a.disposed = true;
    },
    act: () => Promise.reject(new Error('no actions here')),
  };
  return a;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let restore: (() => void) | null = null;
afterEach(() => restore?.());

describe('Hub loops', () => {
  it.each([
    { name: 'a sample that rejects', sample: () => Promise.reject(new Error('boom')) },
    { name: 'a sample that throws synchronously', sample: () => { throw new Error('sync boom'); } },
  ])('$name is reported and the loop goes on', async ({ sample }) => {
    const reported: string[] = [];
    restore = setErrorReporter((context, error) => reported.push(`${context}: ${(error as Error).message}`));
    const a = adapter(sample);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 0.05, local: null, usageProbe: null });
    hub.start();
    await wait(400);
    await hub.dispose();
    expect(a.samples).toBeGreaterThanOrEqual(3);
    expect(reported[0]).toMatch(/sampling the docker engine at \/test\.sock: .*boom/);
  });

  it('a frame listener that throws does not stop other listeners or the loop', async () => {
    const reported: string[] = [];
    restore = setErrorReporter((context) => reported.push(context));
    const a = adapter(async () => undefined);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 0.05, local: null, usageProbe: null });
    let frames = 0;
    hub.onFrame(() => {
      throw new Error('listener bug');
    });
    hub.onFrame(() => frames++);
    hub.start();
    await wait(300);
    await hub.dispose();
    expect(frames).toBeGreaterThanOrEqual(2);
    expect(reported).toContain('a world frame listener threw');
  });

  it('disposing stops every loop', async () => {
    const a = adapter(async () => undefined);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 0.05, local: null, usageProbe: null });
    hub.start();
    await wait(120);
    await hub.dispose();
    const after = a.samples;
    await wait(200);
    expect(a.samples).toBe(after);
    expect(hub.debugCounts()).toEqual({ loopsWaiting: 0, frameListeners: 0 });
  });

  it('samples slowly while every view is hidden, and at once when one shows the map again', async () => {
    const a = adapter(async () => undefined);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 0.05, local: null, usageProbe: null });
    const view = hub.openView(false);
    hub.start();
    await wait(300);
    expect(a.samples).toBe(1); // the first sample, then the hidden pace (10 s)
    expect(hub.slowed).toBe(true);
    view.setVisible(true);
    await wait(30);
    expect(a.samples).toBe(2); // at once, not 10 s later
    await wait(200);
    expect(a.samples).toBeGreaterThanOrEqual(4); // and back to the 50 ms pace
    view.close();
    expect(hub.slowed).toBe(false); // no view at all: nobody said it is hidden
    await hub.dispose();
  });

  it('keeps the full pace while hidden when the setting says so', async () => {
    const a = adapter(async () => undefined);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 0.05, slowWhenHidden: false, local: null, usageProbe: null });
    hub.openView(false);
    hub.start();
    await wait(300);
    expect(hub.slowed).toBe(false);
    expect(a.samples).toBeGreaterThanOrEqual(4);
    await hub.dispose();
  });

  it('publishes a burst of changes as a few frames a second, the first at once', async () => {
    const a = adapter(async () => undefined);
    const hub = new Hub({ adapters: [a], sampleIntervalSeconds: 60, local: null, usageProbe: null });
    hub.start();
    await wait(50);
    const frames: number[] = [];
    const t0 = performance.now();
    hub.onFrame(() => frames.push(performance.now() - t0));
    for (let i = 0; i < 100; i++) {
      a.change();
      await wait(10);
    }
    await wait(300);
    await hub.dispose();
    // ~1.3 s of changes every 10 ms: at most one frame per 250 ms.
    expect(frames.length).toBeGreaterThanOrEqual(4);
    expect(frames.length).toBeLessThanOrEqual(8);
    expect(frames[0]).toBeLessThan(300);
  });

  it('adds an engine while running (its street appears at once) and removes one (its loop ends, it lets go)', async () => {
    const first = adapter(async () => undefined, '/one.sock');
    const second = adapter(async () => undefined, '/two.sock');
    const hub = new Hub({ adapters: [first], sampleIntervalSeconds: 0.05, local: null, usageProbe: null });
    hub.start();
    const shown: string[][] = [];
    hub.onFrame((w) => shown.push(w.hosts.flatMap((h) => h.engines.map((e) => e.endpoint))));
    hub.add(second);
    expect(() => hub.add(adapter(async () => undefined, '/two.sock'))).toThrow(/already watched/);
    await wait(150);
    expect(second.samples).toBeGreaterThanOrEqual(2);
    expect(shown.at(-1)).toEqual(['/one.sock', '/two.sock']);
    await hub.remove('docker:/one.sock');
    expect(first.disposed).toBe(true);
    const after = first.samples;
    await wait(150);
    expect(first.samples).toBe(after);
    expect(shown.at(-1)).toEqual(['/two.sock']);
    await hub.dispose();
    expect(second.disposed).toBe(true);
  });

  it('publishes one frame per round of samples, not one per engine', async () => {
    const slow = adapter(async () => void (await wait(120)), '/slow.sock');
    const quick = adapter(async () => undefined, '/quick.sock');
    const hub = new Hub({ adapters: [slow, quick], sampleIntervalSeconds: 0.5, local: null, usageProbe: null });
    hub.start();
    await wait(100);
    let frames = 0;
    hub.onFrame(() => frames++);
    await wait(1500);
    await hub.dispose();
    // Three rounds in 1.5 s at 0.5 s: three frames, where one per engine would make six.
    expect(frames).toBeGreaterThanOrEqual(2);
    expect(frames).toBeLessThanOrEqual(4);
  });
});
