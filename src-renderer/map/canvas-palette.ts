/**
 * The colours the street's figures are painted with: the app's CSS custom properties (app.css), read
 * once from an element's computed style, so what is painted matches the legend and the SVG around it.
 * The paused hatching is the same as the SVG pattern #nbh-hatch-paused.
 */
export interface CanvasPalette {
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

/** Read from `element`'s computed style (it must be in the document, where the custom properties apply). */
export function readPalette(element: Element): CanvasPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const pausedBase = read('--paused', '#6c7f9c');
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  let paused: CanvasPattern | string = pausedBase;
  if (t) {
    t.fillStyle = pausedBase;
    t.fillRect(0, 0, 6, 6);
    t.fillStyle = 'rgba(169, 184, 207, 0.55)';
    t.fillRect(0, 0, 1, 6);
    // A pattern is not tied to the context that made it: every building's canvas uses this one.
    const pattern = t.createPattern(tile, 'repeat');
    if (pattern) {
      pattern.setTransform(new DOMMatrix().rotateSelf(45));
      paused = pattern;
    }
  }
  return {
    stopped: read('--stopped', '#131822'),
    stoppedLine: read('--stopped-line', '#5d6983'),
    core: read('--building-core', '#191f2b'),
    muted: read('--muted', '#93a0b6'),
    warning: read('--warning', '#f0b454'),
    pausedLine: 'rgba(169, 184, 207, 0.6)',
    mark: '#eef3fb',
    font: read('--font', 'sans-serif'),
    paused,
    pane: '#2f3542',
    panePaused: '#8797b0',
    dedicated: read('--dedicated', '#d98b5f'),
    riser: { cpu: read('--riser-cpu', '#ffb35c'), memory: read('--riser-memory', '#5cc2bb'), network: read('--riser-network', '#a88be0') },
  };
}
