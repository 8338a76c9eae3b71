/**
 * WCAG 2.x contrast, for the theme's table test (and nothing at run time but the choice of text colour on a
 * lit window): relative luminance of an sRGB colour, and the ratio of two (1–21). AA asks 4.5:1 of text,
 * 3:1 of large text and of the marks a user must see (outlines, state marks, focus rings).
 */

export const AA_TEXT = 4.5;
export const AA_LARGE = 3;

/** [r, g, b] 0–255 from `#rgb` or `#rrggbb`. */
export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a hex colour: ${hex}`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

const channel = (value: number): number => {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance, 0 (black) … 1 (white). Accepts `#hex` or `rgb(r, g, b)`. */
export function luminance(colour: string): number {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour.trim());
  const [r, g, b] = rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : parseHex(colour);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** `over` laid on `under` at `alpha` (0–1), as a hex colour: what a translucent mark looks like. */
export function blend(over: string, under: string, alpha: number): string {
  const a = parseHex(over);
  const b = parseHex(under);
  return `#${a.map((v, i) => Math.round(v * alpha + b[i]! * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}
