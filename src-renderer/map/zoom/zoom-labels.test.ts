import { describe, expect, it } from 'vitest';
import { UNIT_NAME_FONT } from '../layout/building';
import { unitZoomLabel } from './zoom-labels';

const small = { x: 10, y: 20, width: 18, height: 12 };
const roomy = { x: 0, y: 0, width: 60, height: 30 };

describe('unitZoomLabel', () => {
  it.each([
    ['at 1:1 the layout’s own labels are all there is', 'web', small, 1, null],
    ['a unit the canvas already names', 'web', roomy, 4, null],
    ['still too small at this zoom', 'web', small, 2 ** 0.5, null],
    ['large enough at 4×: the whole name', 'web', small, 4, 'web'],
    ['large enough at 4× but long: shortened to fit 72 px', 'a-rather-long-container-name', small, 4, 'a-rather-…'],
  ])('%s', (_, name, unit, k, expected) => {
    expect(unitZoomLabel(name, unit, k)?.text ?? null).toBe(expected);
  });

  it('is placed as the canvas places names, at the same size on screen', () => {
    const label = unitZoomLabel('web', small, 4)!;
    expect(label.fontSize * 4).toBeCloseTo(UNIT_NAME_FONT);
    expect(label.x).toBeCloseTo(10 + 1);
    expect(label.y).toBeCloseTo(20 + 13 / 4);
  });
});
