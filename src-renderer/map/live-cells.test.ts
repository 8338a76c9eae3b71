import { describe, expect, it } from 'vitest';
import { LiveCells } from './live-cells';

interface Tenant {
  id: string;
  cpu: number;
}
/** The view rounds CPU to a tenth, as a label would: smaller changes do not show. */
let views = 0;
const view = (t: Tenant) => {
  views += 1;
  return { text: `${t.id} ${t.cpu.toFixed(1)}` };
};
const same = (a: { text: string }, b: { text: string }) => a.text === b.text;

// Each cell is a $state.raw: setting it is what wakes its readers, so "cells changed" is "readers woken".
describe('LiveCells', () => {
  it('sets only the cells whose view changed, and looks again only at tenants that are new objects', () => {
    const cells = new LiveCells<Tenant, { text: string }>((t) => t.id, view, same);
    const a = { id: 'a', cpu: 0.1 };
    const b = { id: 'b', cpu: 0.2 };
    const c = { id: 'c', cpu: 0.3 };
    expect(cells.sync([a, b, c])).toBe(3);
    const before = { a: cells.get('a'), b: cells.get('b') };

    views = 0;
    // a: the same object (not even looked at); b: a new object whose view reads the same; c: changed.
    expect(cells.sync([a, { id: 'b', cpu: 0.21 }, { id: 'c', cpu: 0.9 }])).toBe(1);
    expect(views).toBe(2);
    expect(cells.get('a')).toBe(before.a);
    expect(cells.get('b')).toBe(before.b);
    expect(cells.get('c')?.text).toBe('c 0.9');

    // c leaves: its cell empties (its reader sees it go).
    expect(cells.sync([a, b])).toBe(1);
    expect(cells.get('c')).toBeUndefined();
  });

  it('a cell asked for before its tenant exists is filled when it arrives', () => {
    const cells = new LiveCells<Tenant, { text: string }>((t) => t.id, view, same);
    expect(cells.get('late')).toBeUndefined();
    expect(cells.sync([{ id: 'late', cpu: 1 }])).toBe(1);
    expect(cells.get('late')?.text).toBe('late 1.0');
  });

  it('takes tenants by an id named outside them', () => {
    const cells = new LiveCells<Tenant, { text: string }>((t) => t.id, view, same);
    cells.syncEntries([['engine-1:a', { id: 'a', cpu: 0.5 }]]);
    expect(cells.get('engine-1:a')?.text).toBe('a 0.5');
    expect(cells.get('a')).toBeUndefined();
  });
});
