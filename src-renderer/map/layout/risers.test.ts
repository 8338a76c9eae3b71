import { describe, expect, it } from 'vitest';
import { GiB, MiB, makeContainer, makeStats } from '../../testing/make';
import { CORE_WIDTH, RISER_MAX_WIDTH, RISER_MIN_WIDTH, layoutRisers, riserFractions, riserTotals } from './risers';

describe('riserTotals', () => {
  it('adds up the running containers and skips those without stats', () => {
    const totals = riserTotals([
      makeContainer({ stats: makeStats({ cpuCores: 0.5, memoryUsedBytes: 100 * MiB, netRxBytesPerSec: 10, netTxBytesPerSec: 5 }) }),
      makeContainer({ stats: makeStats({ cpuCores: 0.25, memoryUsedBytes: 28 * MiB, netRxBytesPerSec: 1 }) }),
      makeContainer({ state: 'exited', stats: null }),
      makeContainer({ stats: makeStats({ cpuCores: Number.NaN, memoryUsedBytes: -4 }) }),
    ]);
    expect(totals).toEqual({ cpuCores: 0.75, memoryBytes: 128 * MiB, networkBytesPerSec: 16 });
  });

  it('is zero for an empty building', () => {
    expect(riserTotals([])).toEqual({ cpuCores: 0, memoryBytes: 0, networkBytesPerSec: 0 });
  });
});

describe('riserFractions', () => {
  it.each([
    ['nothing used', { cpuCores: 0, memoryBytes: 0, networkBytesPerSec: 0 }, 2, 4 * GiB, { cpu: 0, memory: 0, network: 0 }],
    ['half the host', { cpuCores: 1, memoryBytes: 2 * GiB, networkBytesPerSec: 0 }, 2, 4 * GiB, { cpu: 0.5, memory: 0.5, network: 0 }],
    ['more than the host is capped', { cpuCores: 9, memoryBytes: 9 * GiB, networkBytesPerSec: 4 * GiB }, 2, 4 * GiB, { cpu: 1, memory: 1, network: 1 }],
    ['unknown host capacity', { cpuCores: 1, memoryBytes: GiB, networkBytesPerSec: 0 }, 0, 0, { cpu: 0, memory: 0, network: 0 }],
  ])('%s', (_name, totals, cpus, memory, expected) => {
    const f = riserFractions(totals, cpus, memory);
    expect(f.cpu).toBeCloseTo(expected.cpu);
    expect(f.memory).toBeCloseTo(expected.memory);
    expect(f.network).toBeCloseTo(expected.network);
  });

  it('keeps a small network rate visible and orders rates', () => {
    const at = (rate: number): number => riserFractions({ cpuCores: 0, memoryBytes: 0, networkBytesPerSec: rate }, 1, 1).network;
    expect(at(10 * 1024)).toBeGreaterThan(0.05);
    expect(at(10 * 1024)).toBeLessThan(at(100 * MiB));
  });
});

describe('layoutRisers', () => {
  const core = { x: 100, y: 20, width: CORE_WIDTH, height: 80 };
  it('places three pipes inside the core, widths by use', () => {
    const risers = layoutRisers(core, { cpuCores: 2, memoryBytes: 0, networkBytesPerSec: 0 }, 2, GiB);
    expect(risers.map((r) => r.kind)).toEqual(['cpu', 'memory', 'network']);
    expect(risers[0]?.width).toBe(RISER_MAX_WIDTH);
    expect(risers[1]?.width).toBe(RISER_MIN_WIDTH);
    for (const r of risers) {
      expect(r.x).toBeGreaterThanOrEqual(core.x);
      expect(r.x + r.width).toBeLessThanOrEqual(core.x + core.width);
      expect(r.height).toBe(80);
    }
    // Slots do not overlap even at full width.
    const centres = risers.map((r) => r.x + r.width / 2);
    expect((centres[1] ?? 0) - (centres[0] ?? 0)).toBeGreaterThanOrEqual(RISER_MAX_WIDTH);
  });
});
