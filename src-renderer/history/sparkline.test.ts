import { describe, expect, it } from 'vitest';
import { figure, sparkline } from './sparkline';

const box = { width: 100, height: 20, span: 1000, floor: 1, pad: 0 };
const pts = (...pairs: [number, number][]) => pairs.map(([t, v]) => ({ t, v }));

describe('sparkline', () => {
  it('draws nothing without points', () => {
    expect(sparkline([], box)).toEqual({ line: '', area: '', count: 0, max: 1, last: null });
  });

  it('one point is a short flat stroke ending at the right edge', () => {
    const g = sparkline(pts([5000, 0.5]), box);
    expect(g.count).toBe(1);
    expect(g.last).toEqual({ x: 100, y: 10 });
    expect(g.line).toMatch(/^M[\d.]+,10L100,10$/);
  });

  it.each([
    ['a short history fills only the right', pts([900, 0], [1000, 1]), { count: 2, firstX: 90 }],
    ['points older than the window are left out', pts([0, 1], [500, 1], [1000, 1], [1500, 1]), { count: 3, firstX: 0 }],
  ])('%s', (_what, points, expected) => {
    const g = sparkline(points, box);
    expect(g.count).toBe(expected.count);
    expect(Number(/^M([\d.]+),/.exec(g.line)?.[1])).toBeCloseTo(expected.firstX, 5);
  });

  it.each([
    ['an idle figure stays at the bottom (the floor is the top)', [0.01, 0.02], 1, 19.6],
    ['a busy one reaches the top', [0, 4], 4, 0],
  ])('%s', (_what, values, max, lastY) => {
    const g = sparkline(pts([0, values[0]!], [1000, values[1]!]), box);
    expect(g.max).toBe(max);
    expect(g.last!.y).toBeCloseTo(lastY, 5);
  });

  it('a missing figure (NaN) is drawn at zero, never as a broken path', () => {
    const g = sparkline(pts([0, Number.NaN], [1000, 2]), box);
    expect(g.line).not.toContain('NaN');
    expect(g.area).not.toContain('NaN');
  });
});

it('figure picks one figure of each point', () => {
  expect(figure([{ t: 1, cpu: 2, memory: 3 }], (p) => p.memory)).toEqual([{ t: 1, v: 3 }]);
});
