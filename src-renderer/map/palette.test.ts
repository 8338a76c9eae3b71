import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../theme/palettes';
import { LIGHT_LEVELS, litStep, litWindow, textOnWindow } from './palette';

const lum = (c: string): number => {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
  return m ? Number(m[1]) + Number(m[2]) + Number(m[3]) : Number.NaN;
};

describe.each([
  ['dark', DARK],
  ['light', LIGHT],
] as const)('windows in the %s theme', (_name, palette) => {
  it('brighten with light and clamp out-of-range input', () => {
    const steps = [0, 0.25, 0.5, 1].map((l) => lum(litWindow(l, palette)));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(litWindow(5, palette)).toBe(litWindow(1, palette));
    expect(litWindow(Number.NaN, palette)).toBe(litWindow(0, palette));
  });

  it.each([
    [0, '#ffffff'],
    [1, '#000000'],
  ])('text on a window lit %d is %s', (light, expected) => {
    expect(textOnWindow(light, palette)).toBe(expected);
  });

  it('a step reads the same as its light', () => {
    expect(litStep(LIGHT_LEVELS, palette)).toEqual({ fill: litWindow(1, palette), text: textOnWindow(1, palette) });
    expect(litStep(0, palette).fill).toBe(litWindow(0, palette));
  });
});

it('the two themes light their windows differently', () => {
  expect(litWindow(0, DARK)).not.toBe(litWindow(0, LIGHT));
});

it('without a palette, the current theme (dark where the system says nothing)', () => {
  expect(litWindow(0.5)).toBe(litWindow(0.5, DARK));
});
