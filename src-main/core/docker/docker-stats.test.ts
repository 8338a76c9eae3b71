import { describe, expect, it } from 'vitest';
import { memoryUsedNoCache, readStats, statsBetween, type StatsReading } from './docker-stats';

describe('memoryUsedNoCache (as docker stats)', () => {
  it.each<{ name: string; usage: number; stats: Record<string, number> | undefined; want: number }>([
    { name: 'cgroup v1 subtracts total_inactive_file', usage: 3559424, stats: { total_inactive_file: 3145728, inactive_file: 1 }, want: 413696 },
    { name: 'cgroup v2 subtracts inactive_file', usage: 10_000, stats: { inactive_file: 4000 }, want: 6000 },
    { name: 'v1 value not below usage falls through to v2', usage: 100, stats: { total_inactive_file: 200, inactive_file: 30 }, want: 70 },
    { name: 'inactive larger than usage is ignored', usage: 100, stats: { inactive_file: 500 }, want: 100 },
    { name: 'no stats', usage: 4096, stats: undefined, want: 4096 },
  ])('$name', ({ usage, stats, want }) => {
    expect(memoryUsedNoCache(usage, stats)).toBe(want);
  });
});

describe('readStats', () => {
  it('sums every network and block op, either case', () => {
    const r = readStats(
      {
        read: '2026-11-27T01:03:03.500Z',
        pids_stats: { current: 3 },
        cpu_stats: { cpu_usage: { total_usage: 91376302 } },
        memory_stats: { usage: 2000, stats: { inactive_file: 500 } },
        networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
        blkio_stats: {
          io_service_bytes_recursive: [
            { op: 'Read', value: 100 },
            { op: 'Write', value: 7 },
            { op: 'read', value: 1 },
            { op: 'Total', value: 108 },
          ],
        },
      },
      0,
    );
    expect(r).toEqual({
      readAtMs: Date.parse('2026-11-27T01:03:03.500Z'),
      cpuTotalNs: 91376302,
      memoryUsedBytes: 1500,
      netRxBytes: 11,
      netTxBytes: 22,
      blockReadBytes: 101,
      blockWriteBytes: 7,
      pids: 3,
    });
  });

  it.each([
    { name: 'missing read time', json: {} },
    { name: "Docker's zero time", json: { read: '0001-01-01T00:00:00Z' } },
    { name: 'null blkio list', json: { blkio_stats: { io_service_bytes_recursive: null } } },
  ])('$name falls back safely', ({ json }) => {
    const r = readStats(json, 42);
    expect(r.readAtMs).toBe(42);
    expect(r.blockReadBytes).toBe(0);
  });
});

describe('statsBetween', () => {
  const at = (ms: number, patch: Partial<StatsReading> = {}): StatsReading => ({
    readAtMs: ms, cpuTotalNs: 0, memoryUsedBytes: 0, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1, ...patch,
  });

  it('needs two readings', () => {
    expect(statsBetween(undefined, at(1000), 2)).toBeNull();
  });

  it.each([
    { name: 'one core busy on a 2-CPU host', prev: at(0), cur: at(2000, { cpuTotalNs: 2e9 }), cpus: 2, cores: 1, pct: 50 },
    { name: 'idle', prev: at(0, { cpuTotalNs: 5e9 }), cur: at(2000, { cpuTotalNs: 5e9 }), cpus: 2, cores: 0, pct: 0 },
    { name: 'restart resets counters', prev: at(0, { cpuTotalNs: 9e9 }), cur: at(2000, { cpuTotalNs: 1e3 }), cpus: 4, cores: 0, pct: 0 },
  ])('$name', ({ prev, cur, cpus, cores, pct }) => {
    const s = statsBetween(prev, cur, cpus)!;
    expect(s.cpuCores).toBeCloseTo(cores, 9);
    expect(s.cpuPercentOfHost).toBeCloseTo(pct, 9);
  });

  it('turns byte counters into per-second rates', () => {
    const s = statsBetween(
      at(0, { netRxBytes: 1000, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 4096 }),
      at(500, { netRxBytes: 3000, netTxBytes: 100, blockReadBytes: 1024, blockWriteBytes: 4096, memoryUsedBytes: 77, pids: 4 }),
      2,
    )!;
    expect(s).toMatchObject({ netRxBytesPerSec: 4000, netTxBytesPerSec: 200, blockReadBytesPerSec: 2048, blockWriteBytesPerSec: 0, memoryUsedBytes: 77, pids: 4 });
  });
});
