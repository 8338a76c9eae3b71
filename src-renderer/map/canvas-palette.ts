/**
 * The colours the street's figures are painted with: the theme's (theme/palettes.ts, which app.css
 * mirrors), so what is painted matches the legend and the SVG around it, and follows the system's theme.
 * The paused hatching is the same as the SVG pattern #nbh-hatch-paused. One per theme and font, made once.
 */
import { blend } from '../theme/contrast';
import type { Palette } from '../theme/palettes';

export interface CanvasPalette {
  /** The theme itself (the lit windows' steps are computed from it). */
  theme: Palette;
  stopped: string;
  stoppedLine: string;
  core: string;
  muted: string;
  warning: string;
  pausedLine: string;
  mark: string;
  font: string;
  paused: CanvasPattern | string;
  /** A house's window: unlit, paused. */
  pane: string;
  panePaused: string;
  dedicated: string;
  riser: { cpu: string; memory: string; network: string };
}

function pausedPattern(base: string, line: string): CanvasPattern | string {
  if (typeof document === 'undefined') return base;
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return base;
  t.fillStyle = base;
  t.fillRect(0, 0, 6, 6);
  t.fillStyle = blend(line, base, 0.55);
  t.fillRect(0, 0, 1, 6);
  // A pattern is not tied to the context that made it: every building's canvas uses this one.
  const pattern = t.createPattern(tile, 'repeat');
  if (!pattern) return base;
  pattern.setTransform(new DOMMatrix().rotateSelf(45));
  return pattern;
}

const made = new WeakMap<Palette, Map<string, CanvasPalette>>();

/** The canvas palette of a theme, in the UI's font stack `font`. */
export function canvasPalette(theme: Palette, font: string): CanvasPalette {
  let byFont = made.get(theme);
  if (!byFont) made.set(theme, (byFont = new Map<string, CanvasPalette>()));
  let palette = byFont.get(font);
  if (!palette) {
    palette = {
      theme,
      stopped: theme.stopped,
      stoppedLine: theme['stopped-line'],
      core: theme['building-core'],
      muted: theme.muted,
      warning: theme.warning,
      pausedLine: blend(theme['paused-line'], theme.paused, 0.6),
      mark: theme.mark,
      font,
      paused: pausedPattern(theme.paused, theme['paused-line']),
      pane: theme.pane,
      panePaused: theme['pane-paused'],
      dedicated: theme.dedicated,
      riser: { cpu: theme['riser-cpu'], memory: theme['riser-memory'], network: theme['riser-network'] },
    };
    byFont.set(font, palette);
  }
  return palette;
}

/** The UI's font stack, as the page's CSS names it (read once per element). */
export function fontOf(element: Element): string {
  return getComputedStyle(element).getPropertyValue('--font').trim() || 'sans-serif';
}
