import { describe, expect, it } from 'vitest';
import { makeRow } from '../table/test-rows';
import { isFiltering, KIND_CHIPS, matchingKeys, NO_FILTER, rowFilter, sameKeys, STATE_CHIPS, toggled, type Filter } from './filter';

const rows = [
  makeRow({ name: 'web', state: 'running', group: 'running' }),
  makeRow({ name: 'db', state: 'paused', group: 'paused' }),
  makeRow({ name: 'job', state: 'exited', group: 'stopped' }),
  makeRow({ name: 'small', kind: 'vm', state: 'running', group: 'running', image: '' }),
  makeRow({ name: 'large', kind: 'vm', state: 'shutoff', group: 'stopped', image: '' }),
];
const filter = (p: Partial<Filter>): Filter => ({ ...NO_FILTER, ...p });

describe('rowFilter', () => {
  it.each<[string, Partial<Filter>, string[]]>([
    ['nothing', {}, ['web', 'db', 'job', 'small', 'large']],
    ['running', { states: ['running'] }, ['web', 'small']],
    ['running or paused', { states: ['running', 'paused'] }, ['web', 'db', 'small']],
    ['VMs', { kinds: ['vm'] }, ['small', 'large']],
    ['stopped VMs', { kinds: ['vm'], states: ['stopped'] }, ['large']],
    ['both kinds', { kinds: ['vm', 'container'] }, ['web', 'db', 'job', 'small', 'large']],
    ['a word', { query: 'arg' }, ['large']],
    ['a word and a chip', { query: 'busybox', states: ['running'] }, ['web']],
    ['a word that matches nothing', { query: 'zzz' }, []],
  ])('%s', (_, f, expected) => {
    expect(rows.filter(rowFilter(filter(f))).map((r) => r.name)).toEqual(expected);
  });
});

describe('isFiltering', () => {
  it.each<[Partial<Filter>, boolean]>([
    [{}, false],
    [{ query: '   ' }, false],
    [{ query: 'a' }, true],
    [{ states: ['paused'] }, true],
    [{ kinds: ['vm'] }, true],
  ])('%j → %j', (f, expected) => {
    expect(isFiltering(filter(f))).toBe(expected);
  });
});

describe('toggled', () => {
  it.each([
    [[], 'paused', ['paused']],
    [['paused'], 'paused', []],
    [['stopped'], 'running', ['running', 'stopped']],
    [['stopped', 'running'], 'paused', ['running', 'paused', 'stopped']],
  ] as const)('%j, %s → %j (in the chips’ order)', (pressed, chip, expected) => {
    expect(toggled(pressed, chip, STATE_CHIPS)).toEqual(expected);
  });

  it('orders kinds as their chips', () => {
    expect(toggled(['vm'], 'container', KIND_CHIPS)).toEqual(['container', 'vm']);
  });
});

describe('matchingKeys', () => {
  it('is null when nothing is filtered (nothing dimmed)', () => {
    expect(matchingKeys(rows, NO_FILTER)).toBeNull();
  });

  it('holds the keys of the rows let through', () => {
    expect(matchingKeys(rows, filter({ kinds: ['vm'] }))).toEqual(new Set([rows[3]!.key, rows[4]!.key]));
  });
});

describe('sameKeys', () => {
  it.each([
    [null, null, true],
    [new Set(['a']), null, false],
    [null, new Set<string>(), false],
    [new Set(['a', 'b']), new Set(['b', 'a']), true],
    [new Set(['a', 'b']), new Set(['a', 'c']), false],
    [new Set(['a']), new Set(['a', 'b']), false],
  ])('%j, %j → %j', (a, b, expected) => {
    expect(sameKeys(a, b)).toBe(expected);
  });
});
