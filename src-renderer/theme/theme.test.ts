import { describe, expect, it } from 'vitest';
import { LIGHT_LEVELS, litStep } from '../map/palette';
import { blend, contrastRatio, luminance } from './contrast';
import { CONTRAST_PAIRS, NEEDED } from './contrast-pairs';
import { COLOUR_NAMES, PALETTES, type Palette, type ThemeName } from './palettes';

const THEMES = Object.entries(PALETTES) as [ThemeName, Palette][];

describe('contrast maths', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['rgb(0, 0, 0)', '#fff', 21],
  ])('%s on %s: %f', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it('luminance of pure colours', () => {
    expect(luminance('#ff0000')).toBeCloseTo(0.2126, 4);
    expect(luminance('#00ff00')).toBeCloseTo(0.7152, 4);
  });

  it('blends a translucent colour over another', () => {
    expect(blend('#ffffff', '#000000', 0.5)).toBe('#808080');
  });
});

describe.each(THEMES)('the %s theme', (_name, palette) => {
  it.each(CONTRAST_PAIRS.map((p) => [`${p.fg} on ${p.bg} (${p.where})`, p] as const))('%s meets AA', (_label, pair) => {
    expect(contrastRatio(palette[pair.fg], palette[pair.bg])).toBeGreaterThanOrEqual(NEEDED[pair.need]);
  });

  it('a name on a window reads at every light step (text, 4.5:1)', () => {
    for (let level = 0; level <= LIGHT_LEVELS; level += 1) {
      const { fill, text } = litStep(level, palette);
      expect(contrastRatio(text, fill), `step ${level}: ${text} on ${fill}`).toBeGreaterThanOrEqual(NEEDED.text);
    }
  });

  it('every colour is a hex colour', () => {
    for (const name of COLOUR_NAMES) expect(palette[name]).toMatch(/^#[0-9a-f]{6}$/);
  });
});

/** The custom properties one block of app.css declares. */
function declared(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([a-z-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/**
 * Node's fs, reached by a specifier the compiler does not resolve: this file is type-checked as renderer
 * code (tsconfig.web.json, no Node types), and Vitest hands `app.css?raw` to tests as an empty string.
 */
const FS = 'node:fs';
const fs = (await import(/* @vite-ignore */ FS)) as { readFileSync(path: URL, encoding: 'utf8'): string };

describe('app.css mirrors the palettes', () => {
  const css = fs.readFileSync(new URL('../app.css', import.meta.url), 'utf8');
  const light = /@media \(prefers-color-scheme: light\) \{\s*:root \{([^}]*)\}/.exec(css)?.[1] ?? '';
  const dark = /^:root \{([^}]*)\}/m.exec(css)?.[1] ?? '';
  it.each([
    ['dark', dark],
    ['light', light],
  ] as const)('%s: every colour, the same value', (name, block) => {
    const vars = declared(block);
    for (const colour of COLOUR_NAMES) expect(vars.get(colour), `--${colour}`).toBe(PALETTES[name][colour]);
  });
});
