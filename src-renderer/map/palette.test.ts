import { describe, expect, it } from 'vitest';
import { litWindow, textOnWindow } from './palette';

describe('litWindow', () => {
  it('brightens with light and clamps out-of-range input', () => {
    const lum = (c: string): number => {
      const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(c);
      return m ? Number(m[1]) + Number(m[2]) + Number(m[3]) : Number.NaN;
    };
    const steps = [0, 0.25, 0.5, 1].map((l) => lum(litWindow(l)));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(litWindow(5)).toBe(litWindow(1));
    expect(litWindow(Number.NaN)).toBe(litWindow(0));
  });

  it.each([
    [0, '#e9edf5'],
    [1, '#2a2414'],
  ])('text on a window lit %d is %s', (light, expected) => {
    expect(textOnWindow(light)).toBe(expected);
  });
});
