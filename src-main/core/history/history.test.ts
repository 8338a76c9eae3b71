import { describe, expect, it } from 'vitest';
import type { Container, Engine, Host, World } from '../../contract';
import { hostKey, HistoryStore, tenantKey } from './history';

const split = (capacity: number) => ({ capacity, dedicated: 0, shared: 0.5, host: 0.25, free: capacity - 0.75, unknown: 0, overcommit: 0 });
const container = (id: string, cpu: number | null): Container => ({
  id, name: id, image: '', command: '', state: 'running', status: '', createdAt: '', startedAt: null, labels: {}, ports: [], networks: [],
  cpuLimitCores: null, memoryLimitBytes: null, activity: null, pod: null,
  stats: cpu === null ? null : { cpuCores: cpu, cpuPercentOfHost: 0, memoryUsedBytes: 100, netRxBytesPerSec: 1, netTxBytesPerSec: 2, blockReadBytesPerSec: 3, blockWriteBytesPerSec: 4, pids: 1 },
});
const world = (t: number, containers: Container[]): World => {
  const engine: Engine = { id: 'docker:x', kind: 'docker', draws: 'apartments', name: 'Docker', rootless: null, endpoint: 'x', status: { state: 'connected' }, version: '1', sampleMs: 1, containers, vms: [], hint: null };
  const host: Host = { id: 'h', name: 'h', cpus: 2, memoryBytes: 1000, kernel: '', os: '', usage: null, engines: [engine], accounting: { cpu: split(2), memory: split(1000) } };
  return { seq: t, at: t, sampleIntervalSeconds: 1, hosts: [host] };
};

describe('HistoryStore', () => {
  it('records each tenant with figures, and the host, once per world', () => {
    const h = new HistoryStore();
    h.record(world(1000, [container('a', 0.5), container('b', null)]));
    h.record(world(1000, [container('a', 0.9)])); // the same moment again: nothing added
    h.record(world(2000, [container('a', 0.7)]));
    expect(h.get(tenantKey('docker:x', 'a'))!.recent.map((p) => [p.t, p.cpu, p.net, p.block])).toEqual([[1000, 0.5, 3, 7], [2000, 0.699999988079071, 3, 7]]);
    expect(h.get(tenantKey('docker:x', 'b'))).toBeNull();
    expect(h.get(hostKey('h'))!.recent).toHaveLength(2);
  });

  it('a tenant that disappears and comes back continues its own series', () => {
    const h = new HistoryStore();
    h.record(world(1000, [container('a', 0.1)]));
    h.record(world(2000, []));
    h.record(world(60_000, [container('a', 0.2)]));
    const a = h.get(tenantKey('docker:x', 'a'))!;
    expect(a.since).toBe(1000);
    expect(a.recent.map((p) => p.t)).toEqual([1000, 60_000]);
  });

  it('stays bounded under churn: the series seen least recently go first, and nothing gone for a day stays', () => {
    const h = new HistoryStore(100);
    for (let i = 0; i < 1000; i++) h.record(world(i * 1000, [container(`churn-${i}`, 0.1), container('steady', 0.2)]));
    expect(h.size).toBeLessThanOrEqual(100);
    expect(h.get(tenantKey('docker:x', 'steady'))!.recent.length).toBeGreaterThan(800);
    expect(h.get(tenantKey('docker:x', 'churn-0'))).toBeNull();
    expect(h.get(tenantKey('docker:x', 'churn-999'))).not.toBeNull();
    // A day later, the one-off tenants are forgotten.
    h.record(world(1000 * 1000 + 25 * 60 * 60_000, [container('steady', 0.2)]));
    expect(h.size).toBe(2);
  });

  it('gives the last points of many tenants for sparklines', () => {
    const h = new HistoryStore();
    for (let t = 1; t <= 10; t++) h.record(world(t * 1000, [container('a', t / 10), container('b', 0)]));
    const tails = h.tails([tenantKey('docker:x', 'a'), tenantKey('docker:x', 'gone')], 3);
    expect(Object.keys(tails)).toEqual([tenantKey('docker:x', 'a')]);
    expect(tails[tenantKey('docker:x', 'a')]!.map((p) => p.t)).toEqual([8000, 9000, 10000]);
  });
});
