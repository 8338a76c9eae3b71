/**
 * Export the map as shown: captured (capture.ts), framed with a title, the time and the legend
 * (export-document.ts), serialised safely (svg-tree.ts), and saved as SVG — or drawn into a PNG first.
 */
import { captureMap } from './capture';
import { exportDocument, exportFileName, type ExportColours } from './export-document';
import { saveBlob } from './download';
import { svgToPng } from './rasterize';
import { serializeXml } from './svg-tree';

export type ExportFormat = 'svg' | 'png';

function pageColours(element: Element): ExportColours {
  const style = getComputedStyle(element);
  const value = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return { background: value('--bg', '#0f141e'), text: value('--text', '#e3e8f1'), muted: value('--muted', '#93a0b6'), resolve: (name) => style.getPropertyValue(name).trim() };
}

/** The map in `world` (at zoom `k`) as an SVG document's text, with its size. */
export function mapSvg(world: HTMLElement, k: number, date = new Date()): { svg: string; width: number; height: number } {
  const doc = exportDocument(captureMap(world, k), pageColours(world), date);
  const size = (name: string): number => Number(doc.attrs.find(([n]) => n === name)?.[1] ?? 0);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(doc)}\n`, width: size('width'), height: size('height') };
}

export async function exportMap(world: HTMLElement, k: number, format: ExportFormat): Promise<void> {
  const date = new Date();
  const { svg, width, height } = mapSvg(world, k, date);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg, width, height);
  saveBlob(blob, exportFileName(date, format));
}
