import { describe, expect, it } from 'vitest';
import { approxTextWidth, truncateToWidth, wrapToWidth } from './text-fit';

describe('truncateToWidth', () => {
  it.each([
    // width 60 at 10px fits 10 glyphs
    ['short', 60, 10, 'short'],
    ['exactly10!', 60, 10, 'exactly10!'],
    ['a bit too long', 60, 10, 'a bit too…'],
    ['anything', 6, 10, ''],
    ['', 60, 10, ''],
  ])('%j in %ipx at %ipx → %j', (text, width, size, expected) => {
    expect(truncateToWidth(text, width, size)).toBe(expected);
  });
});

describe('wrapToWidth', () => {
  it.each([
    ['Kernel 6.1.0-28-amd64 shared by 6 apartments', 150, 10, Infinity, ['Kernel 6.1.0-28-amd64', 'shared by 6 apartments']],
    ['one two three', 600, 10, Infinity, ['one two three']],
    ['/var/run/libvirt/libvirt-sock', 60, 10, Infinity, ['/var/run/l', 'ibvirt/lib', 'virt-sock']],
    ['a b c d e f g h', 18, 10, 2, ['a b', 'c…']],
    ['', 100, 10, Infinity, []],
  ])('%j in %ipx', (text, width, size, maxLines, expected) => {
    expect(wrapToWidth(text, width, size, maxLines)).toEqual(expected);
  });

  it('never returns a line wider than asked', () => {
    const lines = wrapToWidth('libvirt is not available: Failed to connect socket to /run/libvirt/x: No such file', 200, 11);
    for (const line of lines) expect(approxTextWidth(line, 11)).toBeLessThanOrEqual(200);
  });
});
