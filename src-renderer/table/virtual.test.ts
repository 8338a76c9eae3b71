import { describe, expect, it } from 'vitest';
import { moveActive, scrollToShow, visibleWindow } from './virtual';

describe('visibleWindow', () => {
  it.each([
    // scrollTop, viewport, rowHeight, count, overscan → start, end
    [0, 300, 30, 1000, 0, 0, 11],
    [0, 300, 30, 1000, 8, 0, 19],
    [3000, 300, 30, 1000, 8, 92, 119],
    [29_900, 300, 30, 1000, 8, 988, 1000],
    [0, 300, 30, 5, 8, 0, 5],
    [0, 300, 30, 0, 8, 0, 0],
    [-50, 300, 30, 100, 0, 0, 11],
    [1_000_000, 300, 30, 100, 8, 100, 100],
  ])('scrolled %i in %i px of %i px rows, %i rows, %i either side → rows %i to %i', (scrollTop, viewport, rowHeight, count, overscan, start, end) => {
    const w = visibleWindow(scrollTop, viewport, rowHeight, count, overscan);
    expect([w.start, w.end]).toEqual([start, end]);
    // The space above and below stands for exactly the rows not drawn.
    expect(w.before).toBe(start * rowHeight);
    expect(w.after).toBe((count - end) * rowHeight);
  });
});

describe('moveActive', () => {
  it.each([
    ['ArrowDown', 0, 10, 5, 1],
    ['ArrowDown', 9, 10, 5, 9],
    ['ArrowUp', 0, 10, 5, 0],
    ['ArrowUp', 4, 10, 5, 3],
    ['Home', 7, 10, 5, 0],
    ['End', 2, 10, 5, 9],
    ['PageDown', 0, 10, 5, 4],
    ['PageUp', 9, 10, 5, 5],
    ['PageDown', 0, 10, 1, 1],
    ['a', 3, 10, 5, null],
    ['Enter', 3, 10, 5, null],
    ['ArrowDown', 0, 0, 5, null],
  ] as const)('%s from %i of %i (%i in view) → %j', (key, index, count, page, expected) => {
    expect(moveActive(key, index, count, page)).toBe(expected);
  });
});

describe('scrollToShow', () => {
  it.each([
    // index, scrollTop, viewport, rowHeight, header → scroll
    [0, 0, 330, 30, 30, null],
    [9, 0, 330, 30, 30, null],
    [10, 0, 330, 30, 30, 30],
    [2, 120, 330, 30, 30, 60],
    [50, 0, 330, 30, 30, 1230],
  ])('row %i scrolled %i in %i px (%i px rows, %i px header) → %j', (index, scrollTop, viewport, rowHeight, header, expected) => {
    expect(scrollToShow(index, scrollTop, viewport, rowHeight, header)).toBe(expected);
  });
});
