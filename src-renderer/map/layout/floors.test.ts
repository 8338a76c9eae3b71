import { describe, expect, it } from 'vitest';
import { COMPOSE_PROJECT_LABEL, byNameThenId, composeProject, groupFloors, type GroupedInput } from './floors';

const unit = (id: string, floor: string | null = null, pod: string | null = null, name = id): GroupedInput => ({
  id,
  name,
  floor,
  pod: pod === null ? null : { id: `pod-${pod}`, name: pod },
});

/** A grouping written the way one reads it: `project: [pod: rooms…] loose…`, floors top down. */
function shape(units: readonly GroupedInput[]): string[] {
  return groupFloors(units).map((f) => {
    const suites = f.suites.map((s) => `[${s.name}: ${s.units.map((u) => u.id).join(' ')}]`);
    return [`${f.project ?? '-'}:`, ...suites, ...f.units.map((u) => u.id)].join(' ');
  });
}

describe('composeProject', () => {
  it.each<[string, Record<string, string> | undefined, string | null]>([
    ['the label', { [COMPOSE_PROJECT_LABEL]: 'shop' }, 'shop'],
    ['no labels at all', undefined, null],
    ['other labels only', { 'com.docker.compose.service': 'web' }, null],
    ['an empty project is none', { [COMPOSE_PROJECT_LABEL]: '' }, null],
    ['markup is kept as it is (drawn as text)', { [COMPOSE_PROJECT_LABEL]: '<b>x</b>' }, '<b>x</b>'],
  ])('%s', (_name, labels, expected) => {
    expect(composeProject(labels)).toBe(expected);
  });
});

describe('groupFloors', () => {
  it.each<[string, GroupedInput[], string[]]>([
    ['nothing: no floors', [], []],
    ['no project: one floor of everyone, by name', [unit('b'), unit('a'), unit('c')], ['-: a b c']],
    ['projects by name on top, the rest below them all', [unit('x'), unit('w2', 'web'), unit('d1', 'db'), unit('w1', 'web')], ['db: d1', 'web: w1 w2', '-: x']],
    ['only projects: no floor of the rest', [unit('a', 'p'), unit('b', 'q')], ['p: a', 'q: b']],
    ['a pod is a suite, before the loose units', [unit('z'), unit('r2', null, 'pod1'), unit('r1', null, 'pod1')], ['-: [pod1: r1 r2] z']],
    ['pods by name, rooms by name', [unit('b1', null, 'b'), unit('a2', null, 'a'), unit('a1', null, 'a')], ['-: [a: a1 a2] [b: b1]']],
    ['a pod inside a project stays on that floor', [unit('r1', 'shop', 'pod1'), unit('r2', 'shop', 'pod1'), unit('x')], ['shop: [pod1: r1 r2]', '-: x']],
    ['a pod split across projects is a suite on each floor', [unit('r1', 'p', 'pod1'), unit('r2', 'q', 'pod1')], ['p: [pod1: r1]', 'q: [pod1: r2]']],
  ])('%s', (_name, units, expected) => {
    expect(shape(units)).toEqual(expected);
  });

  it('groups the same whatever order the units come in', () => {
    const units = [unit('a', 'p'), unit('b'), unit('c', 'p', 'pod'), unit('d', null, 'pod'), unit('e', 'q'), unit('f')];
    const expected = shape(units);
    for (const order of [[...units].reverse(), [units[3]!, units[0]!, units[5]!, units[1]!, units[4]!, units[2]!]]) expect(shape(order)).toEqual(expected);
  });

  it('orders equal names by id, so two containers of one name never swap', () => {
    const floors = groupFloors([unit('id-2', null, null, 'same'), unit('id-1', null, null, 'same')]);
    expect(floors[0]?.units.map((u) => u.id)).toEqual(['id-1', 'id-2']);
  });

  it('keys suites by the pod id, names them by the pod name', () => {
    const floors = groupFloors([
      { id: 'a', name: 'a', floor: null, pod: { id: 'p1', name: 'same-name' } },
      { id: 'b', name: 'b', floor: null, pod: { id: 'p2', name: 'same-name' } },
    ]);
    expect(floors[0]?.suites.map((s) => [s.id, s.name])).toEqual([
      ['p1', 'same-name'],
      ['p2', 'same-name'],
    ]);
  });
});

describe('byNameThenId', () => {
  type Named = { name: string; id: string };
  it.each<[string, Named, Named, number]>([
    ['name first', { name: 'a', id: 'z' }, { name: 'b', id: 'a' }, -1],
    ['then id', { name: 'a', id: 'b' }, { name: 'a', id: 'a' }, 1],
    ['code points, not locale: upper case before lower', { name: 'Z', id: 'x' }, { name: 'a', id: 'a' }, -1],
    ['equal', { name: 'a', id: 'x' }, { name: 'a', id: 'x' }, 0],
  ])('%s', (_name, a, b, sign) => {
    expect(Math.sign(byNameThenId(a, b))).toBe(sign);
  });
});
