import { describe, expect, it } from 'vitest';
import { groundStrip, joinStrip, liveStripPoint, storedStripPoint, thin, type StripPoint } from './ground-strip';

const split = { capacity: 4, dedicated: 1, shared: 0.5, host: 0.25, free: 2.25, unknown: 0, overcommit: 0.25 };
const live = (t: number, dedicated = 1, shared = 0.5, host = 0.25): StripPoint => ({ t, dedicated, shared, host, rest: shared + host });
const stored = (t: number, dedicated = 1, rest = 0.75): StripPoint => ({ t, dedicated, shared: null, host: null, rest });

describe('strip points', () => {
  it('a frame gives the split exactly', () => {
    expect(liveStripPoint(split, 9)).toEqual(live(9));
  });

  it.each([
    ['cpu', { t: 1, cpu: 2.5, memory: 7, net: 0, block: 0 }, 1, stored(1, 1, 1.5)],
    ['cpu', { t: 1, cpu: 0.5, memory: 7, net: 0, block: 0 }, 1, stored(1, 1, 0)],
    ['memory', { t: 1, cpu: 2.5, memory: 7, net: 0, block: 0 }, 3, stored(1, 3, 7)],
  ] as const)('the core’s %s point, dedicated taken as it is now', (resource, point, dedicatedNow, expected) => {
    expect(storedStripPoint(point, resource, dedicatedNow)).toEqual(expected);
  });

  it('joins the stored points before the first live one', () => {
    expect(joinStrip([stored(1), stored(2), stored(3)], [live(3), live(4)]).map((p) => [p.t, p.shared])).toEqual([
      [1, null],
      [2, null],
      [3, 0.5],
      [4, 0.5],
    ]);
    expect(joinStrip([stored(1)], [])).toHaveLength(1);
  });
});

describe('groundStrip', () => {
  const box = { width: 100, height: 40, span: 10, capacity: 4 };

  it('draws nothing without points', () => {
    expect(groundStrip([], box)).toMatchObject({ dedicated: '', shared: '', host: '', rest: '', count: 0 });
  });

  it('split points draw dedicated, shared and host; unsplit ones one band for the rest', () => {
    const g = groundStrip([stored(0), stored(5), live(6), live(10)], box);
    expect(g.count).toBe(4);
    for (const band of [g.dedicated, g.shared, g.host, g.rest]) expect(band).toMatch(/^M/);
    expect(g.capacityY).toBe(0);
  });

  it('only split points: no rest band', () => {
    expect(groundStrip([live(0), live(10)], box).rest).toBe('');
  });

  it('leaves out what is older than the span', () => {
    expect(groundStrip([live(0), live(5), live(20)], box).count).toBe(1);
  });

  it('overcommit: the scale reaches the demand, and the capacity line comes down', () => {
    const g = groundStrip([live(0, 6, 1, 1), live(10, 6, 1, 1)], box);
    expect(g.capacityY).toBeCloseTo(40 - (4 / 8) * 40, 5);
  });
});

describe('thin', () => {
  it.each([
    ['few enough: as they are', 5, 10, [0, 1, 2, 3, 4]],
    ['every other, ending with the newest', 9, 5, [0, 2, 4, 6, 8]],
    ['every third, ending with the newest', 10, 4, [0, 3, 6, 9]],
    ['every second of ten, the newest kept', 10, 5, [1, 3, 5, 7, 9]],
  ])('%s', (_what, length, max, expected) => {
    expect(thin(Array.from({ length }, (_, i) => i), max)).toEqual(expected);
  });

  it('a strip draws at most one point per 2 px', () => {
    const many = Array.from({ length: 900 }, (_, i) => live(i));
    expect(groundStrip(many, { width: 100, height: 40, span: 1000, capacity: 4 }).count).toBeLessThanOrEqual(50);
  });
});
