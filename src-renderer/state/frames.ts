/**
 * Which world the renderer holds after a frame. Frames are change-only (see src-main/shared/world-delta):
 * a delta patches the world whose seq it names, so the renderer must know when a frame cannot apply
 * and the whole world has to be asked for again (`world:get`). Pure: the runes half (app-state)
 * calls `receiveFrame` and fetches when it answers `unpatchable`.
 */
import type { World, WorldFrame } from '../../src-main/contract';
import { applyFrame } from '../../src-main/shared/world-delta';

export interface Held {
  world: World | null;
  /**
   * The connection was lost: the server may have restarted and count seq from 1 again, and its deltas
   * may name seqs that collide with ours. Until a whole world arrives (whatever its seq), no delta applies.
   */
  restarted: boolean;
}

/**
 * - applied: `held` is the new world
 * - stale: not newer than the world held (a late or repeated frame); nothing changes
 * - unpatchable: a delta for another world than the one held; the whole world is needed
 */
export type FrameOutcome = 'applied' | 'stale' | 'unpatchable';

export const nothingHeld: Held = { world: null, restarted: false };

export function receiveFrame(held: Held, frame: WorldFrame): { held: Held; outcome: FrameOutcome } {
  if (frame.kind === 'full') {
    // Equal seq is the world held again (a world:get answer racing its frames): the one held is kept, so
    // its tenants keep their identity and nothing is redrawn.
    if (held.world !== null && !held.restarted && frame.world.seq <= held.world.seq) return { held, outcome: 'stale' };
    return { held: { world: frame.world, restarted: false }, outcome: 'applied' };
  }
  if (held.restarted || held.world === null) return { held, outcome: 'unpatchable' };
  if (frame.seq <= held.world.seq) return { held, outcome: 'stale' };
  const world = applyFrame(held.world, frame);
  return world === null ? { held, outcome: 'unpatchable' } : { held: { world, restarted: false }, outcome: 'applied' };
}

/** The connection dropped: keep showing the last world, but take no delta until a whole world comes. */
export function connectionLost(held: Held): Held {
  return { ...held, restarted: true };
}
