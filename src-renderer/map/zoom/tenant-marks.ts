/**
 * What the search and the zoom add to a tenant's focusable element: dimmed (data-dimmed="true", a class,
 * and over a house a veil, since a house is drawn behind its element), and on an apartment too small
 * for its name at 1:1, the name once the zoom makes it large enough (zoom-labels.ts). Written straight
 * onto the elements, as the tenant writer writes their words: thousands of tenants carry no state, no
 * effect and no DOM node for these until one applies, and a change of highlight or label scale is one
 * pass over the tenants. Each tenant registers its element when mounted (Tenant.svelte).
 */
import { getContext, setContext } from 'svelte';
import { isDimmed } from './highlight';
import { unitZoomLabel, type ZoomLabel } from './zoom-labels';

const SVG = 'http://www.w3.org/2000/svg';

export interface MarkedTenant {
  /** Its kind, as Tenant's `classes`: "unit" or "house". */
  kind: string;
  name: string;
  /** Its ring: for an apartment, the unit's box and 1 px around it (ApartmentUnit). */
  ring: { x: number; y: number; width: number; height: number; rx: number };
}

interface Entry {
  element: Element;
  tenant: MarkedTenant;
  dimmed: boolean;
  veil: Element | null;
  label: Element | null;
  labelText: string;
}

export class TenantMarks {
  readonly #entries = new Map<string, Entry>();
  #lit: ((tenantKey: string) => boolean) | null = null;
  #labelK = 1;

  /** A tenant's element, mounted; returns its unregister (what was added goes with the element). */
  register(key: string, element: Element, tenant: MarkedTenant): () => void {
    const entry: Entry = { element, tenant, dimmed: false, veil: null, label: null, labelText: '' };
    this.#entries.set(key, entry);
    if (this.#lit !== null) this.#dim(key, entry);
    if (this.#labelK > 1) this.#label(entry);
    return () => {
      if (this.#entries.get(key) !== entry) return;
      this.#entries.delete(key);
      entry.veil?.remove();
      entry.label?.remove();
    };
  }

  /** The map's highlight (null: nothing dimmed). */
  setHighlight(lit: ((tenantKey: string) => boolean) | null): void {
    if (lit === this.#lit) return;
    this.#lit = lit;
    for (const [key, entry] of this.#entries) this.#dim(key, entry);
  }

  /** The scale labels are fitted for (zoom-math labelScale). */
  setLabelScale(k: number): void {
    if (k === this.#labelK) return;
    this.#labelK = k;
    for (const entry of this.#entries.values()) this.#label(entry);
  }

  /** Whether a tenant is dimmed now (tests). */
  dimmed(key: string): boolean {
    return this.#entries.get(key)?.dimmed ?? false;
  }

  #dim(key: string, entry: Entry): void {
    const dimmed = isDimmed({ current: this.#lit }, key);
    if (dimmed === entry.dimmed) return;
    entry.dimmed = dimmed;
    entry.element.classList.toggle('dimmed', dimmed);
    if (dimmed) entry.element.setAttribute('data-dimmed', 'true');
    else entry.element.removeAttribute('data-dimmed');
    if (entry.tenant.kind !== 'house') return;
    if (dimmed) {
      const { ring } = entry.tenant;
      // Over the house and its name and kernel lines, which stand below the ring.
      entry.veil = svg(entry.element, 'tenant-veil', { x: ring.x, y: ring.y, width: ring.width, height: ring.height + 32, rx: ring.rx }, 'rect');
    } else {
      entry.veil?.remove();
      entry.veil = null;
    }
  }

  #label(entry: Entry): void {
    const { tenant } = entry;
    if (tenant.kind !== 'unit') return;
    const unit = { x: tenant.ring.x + 1, y: tenant.ring.y + 1, width: tenant.ring.width - 2, height: tenant.ring.height - 2 };
    const label: ZoomLabel | null = unitZoomLabel(tenant.name, unit, this.#labelK);
    if (label === null) {
      entry.label?.remove();
      entry.label = null;
      entry.labelText = '';
      return;
    }
    const attrs = { x: label.x, y: label.y, 'font-size': label.fontSize, 'stroke-width': 2 / this.#labelK };
    entry.label ??= svg(entry.element, 'tenant-zoom-label', attrs, 'text');
    for (const [name, value] of Object.entries(attrs)) entry.label.setAttribute(name, String(value));
    // Engine text, as text: never markup.
    if (entry.labelText !== label.text) entry.label.textContent = entry.labelText = label.text;
  }
}

/** An SVG element of `name`, first in `parent` (under the ring, which stays the hit area on top). */
function svg(parent: Element, className: string, attrs: Record<string, number>, name: 'rect' | 'text'): Element {
  const element = parent.ownerDocument.createElementNS(SVG, name);
  element.setAttribute('class', className);
  element.setAttribute('aria-hidden', 'true');
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  parent.insertBefore(element, parent.firstChild);
  return element;
}

const KEY = Symbol('tenant-marks');

export function setTenantMarks(marks: TenantMarks): TenantMarks {
  return setContext(KEY, marks);
}

/** The map's tenant marks (undefined outside a map). */
export function getTenantMarks(): TenantMarks | undefined {
  return getContext<TenantMarks | undefined>(KEY);
}
