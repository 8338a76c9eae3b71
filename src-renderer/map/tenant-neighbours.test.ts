import { describe, expect, it } from 'vitest';
import { arrowDirection, neighbourOf, type Direction, type PlacedTenant } from './tenant-neighbours';

const box = (x: number, y: number, width = 20, height = 14) => ({ x, y, width, height });

/**
 * A small facade (2 px gaps, as a building's units):
 *   a  b  c
 *   d  eeeee      (e is wide)
 *   f  g  h
 * and a house far to the right of the middle row, and a second street below.
 */
const map: PlacedTenant[] = [
  { key: 'a', box: box(0, 0) },
  { key: 'b', box: box(22, 0) },
  { key: 'c', box: box(44, 0) },
  { key: 'd', box: box(0, 16) },
  { key: 'e', box: box(22, 16, 42) },
  { key: 'f', box: box(0, 32) },
  { key: 'g', box: box(22, 32) },
  { key: 'h', box: box(44, 32) },
  { key: 'house', box: box(300, 10, 80, 60) },
  { key: 'next street', box: box(0, 400, 200, 40) },
];
const at = (key: string) => map.find((t) => t.key === key)!.box;

describe('neighbourOf', () => {
  it.each<[string, Direction, string | null]>([
    ['a', 'right', 'b'],
    ['b', 'right', 'c'],
    ['a', 'down', 'd'],
    ['b', 'down', 'e'],
    ['c', 'down', 'e'],
    ['e', 'up', 'b'],
    ['e', 'down', 'g'],
    ['d', 'right', 'e'],
    ['e', 'left', 'd'],
    ['g', 'up', 'e'],
    ['h', 'up', 'e'],
    // The end of a row: the next thing that way (the house beside the building).
    ['e', 'right', 'house'],
    ['c', 'right', 'house'],
    // The last row of a street: the next street.
    ['g', 'down', 'next street'],
    ['house', 'down', 'next street'],
    // Three as near (c, e, h end at the same x): the one most in line with the house's middle.
    ['house', 'left', 'h'],
    // Nothing that way.
    ['a', 'left', null],
    ['a', 'up', null],
    ['next street', 'down', null],
  ])('%s, %s → %s', (from, dir, expected) => {
    expect(neighbourOf(at(from), map, dir)).toBe(expected);
  });

  it('never answers the tenant itself', () => {
    expect(neighbourOf(box(0, 0), [{ key: 'self', box: box(0, 0) }], 'right')).toBeNull();
  });

  it('prefers the one in line when two are as near', () => {
    const from = box(0, 20);
    const tenants = [
      { key: 'above-right', box: box(30, 0) },
      { key: 'in line', box: box(30, 20) },
      { key: 'below-right', box: box(30, 40) },
    ];
    expect(neighbourOf(from, tenants, 'right')).toBe('in line');
  });
});

describe('arrowDirection', () => {
  it.each([
    ['ArrowLeft', 'left'],
    ['ArrowRight', 'right'],
    ['ArrowUp', 'up'],
    ['ArrowDown', 'down'],
    ['Enter', null],
  ])('%s → %s', (key, dir) => {
    expect(arrowDirection(key)).toBe(dir);
  });
});
