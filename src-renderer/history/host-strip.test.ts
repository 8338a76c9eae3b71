import { describe, expect, it } from 'vitest';
import type { Bridge, TenantHistory } from '../../src-main/contract';
import { makeHost } from '../testing/make';
import { HistoryFeed } from './history-feed.svelte';
import { HostStrip, REDRAW_MS } from './host-strip.svelte';

function bridgeAnswering(history: TenantHistory | null) {
  const requests: unknown[] = [];
  const bridge = {
    async invoke(channel: string, request: unknown) {
      requests.push({ channel, request });
      return history;
    },
    on: () => () => {},
  } as unknown as Bridge;
  return { bridge, requests };
}

describe('HostStrip', () => {
  it('asks for the host’s history once, keeps every frame’s split, and hands the strip a new series at most every REDRAW_MS', async () => {
    const fake = bridgeAnswering(null);
    const strip = new HostStrip(new HistoryFeed(fake.bridge));
    await strip.load('h');
    const host = makeHost();
    const published: number[] = [];
    for (let t = 0; t <= 3 * REDRAW_MS; t += 1000) {
      const before = strip.live;
      strip.follow(host, t, 500);
      if (strip.live !== before) published.push(t);
    }
    // The first three at once (a new strip fills from its first frames), then one every REDRAW_MS.
    expect(published).toEqual([0, 1000, 2000, 2000 + REDRAW_MS, 2000 + 2 * REDRAW_MS]);
    expect(fake.requests).toEqual([{ channel: 'history:get', request: { key: 'host:h' } }]);
  });

  it('continues the core’s history with the frames: stored points first, dedicated as it is now', async () => {
    const fake = bridgeAnswering({ since: 0, recent: [{ t: 0, cpu: 1.5, memory: 100, net: 0, block: 0 }], day: [] });
    const strip = new HostStrip(new HistoryFeed(fake.bridge));
    await strip.load('h');
    strip.follow(makeHost(), 2000, 500);
    expect(strip.points('cpu', 1).map((p) => [p.t, p.dedicated, p.rest, p.shared])).toEqual([
      [0, 1, 0.5, null],
      [2000, 0, 0, 0],
    ]);
  });

  it('another host starts over', async () => {
    const strip = new HostStrip(new HistoryFeed(bridgeAnswering(null).bridge));
    await strip.load('a');
    strip.follow(makeHost(), 1000, 500);
    await strip.load('b');
    expect(strip.live.cpu).toEqual([]);
  });
});
