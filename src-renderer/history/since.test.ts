import { describe, expect, it } from 'vitest';
import { formatAge, historyLength, spanText } from './since';

const MIN = 60_000;

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [40_900, '40 s'],
    [59_999, '59 s'],
    [60_000, '1 min'],
    [14 * MIN + 59_000, '14 min'],
    [65 * MIN, '1 h 05 min'],
    [(24 * 60 + 4 * 60) * MIN, '1 d 4 h'],
    [-5, '0 s'],
    [Number.NaN, '0 s'],
  ])('%d ms: %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('historyLength', () => {
  it.each([
    [null, 1000, 15 * MIN, 'no history yet'],
    [0, 40_000, 15 * MIN, 'history: 40 s'],
    [0, 3 * MIN, 15 * MIN, 'history: 3 min'],
    [0, 15 * MIN, 15 * MIN, 'last 15 min'],
    [0, 2 * 60 * MIN, 24 * 60 * MIN, 'history: 2 h 00 min'],
    [0, 25 * 60 * MIN, 24 * 60 * MIN, 'last 24 h'],
  ])('since %s, now %d, window %d: %s', (since, now, span, text) => {
    expect(historyLength(since, now, span)).toBe(text);
  });

  it('names the window', () => {
    expect(spanText(15 * MIN)).toBe('last 15 min');
    expect(spanText(24 * 60 * MIN)).toBe('last 24 h');
  });
});
