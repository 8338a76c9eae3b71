import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT } from '../table/sort';
import { memoryStorage, parseSort, parseViewMode, storedSort } from './view-prefs';

describe('parseViewMode', () => {
  it.each([
    [null, 'map'],
    ['map', 'map'],
    ['table', 'table'],
    ['Table', 'map'],
    ['', 'map'],
    ['{"x":1}', 'map'],
  ])('%j → %s', (stored, mode) => {
    expect(parseViewMode(stored)).toBe(mode);
  });
});

describe('parseSort', () => {
  it.each([
    [null, DEFAULT_SORT],
    ['', DEFAULT_SORT],
    ['not json', DEFAULT_SORT],
    ['null', DEFAULT_SORT],
    ['42', DEFAULT_SORT],
    ['[]', DEFAULT_SORT],
    ['{"column":"cpu","direction":"descending"}', { column: 'cpu', direction: 'descending' }],
    ['{"column":"name","direction":"ascending","extra":true}', { column: 'name', direction: 'ascending' }],
    ['{"column":"cpu"}', DEFAULT_SORT],
    ['{"column":"__proto__","direction":"ascending"}', DEFAULT_SORT],
    ['{"column":"cpu","direction":"up"}', DEFAULT_SORT],
  ])('%j → %j', (stored, sort) => {
    expect(parseSort(stored)).toEqual(sort);
  });

  it('reads back what is stored', () => {
    expect(parseSort(storedSort({ column: 'block', direction: 'ascending' }))).toEqual({ column: 'block', direction: 'ascending' });
  });
});

describe('memoryStorage', () => {
  it('holds what is set', () => {
    const storage = memoryStorage({ a: '1' });
    storage.set('b', '2');
    expect([storage.get('a'), storage.get('b'), storage.get('c')]).toEqual(['1', '2', null]);
  });
});
