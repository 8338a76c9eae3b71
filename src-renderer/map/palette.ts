/**
 * Colours computed per tenant: how brightly a window is lit, and the colour a name written on it takes.
 * Static colours are the theme's (theme/palettes.ts, mirrored in app.css); only what varies with a figure
 * is computed here, from the theme's unlit and lit window colours. Without a palette given, the current
 * theme's (read reactively: a legend drawn with these follows the system's theme).
 */
import { interpolateLab } from 'd3';
import { contrastRatio } from '../theme/contrast';
import type { Palette } from '../theme/palettes';
import { theme } from '../theme/theme.svelte';

/** A running tenant at 0% CPU still has a light on: it is home, just idle. */
const IDLE_GLOW = 0.2;

/** Steps between a dark and a fully lit window: finer than the eye tells apart on a window this small. */
export const LIGHT_LEVELS = 64;

const clamp01 = (light: number): number => (Number.isFinite(light) ? Math.min(1, Math.max(0, light)) : 0);

/** A light (0–1) as one of LIGHT_LEVELS + 1 steps. */
export function lightLevel(light: number): number {
  return Math.round(clamp01(light) * LIGHT_LEVELS);
}

interface WindowSteps {
  scale: (t: number) => string;
  fills: string[];
  texts: string[];
}

/** Per theme, computed once per step: a thousand windows a frame need not interpolate in Lab space. */
const steps = new WeakMap<Palette, WindowSteps>();

function stepsOf(palette: Palette): WindowSteps {
  let found = steps.get(palette);
  if (!found) steps.set(palette, (found = { scale: interpolateLab(palette['window-dark'], palette['window-lit']), fills: [], texts: [] }));
  return found;
}

/** Fill for a lit window: `light` 0–1 from lighting.ts. */
export function litWindow(light: number, palette: Palette = theme.palette): string {
  return stepsOf(palette).scale(IDLE_GLOW + (1 - IDLE_GLOW) * clamp01(light));
}

/** A name on a window stays readable: of the theme's dark and light text, the one with more contrast on it. */
export function textOnWindow(light: number, palette: Palette = theme.palette): string {
  const fill = litWindow(light, palette);
  const dark = palette['window-text-dark'];
  const bright = palette['window-text-light'];
  return contrastRatio(dark, fill) >= contrastRatio(bright, fill) ? dark : bright;
}

/**
 * litWindow and textOnWindow for a light step, in the theme given: a light that wandered within its step
 * reads (and compares) the same.
 */
export function litStep(level: number, palette: Palette = theme.palette): { fill: string; text: string } {
  const s = stepsOf(palette);
  s.fills[level] ??= litWindow(level / LIGHT_LEVELS, palette);
  s.texts[level] ??= textOnWindow(level / LIGHT_LEVELS, palette);
  return { fill: s.fills[level], text: s.texts[level] };
}
