/** The VM and one of its snapshots, looked up again in the current frame (either may have gone). */
import type { Snapshot, Vm, World } from '../../src-main/contract';
import type { VmSelection } from '../state/requests';
import { resolveSelection } from '../state/world';

export function findSnapshot(world: World | null, tenant: VmSelection, name: string): { vm: Vm; snapshot: Snapshot } | null {
  const resolved = resolveSelection(world, tenant);
  if (resolved.kind !== 'vm') return null;
  const snapshot = resolved.vm.snapshots.find((s) => s.name === name);
  return snapshot ? { vm: resolved.vm, snapshot } : null;
}
