/**
 * The hub's loops under adapters that misbehave. These adapters are stand-ins for the loop's contract
 * only (sample/report/subscribe); real engines are exercised by the integration suites.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineAdapter, EngineReport } from './engine';
import { Hub } from './hub';
import { setErrorReporter } from './report-error';

function adapter(sample: () => Promise<void>): EngineAdapter & { samples: number } {
  const report: EngineReport = { status: { state: 'connected' }, version: '1', host: null, containers: [], vms: [], sampleMs: null, hint: null };
  const a = {
    kind: 'docker' as const,
    endpoint: '/test.sock',
    local: false,
    samples: 0,
    start() {},
    async sample() {
      a.samples++;
      return sample();
    },
    report: () => report,
    subscribe: () => () => undefined,
    dispose: async () => undefined,
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
});
