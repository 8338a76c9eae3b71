import { describe, expect, it } from 'vitest';
import { fromMinimap, minimapScale, toMinimap } from './minimap';

describe('minimapScale', () => {
  it.each([
    [{ width: 1800, height: 700 }, 0.1],
    [{ width: 900, height: 2800 }, 0.05],
    [{ width: 0, height: 100 }, 0],
  ])('%j → %d', (content, scale) => {
    expect(minimapScale(content)).toBeCloseTo(scale);
  });
});

describe('toMinimap and fromMinimap', () => {
  const content = { width: 1000, height: 2000 };
  it.each([
    ['inside', { x: 100, y: 200, width: 300, height: 400 }, { x: 10, y: 20, width: 30, height: 40 }],
    ['clipped to the map', { x: -100, y: 1900, width: 300, height: 400 }, { x: 0, y: 190, width: 20, height: 10 }],
  ])('%s', (_, rect, expected) => {
    expect(toMinimap(rect, content, 0.1)).toEqual(expected);
  });

  it('goes back to the map point', () => {
    expect(fromMinimap({ x: 15, y: 30 }, 0.1)).toEqual({ x: 150, y: 300 });
  });
});
