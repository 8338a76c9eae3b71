import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it.each([
    [0, 1, 500],
    [1, 1, 1000],
    [2, 1, 2000],
    [4, 1, 8000],
    [5, 1, BACKOFF_MAX_MS],
    [50, 1, BACKOFF_MAX_MS],
    [0, 0, 400],
    [-3, 1, 500],
    [3, 0.5, 3600],
  ])('attempt %i, random %d → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });
});
