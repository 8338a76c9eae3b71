/**
 * The history of every tenant and host the hub has seen, bounded in memory whatever the churn: at most
 * MAX_SERIES series, the ones seen least recently dropped first, and nothing kept for what has been gone
 * longer than a day. A tenant that goes and comes back (a stopped container started again, a VM shut
 * down and started) continues its own series. Pure: the hub feeds it worlds, the api reads it.
 */
import type { World } from '../../contract';
import { hostHistoryKey, tenantHistoryKey } from '../../shared/history-keys';
import { COARSE_SPAN_MS, Series, type Bucket, type Point } from './series';

export const MAX_SERIES = 6000;

/** The key of a tenant's series: its engine and its own id; a host's is its id. */
export const tenantKey = tenantHistoryKey;
export const hostKey = hostHistoryKey;

export interface History {
  since: number;
  recent: Point[];
  day: Bucket[];
}

export class HistoryStore {
  private readonly series = new Map<string, Series>();
  private minGap = 0;

  constructor(private readonly maxSeries = MAX_SERIES) {}

  /**
   * One point per tenant with figures and per host, at the world's time. Frames also come between samples
   * (events, actions): a point closer than half a sample interval to the last one adds nothing.
   */
  record(world: World): void {
    const t = world.at;
    this.minGap = world.sampleIntervalSeconds * 500;
    for (const host of world.hosts) {
      const cpu = host.accounting.cpu;
      const memory = host.accounting.memory;
      this.add(hostKey(host.id), { t, cpu: cpu.dedicated + cpu.shared + cpu.host, memory: memory.shared + memory.host, net: 0, block: 0 });
      for (const engine of host.engines) {
        for (const c of engine.containers) {
          const s = c.stats;
          if (s) this.add(tenantKey(engine.id, c.id), { t, cpu: s.cpuCores, memory: s.memoryUsedBytes, net: s.netRxBytesPerSec + s.netTxBytesPerSec, block: s.blockReadBytesPerSec + s.blockWriteBytesPerSec });
        }
        for (const v of engine.vms) {
          if (v.cpuCores === null && v.memoryUsedBytes === null) continue;
          const net = v.nics.reduce((n, nic) => n + (nic.rxBytesPerSec ?? 0) + (nic.txBytesPerSec ?? 0), 0);
          const block = v.disks.reduce((n, d) => n + (d.readBytesPerSec ?? 0) + (d.writeBytesPerSec ?? 0), 0);
          this.add(tenantKey(engine.id, v.uuid), { t, cpu: v.cpuCores ?? 0, memory: v.memoryUsedBytes ?? 0, net, block });
        }
      }
    }
    this.prune(t);
  }

  private add(key: string, p: Point): void {
    let s = this.series.get(key);
    if (s && p.t < s.lastSeen + Math.max(1, this.minGap)) return;
    if (!s) {
      s = new Series(p.t);
      this.series.set(key, s);
    } else {
      // Most recently seen last: eviction takes from the front.
      this.series.delete(key);
      this.series.set(key, s);
    }
    s.add(p);
  }

  private prune(now: number): void {
    for (const [key, s] of this.series) {
      if (this.series.size <= this.maxSeries && s.lastSeen >= now - COARSE_SPAN_MS) break;
      this.series.delete(key);
    }
  }

  get(key: string): History | null {
    const s = this.series.get(key);
    return s ? { since: s.since, recent: s.recent(), day: s.day() } : null;
  }

  /** The last `points` of each key's recent history (sparklines), oldest first. */
  tails(keys: readonly string[], points: number): Record<string, Point[]> {
    const out: Record<string, Point[]> = {};
    for (const key of keys) {
      const s = this.series.get(key);
      if (s) out[key] = s.tail(points);
    }
    return out;
  }

  get size(): number {
    return this.series.size;
  }

  /** Bytes held by every series (what the bound promises). */
  get bytes(): number {
    let n = 0;
    for (const s of this.series.values()) n += s.bytes;
    return n;
  }
}
