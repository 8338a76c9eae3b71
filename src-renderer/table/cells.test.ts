import { describe, expect, it } from 'vitest';
import { formatBytes, formatCores, formatRate } from '../format/format';
import { cellText, isNumeric, shownNumber } from './cells';
import { makeRow } from './test-rows';

describe('shownNumber', () => {
  it.each([
    ['1.5 GiB', 1.5 * 1024 ** 3],
    ['12 KiB/s', 12 * 1024],
    ['0 B/s', 0],
    ['512 B', 512],
    ['0.25 cores', 0.25],
    ['1 core', 1],
    ['0 cores', 0],
    ['<0.01 cores', 0.005],
    ['—', null],
    ['', null],
    ['web', null],
  ])('%j → %j', (text, value) => {
    expect(shownNumber(text)).toBe(value);
  });

  it('reads back every formatted figure as the number it prints, in order', () => {
    const cores = [0, 0.004, 0.01, 0.25, 0.5, 1, 1.75, 12.5];
    const read = cores.map((c) => shownNumber(formatCores(c))!);
    expect([...read].sort((a, b) => a - b)).toEqual(read);
    const bytes = [0, 100, 1023, 2048, 5 * 1024 ** 2, 3 * 1024 ** 3];
    expect(bytes.map((b) => shownNumber(formatBytes(b)))).toEqual([0, 100, 1023, 2048, 5 * 1024 ** 2, 3 * 1024 ** 3]);
    expect(shownNumber(formatRate(1536))).toBe(1.5 * 1024);
  });
});

describe('cellText', () => {
  const row = makeRow({ name: 'web', kind: 'container', cpu: 0.5, memory: 64 * 1024 ** 2, net: null, block: 2048 });
  it.each([
    ['name', 'web'],
    ['kind', 'container'],
    ['cpu', '0.5 cores'],
    ['memory', '64 MiB'],
    ['net', '—'],
    ['block', '2 KiB/s'],
  ] as const)('%s → %s', (column, text) => {
    expect(cellText(row, column)).toBe(text);
  });

  it('names a VM "VM"', () => {
    expect(cellText(makeRow({ name: 'small', kind: 'vm' }), 'kind')).toBe('VM');
  });

  it('knows which columns are figures', () => {
    expect(['name', 'cpu', 'memory', 'state', 'net', 'block'].map((c) => isNumeric(c as never))).toEqual([false, true, true, false, true, true]);
  });
});
