import { describe, expect, it } from 'vitest';
import { isMenuKey, menuStep } from './menu-keys';

const items = [
  { label: 'Open details', enabled: true },
  { label: 'Start', enabled: false },
  { label: 'Stop', enabled: true },
  { label: 'Restart', enabled: true },
  { label: 'Pause', enabled: true },
  { label: 'Unpause', enabled: false },
  { label: 'Remove…', enabled: true },
];

describe('menuStep', () => {
  it.each([
    ['ArrowDown', -1, 0],
    ['ArrowDown', 0, 2],
    ['ArrowDown', 4, 6],
    ['ArrowDown', 6, 0],
    ['ArrowUp', 2, 0],
    ['ArrowUp', 0, 6],
    ['ArrowUp', -1, 0],
    ['Home', 4, 0],
    ['End', 0, 6],
    ['s', 0, 2],
    ['S', 2, 2],
    ['r', 0, 3],
    ['r', 3, 6],
    ['r', 6, 3],
    ['u', 0, 0],
    ['Enter', 0, null],
    [' ', 0, null],
    ['Tab', 0, null],
  ])('%s from %i → %s', (key, from, to) => {
    expect(menuStep(key, from, items)).toBe(to);
  });

  it('a menu with nothing enabled has nowhere to go', () => {
    expect(menuStep('ArrowDown', -1, [{ label: 'Start', enabled: false }])).toBeNull();
  });
});

describe('isMenuKey', () => {
  it.each([
    [{ key: 'ContextMenu', shiftKey: false }, true],
    [{ key: 'F10', shiftKey: true }, true],
    [{ key: 'F10', shiftKey: false }, false],
    [{ key: 'Enter', shiftKey: true }, false],
  ])('%j → %s', (event, yes) => {
    expect(isMenuKey(event)).toBe(yes);
  });
});
