import { describe, expect, it } from 'vitest';
import { TenantMarks } from './tenant-marks';

/** Just enough of an SVG element for the marks: attributes, classes, children. */
class FakeElement {
  readonly attrs = new Map<string, string>();
  readonly classes = new Set<string>();
  children: FakeElement[] = [];
  parent: FakeElement | null = null;
  textContent = '';
  constructor(readonly name: string) {}
  readonly classList = { toggle: (c: string, on: boolean) => (on ? this.classes.add(c) : this.classes.delete(c)) };
  readonly ownerDocument = { createElementNS: (_ns: string, name: string) => new FakeElement(name) };
  get firstChild(): FakeElement | null {
    return this.children[0] ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
  insertBefore(child: FakeElement): void {
    child.parent = this;
    this.children.unshift(child);
  }
  remove(): void {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
  }
}

const ring = (width: number, height: number) => ({ x: 9, y: 19, width: width + 2, height: height + 2, rx: 2.5 });

function setUp() {
  const marks = new TenantMarks();
  const unit = new FakeElement('g');
  const house = new FakeElement('g');
  marks.register('container:e:a', unit as unknown as Element, { kind: 'unit', name: 'web', ring: ring(18, 12) });
  marks.register('vm:l:u', house as unknown as Element, { kind: 'house', name: 'db', ring: { x: -6, y: -2, width: 100, height: 80, rx: 4 } });
  return { marks, unit, house };
}

describe('TenantMarks', () => {
  it('marks nothing while nothing is filtered or zoomed', () => {
    const { unit, house } = setUp();
    expect(unit.attrs.has('data-dimmed')).toBe(false);
    expect(unit.children).toEqual([]);
    expect(house.children).toEqual([]);
  });

  it.each([
    ['only the apartment lit', (k: string) => k.startsWith('container'), { unit: false, house: true }],
    ['only the house lit', (k: string) => k.startsWith('vm'), { unit: true, house: false }],
    ['nothing lit', () => false, { unit: true, house: true }],
  ])('dims what the highlight does not light: %s', (_, lit, expected) => {
    const { marks, unit, house } = setUp();
    marks.setHighlight(lit);
    expect(unit.attrs.get('data-dimmed') === 'true').toBe(expected.unit);
    expect(house.attrs.get('data-dimmed') === 'true').toBe(expected.house);
    expect(house.classes.has('dimmed')).toBe(expected.house);
    // A house is drawn behind its element: it gets a veil; an apartment is dimmed on the canvas.
    expect(house.children.map((c) => c.attrs.get('class'))).toEqual(expected.house ? ['tenant-veil'] : []);
    expect(unit.children).toEqual([]);
  });

  it('lights everything again when the highlight goes', () => {
    const { marks, unit, house } = setUp();
    marks.setHighlight(() => false);
    marks.setHighlight(null);
    expect(unit.attrs.has('data-dimmed')).toBe(false);
    expect(house.children).toEqual([]);
  });

  it('dims a tenant mounted while a highlight holds', () => {
    const marks = new TenantMarks();
    marks.setHighlight(() => false);
    const late = new FakeElement('g');
    marks.register('container:e:late', late as unknown as Element, { kind: 'unit', name: 'late', ring: ring(18, 12) });
    expect(late.attrs.get('data-dimmed')).toBe('true');
  });

  it.each([
    [1, null],
    [2, null],
    [4, 'web'],
  ])('names a small apartment at label scale %d: %s', (k, text) => {
    const { marks, unit, house } = setUp();
    marks.setLabelScale(k);
    const label = unit.children.find((c) => c.attrs.get('class') === 'tenant-zoom-label');
    expect(label?.textContent ?? null).toBe(text);
    expect(house.children).toEqual([]);
  });

  it('takes the name away again when zoomed back out, and with the element', () => {
    const { marks, unit } = setUp();
    marks.setLabelScale(4);
    marks.setLabelScale(1);
    expect(unit.children).toEqual([]);
  });
});
