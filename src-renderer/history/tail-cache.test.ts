import { describe, expect, it } from 'vitest';
import type { Bridge, HistoryPoint, TenantHistory } from '../../src-main/contract';
import { makeContainer, makeEngine, makeHost, makeStats, makeWorld } from '../testing/make';
import { HistoryFeed } from './history-feed.svelte';
import { KEYS_PER_REQUEST, TailCache } from './tail-cache.svelte';

const p = (t: number, cpu = 1): HistoryPoint => ({ t, cpu, memory: 0, net: 0, block: 0 });
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

/** A bridge that records history requests and answers what the test gives. */
function historyBridge(tails: Record<string, HistoryPoint[]> = {}, history: TenantHistory | null = null) {
  const requests: { channel: string; request: unknown }[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const bridge = {
    async invoke(channel: string, request: unknown) {
      requests.push({ channel, request });
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      if (channel === 'history:tails') return Object.fromEntries((request as { keys: string[] }).keys.filter((k) => k in tails).map((k) => [k, tails[k]]));
      if (channel === 'history:get') return history;
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => {},
  } as unknown as Bridge;
  return {
    bridge,
    requests,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

const worldAt = (at: number, cpu: number) =>
  makeWorld({ at, sampleIntervalSeconds: 1, hosts: [makeHost({ engines: [makeEngine({ id: 'e', containers: [makeContainer({ id: 'a', stats: makeStats({ cpuCores: cpu }) })] })] })] });

describe('TailCache', () => {
  it('asks for what is wanted in one request, then only follows the frames', async () => {
    const fake = historyBridge({ 'e/a': [p(0), p(1000)] });
    const cache = new TailCache(fake.bridge, { points: 3 });
    cache.want(['e/a', 'e/b']);
    cache.want(['e/a']);
    expect(cache.get('e/a')).toBeUndefined();
    await tick();
    await tick();
    expect(fake.requests).toEqual([{ channel: 'history:tails', request: { keys: ['e/a', 'e/b'], points: 3 } }]);
    expect(cache.get('e/b')).toEqual([]);
    cache.follow(worldAt(2000, 0.5));
    cache.follow(worldAt(3000, 0.7));
    expect(cache.get('e/a')?.map((x) => x.t)).toEqual([1000, 2000, 3000]);
    cache.want(['e/a']);
    await tick();
    expect(fake.requests).toHaveLength(1);
  });

  it('asks nothing when nothing is wanted', async () => {
    const fake = historyBridge();
    const cache = new TailCache(fake.bridge);
    cache.follow(worldAt(1000, 1));
    await tick();
    expect(fake.requests).toHaveLength(0);
  });

  it('splits many keys over requests, one at a time', async () => {
    const fake = historyBridge();
    const cache = new TailCache(fake.bridge);
    cache.want(Array.from({ length: KEYS_PER_REQUEST + 10 }, (_, i) => `e/${i}`));
    for (let i = 0; i < 6; i++) await tick();
    expect(fake.requests.map((r) => (r.request as { keys: string[] }).keys.length)).toEqual([KEYS_PER_REQUEST, 10]);
  });

  it('drops an answer from before a reset', async () => {
    const fake = historyBridge({ 'e/a': [p(0)] });
    const cache = new TailCache(fake.bridge);
    fake.holdNext();
    cache.want(['e/a']);
    await tick();
    cache.reset();
    fake.release();
    await tick();
    expect(cache.get('e/a')).toBeUndefined();
  });
});

describe('HistoryFeed', () => {
  it('loads once and continues from the frames, folding in what came while the answer was on its way', async () => {
    const fake = historyBridge({}, { since: 0, recent: [p(0), p(1000)], day: [] });
    const feed = new HistoryFeed(fake.bridge);
    fake.holdNext();
    const loading = feed.load('e/a');
    feed.follow(p(500), 1000);
    feed.follow(p(2000), 1000);
    fake.release();
    await loading;
    expect(feed.loaded).toBe(true);
    expect(feed.since).toBe(0);
    expect(feed.recent.map((x) => x.t)).toEqual([0, 1000, 2000]);
    expect(feed.day).toHaveLength(1);
    feed.follow(p(3000), 1000);
    expect(feed.recent).toHaveLength(4);
    expect(fake.requests).toHaveLength(1);
  });

  it('a tenant the core has not seen yet starts from the frames', async () => {
    const fake = historyBridge({}, null);
    const feed = new HistoryFeed(fake.bridge);
    await feed.load('e/new');
    expect(feed.since).toBeNull();
    feed.follow(p(5000), 1000);
    expect(feed.since).toBe(5000);
    expect(feed.recent).toHaveLength(1);
  });
});
