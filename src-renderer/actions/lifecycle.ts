/**
 * Which lifecycle actions apply to a tenant in its current state, what they are called, and what the
 * ones that lose something ask first. The panel's buttons and the map's context menu both read these,
 * so the two never disagree. Every action is offered (the user sees what exists); only the ones that
 * apply to the state are enabled.
 */
import type { Action, Container, ContainerOp, ContainerState, VmOp, VmState } from '../../src-main/contract';
import type { Selection } from '../state/world';

export type LifecycleOp = ContainerOp | VmOp;

export interface OpChoice {
  op: LifecycleOp;
  /** The button and menu item text; ends in "…" where a confirmation follows. */
  label: string;
  enabled: boolean;
  /** A confirmation comes first (see `confirmation`). */
  asks: boolean;
}

/** What a confirmation says; `force` is sent with the action when confirmed. */
export interface Confirmation {
  title: string;
  body: string[];
  confirm: string;
  force: boolean;
}

const CONTAINER_OPS: readonly { op: ContainerOp; label: string; asks: boolean }[] = [
  { op: 'start', label: 'Start', asks: false },
  { op: 'stop', label: 'Stop', asks: false },
  { op: 'restart', label: 'Restart', asks: false },
  { op: 'pause', label: 'Pause', asks: false },
  { op: 'unpause', label: 'Unpause', asks: false },
  { op: 'remove', label: 'Remove…', asks: true },
];

const VM_OPS: readonly { op: VmOp; label: string; asks: boolean }[] = [
  { op: 'start', label: 'Start', asks: false },
  { op: 'shutdown', label: 'Shut down', asks: false },
  { op: 'reboot', label: 'Reboot', asks: false },
  { op: 'suspend', label: 'Pause', asks: false },
  { op: 'resume', label: 'Resume', asks: false },
  { op: 'destroy', label: 'Force off…', asks: true },
];

/**
 * Docker: a paused container can be stopped (the engine thaws it to kill it) and removed with force;
 * a restarting one is between runs, so only stopping or removing it makes sense; a dead one can only go.
 */
const CONTAINER_APPLIES: Record<ContainerState, readonly ContainerOp[]> = {
  running: ['stop', 'restart', 'pause', 'remove'],
  paused: ['unpause', 'stop', 'remove'],
  restarting: ['stop', 'remove'],
  created: ['start', 'remove'],
  exited: ['start', 'remove'],
  dead: ['remove'],
  removing: [],
};

/**
 * libvirt: a paused guest cannot answer ACPI, so only resume or force off; a crashed (preserved), a
 * shutting-down or a power-managed-suspended domain is still active and can only be forced off.
 */
const VM_APPLIES: Record<VmState, readonly VmOp[]> = {
  running: ['shutdown', 'destroy', 'reboot', 'suspend'],
  blocked: ['shutdown', 'destroy', 'reboot', 'suspend'],
  paused: ['resume', 'destroy'],
  shutoff: ['start'],
  shutdown: ['destroy'],
  crashed: ['destroy'],
  pmsuspended: ['destroy'],
  nostate: [],
};

export function containerChoices(state: ContainerState): OpChoice[] {
  const applies = CONTAINER_APPLIES[state] ?? [];
  return CONTAINER_OPS.map((o) => ({ ...o, enabled: applies.includes(o.op) }));
}

export function vmChoices(state: VmState): OpChoice[] {
  const applies = VM_APPLIES[state] ?? [];
  return VM_OPS.map((o) => ({ ...o, enabled: applies.includes(o.op) }));
}

/** A container that removing has to stop first (Docker wants `force` for it). */
export function removeNeedsForce(state: ContainerState): boolean {
  return state === 'running' || state === 'paused' || state === 'restarting';
}

const STATE_WORD: Partial<Record<ContainerState, string>> = { running: 'running', paused: 'paused', restarting: 'restarting' };

/** What the action asks before it runs, or null when it just runs. */
export function confirmation(
  tenant: { kind: 'container'; name: string; state: ContainerState } | { kind: 'vm'; name: string; state: VmState },
  op: LifecycleOp,
): Confirmation | null {
  if (tenant.kind === 'container' && op === 'remove') {
    const force = removeNeedsForce(tenant.state);
    return {
      title: `Remove container “${tenant.name}”?`,
      body: [
        ...(force ? [`It is ${STATE_WORD[tenant.state] ?? tenant.state}: removing it stops it first.`] : []),
        'Files changed inside it go with it; its image and volumes stay.',
      ],
      confirm: force ? 'Stop and remove' : 'Remove',
      force,
    };
  }
  if (tenant.kind === 'vm' && op === 'destroy') {
    return {
      title: `Force off VM “${tenant.name}”?`,
      body: [
        'Like pulling the power plug: the guest loses whatever it has not yet written to its disks.',
        'Shut down asks the guest to stop cleanly instead.',
      ],
      confirm: 'Force off',
      force: false,
    };
  }
  return null;
}

/** The action for a lifecycle op on the selected tenant. */
export function lifecycleAction(tenant: Selection, op: LifecycleOp, force = false): Action {
  if (tenant.kind === 'container') {
    const action: Action = { kind: 'container', engineId: tenant.engineId, containerId: tenant.id, op: op as ContainerOp };
    return force ? { ...action, force: true } : action;
  }
  return { kind: 'vm', engineId: tenant.engineId, uuid: tenant.uuid, op: op as VmOp };
}

/** The container or VM fields `confirmation` reads, from a resolved tenant. */
export function confirmationSubject(
  tenant: { kind: 'container'; container: Container } | { kind: 'vm'; vm: { name: string; state: VmState } },
): Parameters<typeof confirmation>[0] {
  return tenant.kind === 'container'
    ? { kind: 'container', name: tenant.container.name, state: tenant.container.state }
    : { kind: 'vm', name: tenant.vm.name, state: tenant.vm.state };
}
