/**
 * The exported picture around the map: a title line with the time it shows, the map itself, and a
 * legend under it (what houses, apartments, windows, risers and the ground's colours mean), on the
 * page's background so it reads the same wherever it is opened. Pure: the captured map and the colours
 * come in, the document tree goes out (svg-tree serialises it).
 */
import { el, type XmlChild, type XmlElement } from './svg-tree';

export interface LegendEntry {
  label: string;
  /** CSS custom properties of the page (resolved to colours when the map is captured). */
  fill: string;
  stroke?: string;
  dashed?: boolean;
}

/** What the legend says, with the page's own colour variables (the same as the on-screen legend). */
export const LEGEND: readonly LegendEntry[] = [
  { label: 'House: a VM, its own kernel, CPU, memory', fill: '--house-wall' },
  { label: 'Apartment building: a container engine', fill: '--building-wall' },
  { label: 'Lit window: running (brighter = more CPU)', fill: '--window-lit' },
  { label: 'Hatched: paused', fill: '--paused', stroke: '--paused-line' },
  { label: 'Dark, dashed: exited or shut off', fill: '--stopped', stroke: '--stopped-line', dashed: true },
  { label: 'Riser: CPU of all apartments', fill: '--riser-cpu' },
  { label: 'Riser: memory', fill: '--riser-memory' },
  { label: 'Riser: network', fill: '--riser-network' },
  { label: 'Ground: dedicated to houses', fill: '--dedicated' },
  { label: 'Ground: shared by apartments', fill: '--shared' },
  { label: 'Ground: the host itself', fill: '--host' },
  { label: 'Ground: free', fill: '--free', stroke: '--free-line' },
];

export interface ExportColours {
  background: string;
  text: string;
  muted: string;
  /** A custom property's value (e.g. "--dedicated" → "#5b8def"); '' when the page has none. */
  resolve: (property: string) => string;
}

export interface MapCapture {
  width: number;
  height: number;
  /** The map's elements, in its own coordinates (0,0 = the top-left of the first street). */
  body: XmlElement[];
  /** Patterns and the like the body refers to by id. */
  defs: XmlElement[];
}

export const HEADER_HEIGHT = 44;
const MARGIN = 16;
/** A column of the legend, px: a swatch and about 42 characters at 12 px (every label is shorter). */
const LEGEND_COLUMN = 320;
const LEGEND_ROW = 20;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
const FALLBACK_SWATCH = '#808080';

/** "2026-11-27 10:05:09 UTC": one zone for every reader of the file. */
export function exportTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "neighborhood-map-2026-11-27T10-05-09Z.svg": sorts by time, and no character a file system minds. */
export function exportFileName(date: Date, extension: 'svg' | 'png'): string {
  return `neighborhood-map-${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z.${extension}`;
}

/** How many legend rows the entries take across `width`. */
export function legendRows(entries: number, width: number): number {
  const columns = Math.max(1, Math.floor((width - 2 * MARGIN) / LEGEND_COLUMN));
  return Math.ceil(entries / columns);
}

function legend(entries: readonly LegendEntry[], width: number, colours: ExportColours): XmlElement {
  const columns = Math.max(1, Math.floor((width - 2 * MARGIN) / LEGEND_COLUMN));
  const items: XmlChild[] = [el('text', { x: 0, y: 0, 'font-size': 13, 'font-weight': 600, fill: colours.text }, ['How to read the map'])];
  entries.forEach((entry, i) => {
    const x = (i % columns) * LEGEND_COLUMN;
    const y = 12 + Math.floor(i / columns) * LEGEND_ROW;
    const fill = colours.resolve(entry.fill) || FALLBACK_SWATCH;
    const stroke = entry.stroke === undefined ? undefined : colours.resolve(entry.stroke) || undefined;
    items.push(
      el('rect', { x, y, width: 22, height: 13, rx: 1.5, fill, stroke, 'stroke-dasharray': entry.dashed ? '3 2' : undefined }),
      el('text', { x: x + 30, y: y + 11, 'font-size': 12, fill: colours.text }, [entry.label]),
    );
  });
  return el('g', { class: 'legend' }, items);
}

/** The whole exported document: title and time, the map, the legend. */
export function exportDocument(capture: MapCapture, colours: ExportColours, date: Date, entries: readonly LegendEntry[] = LEGEND): XmlElement {
  const width = Math.ceil(capture.width + 2 * MARGIN);
  const legendTop = HEADER_HEIGHT + capture.height + MARGIN + 14;
  const height = Math.ceil(legendTop + 12 + legendRows(entries.length, width) * LEGEND_ROW + MARGIN);
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT },
    [
      el('title', {}, [`Neighborhood map, ${exportTimestamp(date)}`]),
      el('defs', {}, capture.defs),
      el('rect', { width, height, fill: colours.background }),
      el('text', { x: MARGIN, y: 28, 'font-size': 18, 'font-weight': 650, fill: colours.text }, ['Neighborhood']),
      el('text', { x: width - MARGIN, y: 28, 'font-size': 12, 'text-anchor': 'end', fill: colours.muted }, [`as of ${exportTimestamp(date)}`]),
      el('g', { class: 'map', transform: `translate(${MARGIN},${HEADER_HEIGHT})` }, capture.body),
      el('g', { transform: `translate(${MARGIN},${legendTop})` }, [legend(entries, width, colours)]),
    ],
  );
}
