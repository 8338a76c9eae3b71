import { describe, expect, it } from 'vitest';
import { exportDocument, exportFileName, exportTimestamp, LEGEND, legendRows, type ExportColours } from './export-document';
import { el, serializeXml } from './svg-tree';

const date = new Date('2026-11-27T10:05:09.123Z');
const colours: ExportColours = { background: '#0f141e', text: '#e3e8f1', muted: '#93a0b6', resolve: (p) => (p === '--dedicated' ? '#5b8def' : '') };

describe('names and times', () => {
  it.each([
    [exportTimestamp(date), '2026-11-27 10:05:09 UTC'],
    [exportFileName(date, 'svg'), 'neighborhood-map-2026-11-27T10-05-09Z.svg'],
    [exportFileName(date, 'png'), 'neighborhood-map-2026-11-27T10-05-09Z.png'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('legendRows', () => {
  it.each([
    [12, 332, 12],
    [12, 672, 6],
    [12, 2000, 2],
    [12, 10, 12],
  ])('%i entries across %i px → %i rows', (entries, width, rows) => {
    expect(legendRows(entries, width)).toBe(rows);
  });
});

describe('exportDocument', () => {
  const capture = { width: 968, height: 400, body: [el('text', { x: 1, y: 2 }, ['web <1>']), el('script', {}, ['alert(1)'])], defs: [el('pattern', { id: 'p' })] };
  const svg = serializeXml(exportDocument(capture, colours, date));

  it('is one SVG document the size of the map, its title line and its legend', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="')).toBe(true);
    expect(svg).toContain('as of 2026-11-27 10:05:09 UTC');
    expect(svg).toContain('<g class="map" transform="translate(16,44)"><text x="1" y="2">web &lt;1&gt;</text></g>');
    expect(svg).toContain('<defs><pattern id="p"/></defs>');
  });

  it('has legend labels that fit their column (about 42 glyphs at 12 px)', () => {
    for (const entry of LEGEND) expect(entry.label.length).toBeLessThanOrEqual(42);
  });

  it('carries every legend entry, with the page’s colours where it has them', () => {
    for (const entry of LEGEND) expect(svg).toContain(`>${entry.label}</text>`);
    expect(svg).toContain('fill="#5b8def"');
  });

  it('carries no script, even one handed in with the map', () => {
    expect(svg).not.toMatch(/<script/i);
  });
});
