import { describe, expect, it } from 'vitest';
import { memoryUsedFromNode, nodeUsage } from './node-usage';

const cpu = (kernelNs: number, userNs: number, idleNs: number, iowaitNs: number | null = 0) => ({ kernelNs, userNs, idleNs, iowaitNs });
const memory = { totalKiB: 8 * 1024 * 1024, freeKiB: 2 * 1024 * 1024, buffersKiB: 512 * 1024, cachedKiB: 1024 * 1024 };

describe('nodeUsage', () => {
  it('needs two readings for CPU; memory at once', () => {
    const first = nodeUsage(null, cpu(1e9, 1e9, 8e9), memory, 4);
    expect(first.usage).toEqual({ cpuCores: 0, memoryUsedBytes: 4.5 * 1024 ** 3 });
    // 1.5 s busy and 2.5 s idle over 4 CPUs' worth of time: 1.5 cores.
    const second = nodeUsage(first.times, cpu(1.5e9, 2e9, 10e9, 0.5e9), memory, 4);
    expect(second.usage.cpuCores).toBeCloseTo(1.5, 9);
  });

  it.each([
    { name: 'without buffers and cache figures', m: { totalKiB: 1024, freeKiB: 256, buffersKiB: null, cachedKiB: null }, want: 768 * 1024 },
    { name: 'inconsistent figures never go below 0', m: { totalKiB: 1024, freeKiB: 2048, buffersKiB: 0, cachedKiB: 0 }, want: 0 },
  ])('memory: $name', ({ m, want }) => {
    expect(memoryUsedFromNode(m)).toBe(want);
  });
});
