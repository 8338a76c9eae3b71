import { describe, expect, it } from 'vitest';
import { pngScale } from './rasterize';

describe('pngScale', () => {
  it.each([
    [1000, 800, 2, 2],
    [1000, 800, 1, 1],
    [20_000, 800, 2, 0.8],
    [1000, 64_000, 1, 0.25],
    [1_000_000, 10, 1, 0.1],
  ])('%i×%i at %d → %d', (w, h, wanted, expected) => {
    expect(pngScale(w, h, wanted)).toBeCloseTo(expected);
  });
});
