import { describe, expect, it } from 'vitest';
import type { Bridge, World } from '../../src-main/contract';
import { alwaysOpen } from '../bridge/connection';
import { makeContainer, makeEngine, makeHost, makeStats, makeVm, makeWorld } from '../testing/make';
import { AppState } from './app-state.svelte';
import { ViewState, type Address } from './view.svelte';
import { memoryStorage, SORT_KEY, VIEW_KEY } from './view-prefs';

const quietBridge: Bridge = { invoke: () => new Promise(() => {}), on: () => () => {} };

function address(initial: string): Address & { written: string[] } {
  let search = initial;
  const written: string[] = [];
  return {
    written,
    get search() {
      return search;
    },
    replace(next) {
      written.push(next);
      search = next;
    },
  };
}

const libvirt = makeEngine({ id: 'libvirt:qemu:///system', kind: 'libvirt' });

function world(cpus: Record<string, number | null>, seq = 1): World {
  const containers = Object.entries(cpus).map(([name, cpu]) => makeContainer({ id: name, name, stats: cpu === null ? null : makeStats({ cpuCores: cpu }) }));
  return makeWorld({ seq, hosts: [makeHost({ engines: [makeEngine({ containers }), { ...libvirt, vms: [makeVm({ uuid: 'u1', name: 'small' })] }] })] });
}

function setup(opts: { stored?: Record<string, string>; search?: string } = {}) {
  const app = new AppState(quietBridge, alwaysOpen);
  const storage = memoryStorage(opts.stored);
  const addr = address(opts.search ?? '');
  const view = new ViewState(app, storage, addr);
  const show = (w: World): void => app.receive({ kind: 'full', world: w });
  return { app, view, storage, addr, show };
}

const names = (view: ViewState): string[] => view.tableRows.map((r) => r.name);

describe('ViewState', () => {
  it('starts on the map, sorted by host, unfiltered, and remembers the view chosen', () => {
    const { view, storage } = setup();
    expect([view.mode, view.sort, view.filter.query]).toEqual(['map', { column: 'host', direction: 'ascending' }, '']);
    view.setMode('table');
    expect(view.mode).toBe('table');
    expect(storage.held[VIEW_KEY]).toBe('table');
  });

  it('reads the view and sort remembered, and the filter from the address', () => {
    const { view } = setup({ stored: { [VIEW_KEY]: 'table', [SORT_KEY]: '{"column":"cpu","direction":"descending"}' }, search: '?q=web&state=paused' });
    expect(view.mode).toBe('table');
    expect(view.sort).toEqual({ column: 'cpu', direction: 'descending' });
    expect(view.filter).toEqual({ query: 'web', states: ['paused'], kinds: [] });
  });

  it('writes the filter into the address, leaving the token out', () => {
    const { view, addr } = setup({ search: '?token=secret' });
    view.setFilter({ query: 'db', states: [], kinds: ['vm'] });
    expect(addr.written).toEqual(['?q=db&kind=vm']);
  });

  it('sorts the table, keeps it sorted across frames, and remembers the sort', () => {
    const { view, show, storage } = setup();
    show(world({ a: 0.1, b: 0.9, c: null }));
    view.sortBy('cpu');
    expect(storage.held[SORT_KEY]).toBe('{"column":"cpu","direction":"descending"}');
    // No figure goes last: c and the VM (none yet), in the fixed order (host, engine, name).
    expect(names(view)).toEqual(['b', 'a', 'c', 'small']);
    show(world({ a: 1.5, b: 0.9, c: 0.2 }, 2));
    expect(names(view)).toEqual(['a', 'b', 'c', 'small']);
  });

  it('keeps tied rows in the order of the frame before', () => {
    const { view, show } = setup();
    show(world({ a: 0.5, b: 0.5 }));
    view.sortBy('cpu');
    expect(names(view)).toEqual(['a', 'b', 'small']);
    // b edges up and back: what is printed ties again, and the table keeps the order it showed.
    show(world({ a: 0.5, b: 0.7 }, 2));
    expect(names(view)).toEqual(['b', 'a', 'small']);
    show(world({ a: 0.5, b: 0.5 }, 3));
    expect(names(view)).toEqual(['b', 'a', 'small']);
  });

  it('hides what the filter does not match in the table, and dims it on the map', () => {
    const { view, show } = setup();
    show(world({ web: 0.1, db: 0.2 }));
    expect(view.highlight).toBeNull();
    view.setFilter({ query: 'web', states: [], kinds: [] });
    expect(names(view)).toEqual(['web']);
    const lit = view.highlight!;
    const web = view.rows.find((r) => r.name === 'web')!;
    const db = view.rows.find((r) => r.name === 'db')!;
    // Asked with the map's key: the data-tenant-key of each tenant.
    expect([lit(web.key), lit(db.key)]).toEqual([true, false]);
    expect(web.key).toBe(`container:${web.engineId}:web`);
  });

  it('keeps the same highlight while the matches stay the same', () => {
    const { view, show } = setup();
    show(world({ web: 0.1, db: 0.2 }));
    view.setFilter({ query: 'web', states: [], kinds: [] });
    const first = view.highlight;
    show(world({ web: 0.3, db: 0.2 }, 2));
    expect(view.highlight).toBe(first);
    show(world({ web: 0.3, db: 0.2, web2: 0 }, 3));
    expect(view.highlight).not.toBe(first);
  });

  it('opens the first match in the order shown', () => {
    const { view, show } = setup();
    show(world({ zeta: 0.1, alpha: 0.9 }));
    view.setFilter({ query: '', states: ['running'], kinds: ['container'] });
    // The map's order is the world's.
    expect(view.firstMatch()?.name).toBe('zeta');
    view.setMode('table');
    view.sortBy('name');
    expect(view.firstMatch()?.name).toBe('alpha');
    view.setFilter({ query: 'nothing', states: [], kinds: [] });
    expect(view.firstMatch()).toBeNull();
  });
});
