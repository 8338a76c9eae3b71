import { describe, expect, it } from 'vitest';
import { makeRow } from '../table/test-rows';
import { parseQuery, rowMatches } from './match';

describe('parseQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['Web', [{ kind: 'text', text: 'web' }]],
    ['web  db', [{ kind: 'text', text: 'web' }, { kind: 'text', text: 'db' }]],
    ['app=Shop', [{ kind: 'label', key: 'app', value: 'shop' }]],
    ['app=', [{ kind: 'label', key: 'app', value: '' }]],
    ['=shop', [{ kind: 'label', key: '', value: 'shop' }]],
    ['a=b=c', [{ kind: 'label', key: 'a', value: 'b=c' }]],
  ])('%j', (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });
});

describe('rowMatches', () => {
  const row = makeRow({
    name: 'nbh-Demo-web',
    image: 'neighborhood/busybox:latest',
    state: 'exited',
    group: 'stopped',
    host: 'lab-host',
    engine: 'Docker',
    labels: [['com.docker.compose.project', 'Shop'], ['tier', 'front']],
  });

  it.each([
    ['', true],
    ['demo', true],
    ['DEMO-WEB', true],
    ['busybox', true],
    ['exited', true],
    ['stopped', true],
    ['lab-host', true],
    ['docker', true],
    ['shop', true],
    ['tier', true],
    ['demo busybox', true],
    ['demo postgres', false],
    ['running', false],
    ['tier=front', true],
    ['TIER=fr', true],
    ['tier=back', false],
    ['tie=front', false],
    ['tier=', true],
    ['nope=', false],
    ['=shop', true],
    ['=nothing', false],
    // Words never match across two fields.
    ['web\nneighborhood', true],
    ['latest\nexited', true],
  ])('%j → %j', (query, expected) => {
    expect(rowMatches(row, parseQuery(query))).toBe(expected);
  });

  it('does not match across the join of two fields', () => {
    // "web" ends the name and "neigh" starts the image; a word spanning both must not match.
    expect(rowMatches(row, parseQuery('webneigh'))).toBe(false);
  });

  it('matches a VM by its kind-free fields', () => {
    const vm = makeRow({ name: 'small', kind: 'vm', image: '', engine: 'libvirt', state: 'shutoff', group: 'stopped' });
    expect(rowMatches(vm, parseQuery('libvirt shutoff small'))).toBe(true);
  });
});
