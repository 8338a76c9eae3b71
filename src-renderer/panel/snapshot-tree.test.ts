import { describe, expect, it } from 'vitest';
import { makeSnapshot as s } from '../testing/make';
import { buildSnapshotTree, countDescendants, type SnapshotNode } from './snapshot-tree';

/** Compact picture of a tree: "a(b,c(d))". */
const shape = (nodes: SnapshotNode[]): string =>
  nodes.map((n) => (n.children.length ? `${n.snapshot.name}(${shape(n.children)})` : n.snapshot.name)).join(',');

describe('buildSnapshotTree', () => {
  it.each([
    ['none', [], ''],
    ['one', [s({ name: 'a' })], 'a'],
    ['a chain', [s({ name: 'c', parent: 'b', createdAt: 3 }), s({ name: 'a', createdAt: 1 }), s({ name: 'b', parent: 'a', createdAt: 2 })], 'a(b(c))'],
    [
      'a branch after a revert, children oldest first',
      [s({ name: 'a', createdAt: 1 }), s({ name: 'late', parent: 'a', createdAt: 9 }), s({ name: 'early', parent: 'a', createdAt: 2 })],
      'a(early,late)',
    ],
    ['a missing parent makes a root', [s({ name: 'orphan', parent: 'deleted' }), s({ name: 'a', createdAt: 5 })], 'orphan,a'],
    ['two roots by age', [s({ name: 'b', createdAt: 2 }), s({ name: 'a', createdAt: 1 })], 'a,b'],
    ['a cycle does not lose or loop', [s({ name: 'x', parent: 'y', createdAt: 1 }), s({ name: 'y', parent: 'x', createdAt: 2 })], 'x,y'],
  ])('%s', (_name, snapshots, expected) => {
    expect(shape(buildSnapshotTree(snapshots))).toBe(expected);
  });
});

describe('countDescendants', () => {
  // a ─ b ─ c
  //   │   └ d
  //   └ e
  // x (another root)
  const tree = [
    s({ name: 'a', createdAt: 1 }),
    s({ name: 'b', parent: 'a', createdAt: 2 }),
    s({ name: 'c', parent: 'b', createdAt: 3 }),
    s({ name: 'd', parent: 'b', createdAt: 4 }),
    s({ name: 'e', parent: 'a', createdAt: 5 }),
    s({ name: 'x', createdAt: 6 }),
  ];
  it.each([
    ['a', 4],
    ['b', 2],
    ['c', 0],
    ['e', 0],
    ['x', 0],
    ['missing', 0],
  ])('%s has %i below it', (name, count) => {
    expect(countDescendants(tree, name)).toBe(count);
  });
});
