/**
 * How a tenant's state reads at a glance. Each look differs in more than colour (fill, pattern,
 * outline, a mark), so the map reads in greyscale and for colour-blind eyes too:
 * - lit: running — windows glow with CPU use
 * - paused: hatched blue-grey with a pause mark
 * - dark: stopped (exited, dead, shut off) — unlit, dashed outline
 * - new: created, never started — empty, dotted outline
 */
import type { ContainerState, VmState } from '../../src-main/contract';

export type Look = 'lit' | 'paused' | 'dark' | 'new';

const CONTAINER_LOOKS: Record<ContainerState, Look> = {
  running: 'lit',
  restarting: 'lit',
  paused: 'paused',
  created: 'new',
  exited: 'dark',
  dead: 'dark',
  removing: 'dark',
};

const VM_LOOKS: Record<VmState, Look> = {
  running: 'lit',
  blocked: 'lit',
  paused: 'paused',
  pmsuspended: 'paused',
  shutoff: 'dark',
  shutdown: 'dark',
  crashed: 'dark',
  nostate: 'new',
};

export function containerLook(state: ContainerState): Look {
  return CONTAINER_LOOKS[state] ?? 'dark';
}

export function vmLook(state: VmState): Look {
  return VM_LOOKS[state] ?? 'dark';
}
