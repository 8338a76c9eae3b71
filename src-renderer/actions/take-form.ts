/**
 * The take-snapshot form's rules: what the "include memory" box offers for the VM as it is now (its
 * state and its SnapshotRules from main), and what stops the Take button, each with its reason. The
 * same name and description rules main applies (src-main/shared/snapshot-name) run here as the user types.
 */
import type { Action, Vm } from '../../src-main/contract';
import { snapshotDescriptionProblem, snapshotNameProblem } from '../../src-main/shared/snapshot-name';
import { stateWords } from './snapshot-text';

export interface MemoryOption {
  /** Whether the guest has memory to save at all (it runs, or is paused). */
  live: boolean;
  /** The box's value when the user cannot change it; the default otherwise. */
  checked: boolean;
  disabled: boolean;
  /** Why the box cannot be changed, shown beside it; null when it can. */
  reason: string | null;
}

/** Memory exists to be saved only while the guest runs or is paused. */
const isLive = (state: Vm['state']): boolean => state === 'running' || state === 'paused' || state === 'blocked';

export function memoryOption(vm: Pick<Vm, 'state' | 'snapshotRules'>): MemoryOption {
  const rules = vm.snapshotRules;
  if (!isLive(vm.state)) {
    const reason = rules.memory ?? `The VM is ${stateWords(vm.state)}: it has no running memory to save, only its disks.`;
    return { live: false, checked: false, disabled: true, reason };
  }
  if (rules.memory !== null) return { live: true, checked: false, disabled: true, reason: rules.memory };
  // Memory can be saved and it is the default; a disks-only snapshot of the running guest may not be possible.
  if (rules.diskOnly !== null) return { live: true, checked: true, disabled: true, reason: rules.diskOnly };
  return { live: true, checked: true, disabled: false, reason: null };
}

export interface TakeInput {
  name: string;
  description: string;
  /** What the user ticked (ignored where the box is disabled). */
  memory: boolean;
}

export interface TakeCheck {
  /** Whether memory will be included: the user's choice, or the forced value. */
  memory: boolean;
  name: string | null;
  description: string | null;
  /** Why no snapshot can be taken now (rules.take), or why this memory choice cannot be. */
  take: string | null;
  ok: boolean;
}

export function checkTake(vm: Pick<Vm, 'state' | 'snapshotRules' | 'snapshots'>, input: TakeInput): TakeCheck {
  const option = memoryOption(vm);
  const memory = option.disabled ? option.checked : input.memory;
  const name = snapshotNameProblem(
    input.name,
    vm.snapshots.map((s) => s.name),
  );
  const description = snapshotDescriptionProblem(input.description);
  let take = vm.snapshotRules.take;
  // Neither with memory (refused) nor without (refused): nothing can be taken of the running guest.
  if (take === null && option.live && !memory && vm.snapshotRules.diskOnly !== null) take = vm.snapshotRules.diskOnly;
  return { memory, name, description, take, ok: name === null && description === null && take === null };
}

export function takeAction(target: { engineId: string; uuid: string }, input: TakeInput, check: TakeCheck): Action {
  return {
    kind: 'snapshot-create',
    engineId: target.engineId,
    uuid: target.uuid,
    name: input.name,
    description: input.description,
    memory: check.memory,
  };
}
