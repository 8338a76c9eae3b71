import { describe, expect, it } from 'vitest';
import { GiB, MiB, makeVm } from '../../testing/make';
import { HOUSE_MAX_WIDTH, HOUSE_MIN_WIDTH, LABEL_HEIGHT, MAX_WINDOWS, gaugeFill, houseKey, houseWidth, layoutHouse, memoryFraction } from './house';

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('houseWidth', () => {
  it.each([
    ['no memory', 0, 4 * GiB, HOUSE_MIN_WIDTH],
    ['all the host', 4 * GiB, 4 * GiB, HOUSE_MAX_WIDTH],
    ['huge: more than the host, capped', 512 * GiB, 4 * GiB, HOUSE_MAX_WIDTH],
    ['a quarter of the host: half way (√)', GiB, 4 * GiB, (HOUSE_MIN_WIDTH + HOUSE_MAX_WIDTH) / 2],
    ['unknown host size uses 16 GiB', 16 * GiB, 0, HOUSE_MAX_WIDTH],
    ['NaN', Number.NaN, 4 * GiB, HOUSE_MIN_WIDTH],
  ])('%s', (_name, memory, host, expected) => {
    expect(houseWidth(memory, host)).toBe(expected);
  });

  it('more memory never makes a smaller house', () => {
    const widths = [128, 256, 512, 1024, 2048].map((m) => houseWidth(m * MiB, 4 * GiB));
    expect([...widths].sort((a, b) => a - b)).toEqual(widths);
  });
});

describe('layoutHouse', () => {
  it.each([
    ['0 vCPUs', 0, 0],
    ['1 vCPU', 1, 1],
    ['4 vCPUs', 4, 4],
    ['64 vCPUs are capped', 64, MAX_WINDOWS],
  ])('%s → %i windows, all inside the walls', (_name, vcpus, windows) => {
    const layout = layoutHouse(makeVm({ vcpus, memoryBytes: 256 * MiB }), 4 * GiB);
    expect(layout.windows).toHaveLength(windows);
    for (const w of layout.windows) {
      expect(inside(w, layout.body)).toBe(true);
      expect(w.x + w.width).toBeLessThanOrEqual(layout.gauge.x);
    }
    expect(inside(layout.door, layout.body)).toBe(true);
    expect(inside(layout.gauge, layout.body)).toBe(true);
    expect(layout.height).toBe(layout.body.y + layout.body.height + LABEL_HEIGHT);
  });

  it('windows never overlap the door', () => {
    const layout = layoutHouse(makeVm({ vcpus: 32 }), 4 * GiB);
    for (const w of layout.windows) expect(w.y + w.height).toBeLessThanOrEqual(layout.door.y);
  });

  it('64 vCPUs: each window stands for two', () => {
    expect(layoutHouse(makeVm({ vcpus: 64 }), 4 * GiB).vcpusPerWindow).toBe(2);
  });

  it('huge memory: the house is as wide as it gets, not wider', () => {
    const layout = layoutHouse(makeVm({ memoryBytes: 1024 * GiB, vcpus: 2 }), 4 * GiB);
    expect(layout.body.width).toBe(HOUSE_MAX_WIDTH);
    expect(layout.utility.x).toBeGreaterThan(layout.body.width);
  });

  it.each([
    ['no reading', makeVm({ memoryUsedBytes: null }), null, 0],
    ['half used', makeVm({ memoryBytes: 256 * MiB, memoryUsedBytes: 128 * MiB }), 0.5, 0.5],
    ['RSS above allocation is capped', makeVm({ memoryBytes: 256 * MiB, memoryUsedBytes: 300 * MiB }), 1, 1],
    ['zero allocation', makeVm({ memoryBytes: 0, memoryUsedBytes: 1 }), null, 0],
  ])('memory gauge: %s', (_name, vm, fraction, filled) => {
    const layout = layoutHouse(vm, 4 * GiB);
    const fill = gaugeFill(layout.gauge, memoryFraction(vm));
    expect(memoryFraction(vm)).toBe(fraction);
    expect(fill.height / layout.gauge.height).toBeCloseTo(filled);
    expect(fill.y + fill.height).toBeCloseTo(layout.gauge.y + layout.gauge.height);
  });

  it('labels with the guest OS where known, else "own kernel", and fits the name', () => {
    expect(layoutHouse(makeVm({ guestOs: 'debian12' }), 4 * GiB).kernel).toBe('debian12');
    expect(layoutHouse(makeVm(), 4 * GiB).kernel).toBe('own kernel');
    const long = layoutHouse(makeVm({ name: 'x'.repeat(200) }), 4 * GiB);
    expect(long.name.endsWith('…')).toBe(true);
    expect(long.name.length).toBeLessThan(40);
  });


  it.each([
    ['CPU', { cpuCores: 1.5 }, false],
    ['memory used', { memoryUsedBytes: 200 * MiB }, false],
    ['state', { state: 'paused' as const }, false],
    ['snapshots', { snapshots: [] }, false],
    ['allocated memory', { memoryBytes: 2 * GiB }, true],
    ['vCPUs', { vcpus: 8 }, true],
    ['name', { name: 'renamed' }, true],
    ['guest OS', { guestOs: 'fedora41' }, true],
  ])('the layout is keyed on what shapes the house: %s → layout again: %s', (_name, change, changes) => {
    const vm = makeVm({ vcpus: 2, cpuCores: 0.5, memoryUsedBytes: 100 * MiB });
    expect(houseKey({ ...vm, ...change }, 4 * GiB) !== houseKey(vm, 4 * GiB)).toBe(changes);
    // And what the key leaves out really does not change the layout.
    if (!changes) expect(layoutHouse({ ...vm, ...change }, 4 * GiB)).toEqual(layoutHouse(vm, 4 * GiB));
  });
});
