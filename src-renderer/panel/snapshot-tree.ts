/**
 * libvirt lists snapshots flat, each naming its parent; the panel shows them as the tree they are
 * (revert to one and the next snapshot branches off it). Children oldest first, like a history.
 */
import type { Snapshot } from '../../src-main/contract';

export interface SnapshotNode {
  snapshot: Snapshot;
  children: SnapshotNode[];
}

export function buildSnapshotTree(snapshots: readonly Snapshot[]): SnapshotNode[] {
  const nodes = new Map<string, SnapshotNode>();
  for (const snapshot of snapshots) nodes.set(snapshot.name, { snapshot, children: [] });
  const roots: SnapshotNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.snapshot.parent === null ? undefined : nodes.get(node.snapshot.parent);
    // A parent that is missing (deleted, or not listed) makes its child a root rather than lost.
    if (parent === undefined || createsCycle(node, parent, nodes)) roots.push(node);
    else parent.children.push(node);
  }
  const byAge = (a: SnapshotNode, b: SnapshotNode): number =>
    a.snapshot.createdAt - b.snapshot.createdAt || (a.snapshot.name < b.snapshot.name ? -1 : 1);
  const sortDeep = (list: SnapshotNode[]): SnapshotNode[] => {
    list.sort(byAge);
    for (const n of list) sortDeep(n.children);
    return list;
  };
  return sortDeep(roots);
}

/** Malformed input (a → b → a) must not hide both snapshots or loop forever. */
function createsCycle(node: SnapshotNode, parent: SnapshotNode, nodes: Map<string, SnapshotNode>): boolean {
  const seen = new Set<string>([node.snapshot.name]);
  let current: SnapshotNode | undefined = parent;
  while (current !== undefined) {
    if (seen.has(current.snapshot.name)) return true;
    seen.add(current.snapshot.name);
    current = current.snapshot.parent === null ? undefined : nodes.get(current.snapshot.parent);
  }
  return false;
}

/** How many snapshots sit below `name` in the tree (children, their children, …); 0 when it is unknown. */
export function countDescendants(snapshots: readonly Snapshot[], name: string): number {
  const count = (nodes: SnapshotNode[]): number => nodes.reduce((sum, n) => sum + 1 + count(n.children), 0);
  const find = (nodes: SnapshotNode[]): SnapshotNode | undefined => {
    for (const n of nodes) {
      if (n.snapshot.name === name) return n;
      const below = find(n.children);
      if (below) return below;
    }
    return undefined;
  };
  const node = find(buildSnapshotTree(snapshots));
  return node ? count(node.children) : 0;
}
