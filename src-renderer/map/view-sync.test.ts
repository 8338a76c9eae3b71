import { describe, expect, it } from 'vitest';
import { LiveCells } from './live-cells';
import { TenantWriter, type Writable } from './tenant-writer';
import { ViewSync } from './view-sync';

interface Tenant {
  id: string;
  cpu: number;
}
/** The view rounds CPU to a tenth, as a label would: smaller changes do not show. */
let views = 0;
const view = (t: Tenant) => {
  views += 1;
  return { text: `${t.id} ${t.cpu.toFixed(1)}` };
};
const same = (a: { text: string }, b: { text: string }) => a.text === b.text;

describe('ViewSync', () => {
  it('reports only views that changed, and looks again only at tenants that are new objects', () => {
    const changes: Array<[string, string | undefined, string | undefined]> = [];
    const sync = new ViewSync<Tenant, { text: string }>((t) => t.id, view, same, (id, v, before) => changes.push([id, v?.text, before?.text]));
    const a = { id: 'a', cpu: 0.1 };
    const b = { id: 'b', cpu: 0.2 };
    expect(sync.sync([a, b, { id: 'c', cpu: 0.3 }])).toBe(3);
    expect(changes).toEqual([
      ['a', 'a 0.1', undefined],
      ['b', 'b 0.2', undefined],
      ['c', 'c 0.3', undefined],
    ]);

    changes.length = 0;
    views = 0;
    // a: the same object (not even looked at); b: a new object whose view reads the same; c: changed.
    expect(sync.sync([a, { id: 'b', cpu: 0.21 }, { id: 'c', cpu: 0.9 }])).toBe(1);
    expect(views).toBe(2);
    expect(changes).toEqual([['c', 'c 0.9', 'c 0.3']]);

    changes.length = 0;
    expect(sync.sync([a, b])).toBe(1);
    expect(changes).toEqual([['c', undefined, 'c 0.9']]);
    expect(sync.get('c')).toBeUndefined();
    expect(sync.get('b')?.text).toBe('b 0.2');
  });

  it('takes tenants by an id named outside them', () => {
    const sync = new ViewSync<Tenant, { text: string }>((t) => t.id, view, same, () => {});
    sync.syncEntries([['engine-1:a', { id: 'a', cpu: 0.5 }]]);
    expect(sync.get('engine-1:a')?.text).toBe('a 0.5');
    expect(sync.get('a')).toBeUndefined();
  });
});

describe('LiveCells', () => {
  it('holds a value per id, asked for before or after it is set; undefined once it leaves', () => {
    const cells = new LiveCells<string>();
    expect(cells.get('x')).toBeUndefined();
    cells.set('x', 'busy');
    expect(cells.get('x')).toBe('busy');
    cells.set('x', undefined);
    expect(cells.get('x')).toBeUndefined();
  });
});

/** An element that records what is written to it. */
function element() {
  const attributes = new Map<string, string>();
  const writes: string[] = [];
  const el: Writable & { attributes: Map<string, string>; writes: string[] } = {
    attributes,
    writes,
    setAttribute(name, value) {
      writes.push(`${name}=${value}`);
      attributes.set(name, value);
    },
    removeAttribute(name) {
      writes.push(`-${name}`);
      attributes.delete(name);
    },
  };
  return el;
}

describe('TenantWriter', () => {
  /** A writer whose idle moments the test brings about. */
  function setup() {
    const idle: Array<(deadline: () => number) => void> = [];
    const writer = new TenantWriter((work) => idle.push(work));
    const runIdle = (budget = 1_000) => idle.splice(0).forEach((work) => work(() => budget));
    return { writer, idle, runIdle };
  }
  let formatted = 0;
  const words = (label: string, state = 'running', busy: string | null = null) => ({
    state,
    busy,
    label: () => {
      formatted += 1;
      return label;
    },
  });

  it('writes state and action at once, the name in the next idle moment, and only what changed', () => {
    const { writer, runIdle } = setup();
    const el = element();
    writer.register('c1', el);
    writer.set('c1', words('Container web, running, 1% CPU'));
    expect(Object.fromEntries(el.attributes)).toEqual({ 'data-state': 'running' });
    runIdle();
    expect(el.attributes.get('aria-label')).toBe('Container web, running, 1% CPU');

    el.writes.length = 0;
    writer.set('c1', words('Container web, running, 1% CPU'));
    runIdle();
    expect(el.writes).toEqual([]);
    writer.set('c1', words('Container web, running, busy: Stopping web, 2% CPU', 'running', 'container:stop'));
    expect(el.writes).toEqual(['data-busy=container:stop']);
    writer.set('c1', words('Container web, exited', 'exited'));
    runIdle();
    expect(el.writes).toEqual(['data-busy=container:stop', 'data-state=exited', '-data-busy', 'aria-label=Container web, exited']);
  });

  it('formats a name once per idle moment however many frames changed it, and not at all for a tenant without an element', () => {
    const { writer, runIdle } = setup();
    writer.register('c1', element());
    formatted = 0;
    for (const cpu of [1, 2, 3, 4]) writer.set('c1', words(`Container web, running, ${cpu}% CPU`));
    writer.set('c2', words('Container db, running'));
    runIdle();
    expect(formatted).toBe(1);
  });

  it('a tenant that gets the focus or the pointer has its name brought up to date on the spot', () => {
    const { writer } = setup();
    const el = element();
    writer.register('v1', el);
    writer.set('v1', words('VM small, running, 1 snapshot'));
    writer.flush('v1');
    expect(el.attributes.get('aria-label')).toBe('VM small, running, 1 snapshot');
  });

  it('an idle moment writes what its time allows, the rest in the next', () => {
    const { writer, idle, runIdle } = setup();
    const els = ['a', 'b', 'c'].map((key) => {
      const el = element();
      writer.register(key, el);
      writer.set(key, words(`Container ${key}`));
      return el;
    });
    runIdle(0);
    // One at least, even with no time left.
    expect(els.map((el) => el.attributes.has('aria-label'))).toEqual([true, false, false]);
    expect(idle).toHaveLength(1);
    runIdle();
    expect(els.every((el) => el.attributes.has('aria-label'))).toBe(true);
  });

  it('words set before the element mounts wait for it; an unregistered element is written no more', () => {
    const { writer, runIdle } = setup();
    writer.set('v1', words('VM small, running'));
    const el = element();
    const unregister = writer.register('v1', el);
    runIdle();
    expect(el.attributes.get('aria-label')).toBe('VM small, running');
    unregister();
    writer.set('v1', words('VM small, paused', 'paused'));
    runIdle();
    expect(el.attributes.get('data-state')).toBe('running');
  });
});
