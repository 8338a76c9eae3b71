import { describe, expect, it } from 'vitest';
import { NO_FILTER, type Filter } from './filter';
import { filterFromSearch, searchWithFilter } from './url-state';

describe('filterFromSearch', () => {
  it.each<[string, Filter]>([
    ['', NO_FILTER],
    ['?token=abc', NO_FILTER],
    ['?q=web', { query: 'web', states: [], kinds: [] }],
    ['?q=a%20b%3Dc', { query: 'a b=c', states: [], kinds: [] }],
    ['?q=a+b', { query: 'a b', states: [], kinds: [] }],
    ['?state=paused,running', { query: '', states: ['running', 'paused'], kinds: [] }],
    ['?state=RUNNING,%20stopped,bogus,', { query: '', states: ['running', 'stopped'], kinds: [] }],
    ['?kind=vm', { query: '', states: [], kinds: ['vm'] }],
    ['?kind=vm,container,vm', { query: '', states: [], kinds: ['container', 'vm'] }],
    ['?kind=<script>', NO_FILTER],
  ])('%j', (search, filter) => {
    expect(filterFromSearch(search)).toEqual(filter);
  });

  it('bounds a long query', () => {
    expect(filterFromSearch(`?q=${'x'.repeat(5000)}`).query).toHaveLength(500);
  });
});

describe('searchWithFilter', () => {
  it.each<[string, Filter, string]>([
    ['', NO_FILTER, ''],
    ['', { query: 'web', states: [], kinds: [] }, '?q=web'],
    ['', { query: 'a b&c=d', states: ['running', 'paused'], kinds: ['vm'] }, '?q=a+b%26c%3Dd&state=running%2Cpaused&kind=vm'],
    ['?q=old&state=paused', NO_FILTER, ''],
    ['?view=x&q=old', { query: 'new', states: [], kinds: [] }, '?view=x&q=new'],
    // The token never goes back into the address.
    ['?token=secret&q=old', { query: 'new', states: [], kinds: [] }, '?q=new'],
    ['?token=secret', NO_FILTER, ''],
  ])('%j with %j → %j', (search, filter, expected) => {
    expect(searchWithFilter(search, filter)).toBe(expected);
  });

  it('reads back what it writes', () => {
    const filter: Filter = { query: 'nbh-e2e "x" =y', states: ['stopped'], kinds: ['container', 'vm'] };
    expect(filterFromSearch(searchWithFilter('?other=1', filter))).toEqual(filter);
  });
});
