/**
 * SVG text does not wrap or clip itself, and measuring in the DOM every frame would cost a layout pass
 * per label. An average glyph width is close enough for the short labels the map prints.
 */

/** Average advance of one glyph of the UI's sans-serif face, as a share of the font size. */
const GLYPH_WIDTH = 0.6;
// (Measured against DejaVu Sans and Noto Sans at 10–13 px: lower-case text averages 0.55–0.6 em.)

export function approxTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * GLYPH_WIDTH;
}

/** How many glyphs fit across `width`. */
export function glyphsThatFit(width: number, fontSize: number): number {
  return Math.max(0, Math.floor(width / (fontSize * GLYPH_WIDTH)));
}

/** Shortens `text` with an ellipsis so it fits; '' when not even one glyph and the ellipsis fit. */
export function truncateToWidth(text: string, width: number, fontSize: number): string {
  const fit = glyphsThatFit(width, fontSize);
  if (text.length <= fit) return text;
  if (fit < 2) return '';
  return `${text.slice(0, fit - 1)}…`;
}

/**
 * Breaks `text` into lines that fit `width`, at spaces where it can and mid-word where a word alone
 * is too long (paths, image digests). The last allowed line is truncated with an ellipsis.
 */
export function wrapToWidth(text: string, width: number, fontSize: number, maxLines = Infinity): string[] {
  const fit = Math.max(1, glyphsThatFit(width, fontSize));
  const lines: string[] = [];
  let line = '';
  const push = (value: string): void => {
    lines.push(value);
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > 0) {
      const candidate = line === '' ? rest : `${line} ${rest}`;
      if (candidate.length <= fit) {
        line = candidate;
        rest = '';
      } else if (line !== '') {
        push(line);
        line = '';
      } else {
        push(rest.slice(0, fit));
        rest = rest.slice(fit);
      }
    }
  }
  if (line !== '') push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${(last.length < fit ? last : last.slice(0, fit - 1)).trimEnd()}…`;
  return kept;
}
