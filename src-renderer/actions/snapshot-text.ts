/**
 * What the snapshot confirmations say: what a revert loses and the state the VM is in afterwards,
 * and how many snapshots a delete takes with it. Pure, so every sentence is table-tested.
 */
import type { Snapshot, Vm, VmState } from '../../src-main/contract';
import { formatCount } from '../format/format';

const STATE_WORDS: Record<string, string> = {
  running: 'running',
  blocked: 'running',
  paused: 'paused',
  pmsuspended: 'suspended by the guest',
  shutoff: 'shut off',
  shutdown: 'shutting down',
  crashed: 'crashed',
  nostate: 'in no known state',
  'disk-snapshot': 'shut off',
};

/** A domain state (the VM's, or one a snapshot recorded) in plain words: "shut off", "paused". */
export function stateWords(state: string): string {
  return STATE_WORDS[state] ?? state;
}

/** The guest has running memory that a revert throws away. */
export function hasLiveMemory(state: VmState): boolean {
  return state === 'running' || state === 'paused' || state === 'blocked' || state === 'pmsuspended';
}

/**
 * The state a revert leaves the VM in: the one the snapshot recorded. Anything but a running or paused
 * guest (shut off, a disk-only snapshot, one taken while shutting down) comes back shut off.
 */
export function stateAfterRevert(snapshot: Pick<Snapshot, 'state'>): string {
  return snapshot.state === 'running' || snapshot.state === 'paused' || snapshot.state === 'blocked' ? stateWords(snapshot.state) : 'shut off';
}

export interface RevertText {
  title: string;
  lost: string;
  after: string;
}

export function revertText(vm: Pick<Vm, 'name' | 'state'>, snapshot: Pick<Snapshot, 'name' | 'state'>): RevertText {
  return {
    title: `Revert VM “${vm.name}” to “${snapshot.name}”?`,
    lost: hasLiveMemory(vm.state)
      ? 'Lost: everything on the disks since that snapshot, and the running memory.'
      : 'Lost: everything on the disks since that snapshot.',
    after: `Afterwards the VM will be ${stateAfterRevert(snapshot)}, as it was when the snapshot was taken.`,
  };
}

export interface DeleteText {
  title: string;
  /** The sentence naming how many snapshots go. */
  count: string;
  confirm: string;
}

/**
 * `descendants`: how many snapshots sit below this one in the tree; `children`: whether they go too.
 * Deleting one alone keeps its descendants (libvirt re-attaches them to its parent).
 */
export function deleteText(name: string, descendants: number, children: boolean): DeleteText {
  const goes = children ? 1 + descendants : 1;
  const below = formatCount(descendants, 'snapshot');
  return {
    title: `Delete snapshot “${name}”?`,
    count: children
      ? descendants === 0
        ? `1 snapshot will be deleted: “${name}”.`
        : `${goes} snapshots will be deleted: “${name}” and the ${below} below it.`
      : descendants === 0
        ? `1 snapshot will be deleted: “${name}”.`
        : `1 snapshot will be deleted: “${name}”. The ${below} below it stay, attached to its parent.`,
    confirm: `Delete ${formatCount(goes, 'snapshot')}`,
  };
}
