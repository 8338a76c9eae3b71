import { describe, expect, it } from 'vitest';
import type { World, WorldFrame } from '../../src-main/contract';
import { diffWorld } from '../../src-main/shared/world-delta';
import { makeContainer, makeEngine, makeHost, makeStats, makeWorld } from '../testing/make';
import { connectionLost, nothingHeld, receiveFrame, type FrameOutcome, type Held } from './frames';

/** A world with one engine of containers, each at the CPU given (so one change makes one delta). */
const world = (seq: number, cpus: number[] = [0, 0, 0]): World =>
  makeWorld({
    seq,
    hosts: [
      makeHost({
        engines: [makeEngine({ id: 'docker:/s', containers: cpus.map((cpu, i) => makeContainer({ id: `c${i}`, name: `web${i}`, stats: makeStats({ cpuCores: cpu }) })) })],
      }),
    ],
  });
const full = (w: World): WorldFrame => ({ kind: 'full', world: w });
/** The delta from `a` to `b`, as it travels (JSON). */
const delta = (a: World, b: World): WorldFrame => JSON.parse(JSON.stringify(diffWorld(a, b))) as WorldFrame;
const holding = (w: World | null, restarted = false): Held => ({ world: w, restarted });

const w5 = world(5);
const w6 = world(6, [0, 0.5, 0]);

describe('receiveFrame', () => {
  it.each<[string, Held, WorldFrame, FrameOutcome, number | null]>([
    ['a whole world when none is held', nothingHeld, full(w5), 'applied', 5],
    ['a delta when none is held: the whole world is needed', nothingHeld, delta(w5, w6), 'unpatchable', null],
    ['a newer whole world', holding(w5), full(w6), 'applied', 6],
    ['the same whole world again keeps the one held', holding(w5), full(world(5)), 'stale', 5],
    ['an older whole world is ignored', holding(w6), full(w5), 'stale', 6],
    ['a delta on the world held', holding(w5), delta(w5, w6), 'applied', 6],
    ['a delta on another world (a frame was skipped)', holding(w5), delta(world(4), w6), 'unpatchable', 5],
    ['a late delta, not newer than the world held', holding(w6), delta(world(4), w5), 'stale', 6],
    ['a repeated delta', holding(w6), delta(w5, w6), 'stale', 6],
    ['a delta naming a host the world does not have', holding(w5), { kind: 'delta', base: 5, seq: 6, at: 0, sampleIntervalSeconds: 2, hosts: [{ id: 'elsewhere', same: true }] }, 'unpatchable', 5],
    ['after a reconnect: the restarted server’s whole world, seq counted from 1 again', holding(w6, true), full(world(1)), 'applied', 1],
    ['after a reconnect: no delta applies, even one whose base collides with ours', holding(w5, true), delta(w5, w6), 'unpatchable', 5],
  ])('%s', (_name, held, frame, outcome, seq) => {
    const next = receiveFrame(held, frame);
    expect(next.outcome).toBe(outcome);
    expect(next.held.world?.seq ?? null).toBe(seq);
    if (outcome !== 'applied') expect(next.held).toBe(held);
    else expect(next.held.restarted).toBe(false);
  });

  it('a delta keeps every unchanged tenant as the same object (so the map can skip it)', () => {
    const { held } = receiveFrame(holding(w5), delta(w5, w6));
    const before = w5.hosts[0]!.engines[0]!.containers;
    const after = held.world!.hosts[0]!.engines[0]!.containers;
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.stats?.cpuCores).toBe(0.5);
  });

  it('a stale whole world leaves the held world untouched, identity included', () => {
    const held = holding(w5);
    expect(receiveFrame(held, full(world(5))).held.world).toBe(w5);
  });

  it('after the connection is lost the world stays on screen until a whole one replaces it', () => {
    const lost = connectionLost(holding(w6));
    expect(lost.world).toBe(w6);
    expect(receiveFrame(lost, delta(w6, world(7))).outcome).toBe('unpatchable');
    const back = receiveFrame(lost, full(world(2)));
    expect(back.held).toEqual({ world: world(2), restarted: false });
    // From there on, deltas apply and ordering holds again.
    expect(receiveFrame(back.held, delta(world(2), world(3, [1, 0, 0]))).outcome).toBe('applied');
    expect(receiveFrame(back.held, full(world(1))).outcome).toBe('stale');
  });
});
