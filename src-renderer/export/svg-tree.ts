/**
 * The exported map as a plain tree of elements, and the one place it becomes text. Everything in it may
 * carry engine text (container names, images, hosts) and everything was read from the live page, so the
 * serialiser is also the last gate: text and attribute values escaped, element and attribute names that
 * are not plain XML names dropped, and nothing that can run or fetch survives — scripts, foreignObject
 * (HTML inside SVG), SMIL animation (it can rewrite an href), event attributes, and links other than to
 * the document's own ids and embedded raster images (the facades). Pure: table-tested without a DOM.
 */

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlChild[];
}

export type XmlChild = XmlElement | string;

/** An element from a plain object of attributes (undefined ones left out). */
export function el(name: string, attrs: Record<string, string | number | undefined> = {}, children: XmlChild[] = []): XmlElement {
  const list: [string, string][] = [];
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) list.push([key, String(value)]);
  return { name, attrs: list, children };
}

/** Elements never written, whatever is inside them (compared lower-case: SVG names are case-sensitive, attacks are not). */
const DROPPED = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'handler', 'listener', 'animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor', 'style']);

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;
/** A raster image embedded in the file itself (the facades' canvases): nothing fetched when opened. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]*$/;
const OWN_ID = /^#[A-Za-z0-9_.:-]+$/;
/** A paint or property value that reaches outside the document (url() to anything but an own id, old IE expressions, script URLs). */
const REACHES_OUT = /url\(\s*(?!['"]?#)|expression\s*\(|javascript:|@import/i;

const isHref = (name: string): boolean => /^(xlink:)?href$/i.test(name);

/** Whether an attribute may be written on an element of this name. */
export function safeAttribute(element: string, name: string, value: string): boolean {
  if (!XML_NAME.test(name)) return false;
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return false;
  if (isHref(name)) return element.toLowerCase() === 'image' ? EMBEDDED_IMAGE.test(value) : OWN_ID.test(value);
  return !REACHES_OUT.test(value);
}

/** Whether an element is written at all. */
export function safeElement(element: XmlElement): boolean {
  const lower = element.name.toLowerCase();
  if (!XML_NAME.test(element.name)) return false;
  if (lower === 'image' || lower === 'use') {
    // Only with a safe href (an embedded picture, an own id): nothing else to show.
    const href = element.attrs.find(([n]) => isHref(n));
    return href !== undefined && safeAttribute(lower, href[0], href[1]);
  }
  return !DROPPED.has(lower);
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c] ?? c);
}

/** Characters XML 1.0 cannot carry at all (control characters an engine name could hold): dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (text: string): string => text.replace(NOT_XML, '');

/** The element as SVG/XML text, less whatever is unsafe (see the module comment). */
export function serializeXml(node: XmlChild): string {
  if (typeof node === 'string') return escapeText(clean(node));
  if (!safeElement(node)) return '';
  const attrs = node.attrs
    .filter(([name, value]) => safeAttribute(node.name, name, value))
    .map(([name, value]) => ` ${name}="${escapeAttribute(clean(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.name}${attrs}/>`;
  return `<${node.name}${attrs}>${node.children.map(serializeXml).join('')}</${node.name}>`;
}
