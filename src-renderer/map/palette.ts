/**
 * Colours computed per tenant. Static colours live in app.css as custom properties; only what varies
 * with a figure (how brightly a window is lit) is computed here.
 */
import { interpolateLab } from 'd3';

/** A window with the light off, and one fully lit: warm light against a night-blue street. */
const DARK_WINDOW = '#353c4c';
const LIT_WINDOW = '#ffd47e';
/** A running tenant at 0% CPU still has a light on: it is home, just idle. */
const IDLE_GLOW = 0.2;

const lightScale = interpolateLab(DARK_WINDOW, LIT_WINDOW);

/** Fill for a lit window: `light` 0–1 from lighting.ts. */
export function litWindow(light: number): string {
  const clamped = Number.isFinite(light) ? Math.min(1, Math.max(0, light)) : 0;
  return lightScale(IDLE_GLOW + (1 - IDLE_GLOW) * clamped);
}

/** Text drawn on a window stays readable: dark on bright light, light on dim. */
export function textOnWindow(light: number): string {
  return IDLE_GLOW + (1 - IDLE_GLOW) * light > 0.55 ? '#2a2414' : '#e9edf5';
}

/** Steps between a dark and a fully lit window: finer than the eye tells apart on a window this small. */
export const LIGHT_LEVELS = 64;

/** A light (0–1) as one of LIGHT_LEVELS + 1 steps. */
export function lightLevel(light: number): number {
  return Math.round((Number.isFinite(light) ? Math.min(1, Math.max(0, light)) : 0) * LIGHT_LEVELS);
}

const litSteps: string[] = [];
const textSteps: string[] = [];

/**
 * litWindow and textOnWindow for a light step, computed once per step: a thousand windows a frame need
 * not interpolate in Lab space, and a light that wandered within its step reads (and compares) the same.
 */
export function litStep(level: number): { fill: string; text: string } {
  litSteps[level] ??= litWindow(level / LIGHT_LEVELS);
  textSteps[level] ??= textOnWindow(level / LIGHT_LEVELS);
  return { fill: litSteps[level], text: textSteps[level] };
}
