import { describe, expect, it } from 'vitest';
import type { TenantRow } from './rows';
import { DEFAULT_SORT, nextSort, ranksOf, sortKey, sortRows, type Sort } from './sort';
import { makeRow } from './test-rows';

const names = (rows: readonly TenantRow[]): string[] => rows.map((r) => r.name);
const none = new Map<string, number>();

describe('sortRows', () => {
  const rows = [
    makeRow({ name: 'web10', cpu: 0.5, memory: 10 }),
    makeRow({ name: 'Web2', cpu: 1.25, memory: 30 }),
    makeRow({ name: 'idle', cpu: null, memory: 20 }),
    makeRow({ name: 'apple', cpu: 0.001, memory: null }),
  ];

  it.each<[string, Sort, string[]]>([
    ['names ascending, case aside, numbers in numeric order', { column: 'name', direction: 'ascending' }, ['apple', 'idle', 'Web2', 'web10']],
    ['names descending', { column: 'name', direction: 'descending' }, ['web10', 'Web2', 'idle', 'apple']],
    ['CPU descending, no figure last', { column: 'cpu', direction: 'descending' }, ['Web2', 'web10', 'apple', 'idle']],
    ['CPU ascending, no figure still last', { column: 'cpu', direction: 'ascending' }, ['apple', 'web10', 'Web2', 'idle']],
    ['memory descending', { column: 'memory', direction: 'descending' }, ['Web2', 'idle', 'web10', 'apple']],
  ])('%s', (_, sort, expected) => {
    expect(names(sortRows(rows, sort, none))).toEqual(expected);
  });

  it('orders states running, paused, stopped, then by their word', () => {
    const states = [
      makeRow({ name: 'a', state: 'exited', group: 'stopped' }),
      makeRow({ name: 'b', state: 'paused', group: 'paused' }),
      makeRow({ name: 'c', state: 'running', group: 'running' }),
      makeRow({ name: 'd', state: 'created', group: 'stopped' }),
    ];
    expect(names(sortRows(states, { column: 'state', direction: 'ascending' }, none))).toEqual(['c', 'b', 'd', 'a']);
  });

  it('breaks ties first on the previous order, then on host, engine, name', () => {
    const tied = [makeRow({ name: 'b', cpu: 0.5 }), makeRow({ name: 'a', cpu: 0.5 }), makeRow({ name: 'c', cpu: 0.5 })];
    const sort: Sort = { column: 'cpu', direction: 'descending' };
    const first = sortRows(tied, sort, none);
    expect(names(first)).toEqual(['a', 'b', 'c']);
    const previous = ranksOf([tied[2]!, tied[0]!, tied[1]!]);
    expect(names(sortRows(tied, sort, previous))).toEqual(['c', 'b', 'a']);
  });

  it('keeps a row in place while its figure moves within what the cell prints', () => {
    const sort: Sort = { column: 'cpu', direction: 'descending' };
    const before = [makeRow({ name: 'x', cpu: 0.501 }), makeRow({ name: 'y', cpu: 0.499 })];
    const order = sortRows(before, sort, none);
    // Both print "0.5 cores": a frame in which y edges above x moves nothing.
    const after = [makeRow({ name: 'x', cpu: 0.499 }), makeRow({ name: 'y', cpu: 0.502 })];
    expect(names(sortRows(after, sort, ranksOf(order)))).toEqual(names(order));
    // A change the cell shows does move it.
    const busy = [makeRow({ name: 'x', cpu: 0.5 }), makeRow({ name: 'y', cpu: 0.9 })];
    expect(names(sortRows(busy, sort, ranksOf(order)))).toEqual(['y', 'x']);
  });

  it('puts new rows after the known ones they tie with', () => {
    const sort: Sort = { column: 'host', direction: 'ascending' };
    const known = [makeRow({ name: 'z' }), makeRow({ name: 'y' })];
    const ranks = ranksOf(known);
    expect(names(sortRows([makeRow({ name: 'a' }), ...known], sort, ranks))).toEqual(['z', 'y', 'a']);
  });

  it('does not change the array it is given', () => {
    const given = [makeRow({ name: 'b' }), makeRow({ name: 'a' })];
    sortRows(given, { column: 'name', direction: 'ascending' }, none);
    expect(names(given)).toEqual(['b', 'a']);
  });
});

describe('sortKey', () => {
  it('is the shown figure for figures, the group and word for states, the text otherwise', () => {
    const row = makeRow({ name: 'web', cpu: 0.123, state: 'paused', group: 'paused' });
    expect(sortKey(row, 'cpu')).toBe(0.12);
    expect(sortKey(row, 'state')).toBe('1 paused');
    expect(sortKey(row, 'name')).toBe('web');
    expect(sortKey(makeRow({ name: 'n', memory: null }), 'memory')).toBeNull();
  });
});

describe('nextSort', () => {
  it.each<[Sort, Parameters<typeof nextSort>[1], Sort]>([
    [DEFAULT_SORT, 'host', { column: 'host', direction: 'descending' }],
    [{ column: 'host', direction: 'descending' }, 'host', { column: 'host', direction: 'ascending' }],
    [DEFAULT_SORT, 'name', { column: 'name', direction: 'ascending' }],
    [DEFAULT_SORT, 'cpu', { column: 'cpu', direction: 'descending' }],
    [{ column: 'cpu', direction: 'descending' }, 'cpu', { column: 'cpu', direction: 'ascending' }],
  ])('%j, then %s → %j', (current, column, expected) => {
    expect(nextSort(current, column)).toEqual(expected);
  });
});
