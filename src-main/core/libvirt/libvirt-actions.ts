/**
 * What each VM and snapshot action asks libvirt, checked first against what libvirt 9.0 can do (the
 * snapshot rules, the name rules) so a refusal says why and how to fix it instead of a libvirt error;
 * and libvirt's own refusals turned into data with its message and code.
 */
import { ErrorCode, SnapshotCreateFlags, SnapshotRevertFlags, snapshotCreateXml, type Connection } from '@neighborhood/libvirt';
import type { Action, VmOp, VmState } from '../../contract';
import { snapshotDescriptionProblem, snapshotNameProblem } from '../../shared/snapshot-name';
import { ActionError } from '../actions/action-error';
import type { DomainXmlFacts } from './domain-xml';
import { snapshotRules } from './snapshot-rules';
import type { SnapshotEntry } from './vm-model';

/** Lifecycle calls return once libvirt has acted (shutdown: once the guest was asked). */
const LIFECYCLE_DEADLINE_MS = 120_000;

interface VmOpSpec {
  doing: string;
  done: string;
  call(conn: Connection, uuid: string): Promise<void>;
}

const deadline = { timeoutMs: LIFECYCLE_DEADLINE_MS };

export const VM_OPS: Record<VmOp, VmOpSpec> = {
  start: { doing: 'Starting', done: 'started', call: (c, u) => c.start(u, deadline) },
  shutdown: { doing: 'Shutting down', done: 'asked to shut down (ACPI); the guest decides when', call: (c, u) => c.shutdown(u, deadline) },
  destroy: { doing: 'Forcing off', done: 'forced off', call: (c, u) => c.destroy(u, deadline) },
  reboot: { doing: 'Rebooting', done: 'asked to reboot', call: (c, u) => c.reboot(u, deadline) },
  suspend: { doing: 'Pausing', done: 'paused', call: (c, u) => c.suspend(u, deadline) },
  resume: { doing: 'Resuming', done: 'resumed', call: (c, u) => c.resume(u, deadline) },
};

/** What the adapter knows of the VM an action is about, when its turn comes. */
export interface VmNow {
  name: string;
  state: VmState;
  facts: DomainXmlFacts;
  snapshots: readonly SnapshotEntry[];
}

type SnapshotAction = Extract<Action, { kind: `snapshot-${string}` }>;

const quote = (name: string) => `“${name}”`;

/** The activity label of an action, for the map and the panel. */
export function actionLabel(action: Exclude<Action, { kind: 'container' }>, vmName: string): string {
  switch (action.kind) {
    case 'vm':
      return `${VM_OPS[action.op].doing} ${vmName}`;
    case 'snapshot-create':
      return `Taking snapshot ${quote(action.name)}`;
    case 'snapshot-revert':
      return `Reverting to ${quote(action.name)}`;
    case 'snapshot-delete':
      return `Deleting ${quote(action.name)}${action.children ? ' and its children' : ''}`;
    case 'snapshot-describe':
      return `Describing ${quote(action.name)}`;
  }
}

export interface CreatePlan {
  xml: string;
  flags: number;
}

/**
 * How to take the snapshot asked for, or an ActionError('refused') naming the reason. A running or
 * paused guest with memory → an internal checkpoint; without → disk-only (external overlays); a shut-off
 * VM → an internal snapshot of its disks.
 */
export function planSnapshotCreate(vm: VmNow, action: Extract<Action, { kind: 'snapshot-create' }>): CreatePlan {
  const refuse = (why: string) => new ActionError(`${why} Nothing was changed.`, 'refused');
  const nameProblem = snapshotNameProblem(action.name, vm.snapshots.map((s) => s.name));
  if (nameProblem) throw refuse(nameProblem);
  const descriptionProblem = snapshotDescriptionProblem(action.description);
  if (descriptionProblem) throw refuse(descriptionProblem);
  const rules = snapshotRules({ state: vm.state, facts: vm.facts, snapshots: vm.snapshots });
  if (rules.take) throw refuse(rules.take);
  const xml = snapshotCreateXml({ name: action.name, description: action.description });
  if (vm.state === 'shutoff') {
    // Asking for memory a shut-off guest does not have is refused, not quietly turned into a disk snapshot.
    if (action.memory && rules.memory) throw refuse(rules.memory);
    return { xml, flags: 0 };
  }
  if (action.memory) {
    if (rules.memory) throw refuse(rules.memory);
    return { xml, flags: 0 };
  }
  if (rules.diskOnly) throw refuse(rules.diskOnly);
  return { xml, flags: SnapshotCreateFlags.DISK_ONLY | SnapshotCreateFlags.ATOMIC };
}

/** The snapshot an action names, or a not-found error. */
export function snapshotNamed(vm: VmNow, action: SnapshotAction): SnapshotEntry {
  const found = vm.snapshots.find((s) => s.name === action.name);
  if (!found) throw new ActionError(`${vm.name} has no snapshot ${quote(action.name)} (any more).`, 'not-found');
  return found;
}

export const revertFlags = (force: boolean): number => (force ? SnapshotRevertFlags.FORCE : 0);

/** What a revert leaves the VM as: the state the snapshot captured (a disk snapshot leaves it shut off). */
export function stateAfterRevert(snapshotState: string): string {
  if (snapshotState === 'running') return 'running';
  if (snapshotState === 'paused') return 'paused';
  return 'shut off';
}

/**
 * libvirt's refusal as data: its own message and code; a revert libvirt calls risky gets its own code,
 * so the user can be offered "Force revert" with libvirt's reason.
 */
export function libvirtActionError(err: unknown, vmName: string): ActionError {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'number' ? e.code : 0;
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (code === ErrorCode.SNAPSHOT_REVERT_RISKY) return new ActionError(message, 'revert-risky');
  return new ActionError(`libvirt refused for ${vmName}: ${message} The VM is as it was.`, `libvirt:${code}`);
}
