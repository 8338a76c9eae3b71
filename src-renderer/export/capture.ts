/**
 * Reads the map as it is on screen into an export tree (svg-tree.ts): each street's SVG layers cloned
 * element by element with the computed styles they need written out (the file has no stylesheet: fills,
 * strokes, fonts, opacity), each facade canvas as an embedded PNG of what it shows, each street's name,
 * facts and engine status as text, and each tenant as a group titled with its accessible name — so every
 * tenant's name is text in the file, whatever the canvas wrote. Only the map's own geometry is read,
 * in its own units (the zoom is divided out). The DOM side of the export; the rules are svg-tree's.
 */
import type { MapCapture } from './export-document';
import { el, type XmlChild, type XmlElement } from './svg-tree';

/** What the file needs of each element's computed style, written as presentation attributes. */
const PAINT = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'opacity'] as const;
const TEXT = ['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing'] as const;
/** Values that are the default anyway: left out to keep the file small. */
const DEFAULTS: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  opacity: '1',
  'stroke-dasharray': 'none',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'font-style': 'normal',
  'dominant-baseline': 'auto',
  'letter-spacing': 'normal',
  'text-anchor': 'start',
};
/** Geometry and text attributes worth keeping from the live element (class, style, aria, data and handlers are not). */
const KEPT = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'points', 'transform', 'viewBox', 'id', 'patternUnits', 'patternTransform', 'dx', 'dy', 'textLength', 'lengthAdjust', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'clipPathUnits', 'preserveAspectRatio']);
const TEXTUAL = new Set(['text', 'tspan', 'textPath']);
const ID_REF = /url\(\s*["']?#([^"')\s]+)["']?\s*\)/;

interface Walk {
  /** Ids the copied paint refers to (patterns), to copy into <defs>. */
  refs: Set<string>;
}

function styled(source: Element, walk: Walk): [string, string][] {
  const style = getComputedStyle(source);
  const props: readonly string[] = TEXTUAL.has(source.localName) ? [...PAINT, ...TEXT] : PAINT;
  const out: [string, string][] = [];
  for (const prop of props) {
    const value = style.getPropertyValue(prop).trim();
    if (value === '' || DEFAULTS[prop] === value) continue;
    const ref = ID_REF.exec(value);
    if (ref?.[1]) walk.refs.add(ref[1]);
    out.push([prop, value]);
  }
  return out;
}

/** One SVG element and what it contains, as drawn now; null for what is not drawn. */
function copy(source: Element, walk: Walk): XmlElement | null {
  if (!(source instanceof SVGElement)) return null;
  const style = getComputedStyle(source);
  if (style.display === 'none' || style.visibility === 'hidden') return null;
  const attrs: [string, string][] = [];
  for (const attr of source.attributes) if (KEPT.has(attr.name)) attrs.push([attr.name, attr.value]);
  attrs.push(...styled(source, walk));
  const children: XmlChild[] = [];
  // A tenant is titled with its accessible name ("Container web, running, 3% CPU, …"): its name as text.
  const name = source.getAttribute('data-tenant-key') !== null ? source.getAttribute('aria-label') : null;
  if (name) children.push(el('title', {}, [name]));
  for (const child of source.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (TEXTUAL.has(source.localName) && child.textContent) children.push(child.textContent);
    } else if (child instanceof Element) {
      const copied = copy(child, walk);
      if (copied) children.push(copied);
    }
  }
  return { name: source.localName, attrs, children };
}

interface Frame {
  left: number;
  top: number;
  k: number;
}

/** An element's box in the map's own units (the zoom divided out). */
function boxIn(element: Element, frame: Frame): { x: number; y: number; width: number; height: number } {
  const r = element.getBoundingClientRect();
  return { x: (r.left - frame.left) / frame.k, y: (r.top - frame.top) / frame.k, width: r.width / frame.k, height: r.height / frame.k };
}

/** A line of HTML text (a street's name, facts, an engine's status) as SVG text where it stands. */
function htmlText(element: Element, frame: Frame): XmlElement | null {
  const text = element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') return null;
  const box = boxIn(element, frame);
  const style = getComputedStyle(element);
  const size = parseFloat(style.fontSize) || 12;
  return el('text', { x: box.x, y: box.y + box.height / 2 + size * 0.35, fill: style.color, 'font-size': size, 'font-weight': style.fontWeight }, [text]);
}

/** A canvas as the picture it shows now (its pixels, at the screen's resolution). */
function canvasImage(canvas: HTMLCanvasElement, frame: Frame): XmlElement | null {
  if (canvas.width === 0 || canvas.height === 0) return null;
  const box = boxIn(canvas, frame);
  return el('image', { x: box.x, y: box.y, width: box.width, height: box.height, href: canvas.toDataURL('image/png'), preserveAspectRatio: 'none' });
}

/** One street: its frame, its header's words, then its layers in the order they are stacked. */
function street(section: Element, frame: Frame, walk: Walk): XmlElement {
  const box = boxIn(section, frame);
  const style = getComputedStyle(section);
  const parts: XmlChild[] = [el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 10, fill: style.backgroundColor === 'rgba(0, 0, 0, 0)' ? 'none' : style.backgroundColor, stroke: style.borderTopColor })];
  for (const words of section.querySelectorAll('header h2, header .facts, header .engines > *')) {
    const text = htmlText(words, frame);
    if (text) parts.push(text);
  }
  for (const layer of section.querySelectorAll('svg, canvas')) {
    if (layer instanceof HTMLCanvasElement) {
      const image = canvasImage(layer, frame);
      if (image) parts.push(image);
    } else if (layer instanceof SVGSVGElement && layer.ownerSVGElement === null) {
      // An outer SVG layer (inner ones are copied with it), placed where it stands in the map.
      const at = boxIn(layer, frame);
      const copied = copy(layer, walk);
      if (copied) parts.push(el('g', { transform: `translate(${at.x},${at.y})` }, copied.children));
    }
  }
  return el('g', { class: 'street' }, parts);
}

/**
 * The map held by `world` (the element every street is in), `k` its current zoom. Reads layout and
 * computed style of every element once: a few hundred ms for thousands of tenants, on a click.
 */
export function captureMap(world: HTMLElement, k: number): MapCapture {
  const rect = world.getBoundingClientRect();
  const frame: Frame = { left: rect.left, top: rect.top, k };
  const walk: Walk = { refs: new Set() };
  const body = [...world.querySelectorAll('section.street')].map((s) => street(s, frame, walk));
  const defs: XmlElement[] = [];
  for (const id of walk.refs) {
    const source = world.ownerDocument.getElementById(id);
    const copied = source ? copy(source, { refs: new Set() }) : null;
    if (copied) defs.push(copied);
  }
  return { width: world.offsetWidth, height: world.offsetHeight, body, defs };
}
