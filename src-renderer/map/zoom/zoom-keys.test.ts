import { describe, expect, it } from 'vitest';
import { zoomKeyCommand } from './zoom-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });

describe('zoomKeyCommand', () => {
  it.each([
    [key('+'), 'in'],
    [key('='), 'in'],
    [key('-'), 'out'],
    [key('_'), 'out'],
    [key('0'), 'reset'],
    [key('f'), 'fit'],
    [key('F'), 'fit'],
    [key('+', { ctrlKey: true }), null],
    [key('-', { metaKey: true }), null],
    [key('0', { altKey: true }), null],
    [key('a'), null],
    [key('ArrowUp'), null],
  ])('%j → %s', (event, expected) => {
    expect(zoomKeyCommand(event)).toBe(expected);
  });
});
