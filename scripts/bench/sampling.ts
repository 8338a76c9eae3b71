/**
 * Measuring one sample, side by side: each side runs a block of calls back to back between two readings of
 * the engines' processes, so a 10 ms tick is spread over the block (resolution = 10 ms ÷ calls). Rounds
 * alternate the sides, rotating who goes first, so a noisy moment on a shared machine falls on all of them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpuMs, median, ms, ratio, sum, table, type Ratio } from './format';
import { cpuBetween, snapshot, TICK_MS, waitedChildrenMs, type ProcGroup } from './proc';

export const run = promisify(execFile);

export interface Side {
  name: string;
  /** Calls per block. */
  calls: number;
  /** Whose CPU is the client's: this process's (our sampler) or that of the CLI it ran and waited for. */
  client: 'self' | 'cli';
  /** One unmeasured call first (default): our first sample finds each container's cgroup files. */
  warmUp?: boolean;
  call: () => Promise<unknown>;
}

/** One block's cost per call. */
export interface BlockCost {
  wallMs: number;
  clientMs: number;
  engines: Record<string, number>;
  enginesMs: number;
  totalMs: number;
}

export async function measureBlock(side: Side, groups: ProcGroup[]): Promise<BlockCost> {
  const before = snapshot(groups);
  const own = process.cpuUsage();
  const kids = waitedChildrenMs();
  const t0 = performance.now();
  for (let i = 0; i < side.calls; i++) await side.call();
  const wall = performance.now() - t0;
  const ownUsage = process.cpuUsage(own);
  const kidsMs = waitedChildrenMs() - kids;
  const after = snapshot(groups);
  const byGroup = cpuBetween(before, after, groups);
  const engines = Object.fromEntries(groups.map((g) => [g.name, byGroup[g.name]!.ms / side.calls]));
  const clientMs = side.client === 'self' ? (ownUsage.user + ownUsage.system) / 1000 / side.calls : kidsMs / side.calls;
  const enginesMs = sum(Object.values(engines));
  return { wallMs: wall / side.calls, clientMs, engines, enginesMs, totalMs: clientMs + enginesMs };
}

export interface SideResult {
  side: Side;
  blocks: BlockCost[];
  /** Medians over the blocks, per call. */
  wallMs: number;
  clientMs: number;
  engines: Record<string, number>;
  enginesMs: number;
  totalMs: number;
  /** The smallest engine (or CLI) CPU a block can show, per call. */
  resolutionMs: number;
  /** Engine CPU over every call of every block ÷ calls: finer than the medians when those are under a tick. */
  enginesMeanMs: number;
}

export function summarize(side: Side, blocks: BlockCost[], groups: ProcGroup[]): SideResult {
  const at = (f: (b: BlockCost) => number) => median(blocks.map(f));
  return {
    side,
    blocks,
    wallMs: at((b) => b.wallMs),
    clientMs: at((b) => b.clientMs),
    engines: Object.fromEntries(groups.map((g) => [g.name, at((b) => b.engines[g.name] ?? 0)])),
    enginesMs: at((b) => b.enginesMs),
    totalMs: at((b) => b.totalMs),
    resolutionMs: TICK_MS / side.calls,
    enginesMeanMs: sum(blocks.map((b) => b.enginesMs)) / blocks.length,
  };
}

/** Runs every side once per round (first side rotating), after its warm-up call. */
export async function compare(sides: Side[], groups: ProcGroup[], rounds: number, signal: AbortSignal): Promise<SideResult[]> {
  for (const side of sides) if (side.warmUp !== false) await side.call();
  const blocks = sides.map(() => [] as BlockCost[]);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < sides.length; j++) {
      signal.throwIfAborted();
      const i = (r + j) % sides.length;
      blocks[i]!.push(await measureBlock(sides[i]!, groups));
    }
  }
  return sides.map((side, i) => summarize(side, blocks[i]!, groups));
}

/** The table of medians per call; CPU counted in ticks shows "< x" below its resolution. */
export function sidesTable(results: SideResult[], groups: ProcGroup[]): string {
  const header = ['', 'calls/block', 'wall', 'client CPU', ...groups.map((g) => g.name), 'total CPU'];
  const rows = results.map((r) => {
    const clientRes = r.side.client === 'self' ? 0.001 : r.resolutionMs;
    return [
      r.side.name,
      String(r.side.calls),
      ms(r.wallMs),
      cpuMs(r.clientMs, clientRes),
      ...groups.map((g) => cpuMs(r.engines[g.name] ?? 0, r.resolutionMs)),
      cpuTotal(r),
    ];
  });
  return table([header, ...rows]);
}

/** Client + engines per call; with "≤" where the engines counted no tick (one tick per block stands in). */
export function cpuTotal(r: SideResult): string {
  return r.enginesMs < r.resolutionMs / 2 ? `≤ ${ms(r.clientMs + r.resolutionMs)}` : ms(r.totalMs);
}

/**
 * Total CPU, peer ÷ ours. Where ours' engines counted no tick, one tick per block stands in for them and
 * the ratio is a lower bound.
 */
export function cpuRatio(peer: SideResult, ours: SideResult): Ratio {
  const under = ours.enginesMs < ours.resolutionMs / 2;
  const oursTotal = under ? ours.clientMs + ours.resolutionMs : ours.totalMs;
  const r = ratio(peer.totalMs, oursTotal);
  return under ? { ...r, atLeast: true, text: `≥ ${r.text}` } : r;
}

export const wallRatio = (peer: SideResult, ours: SideResult): Ratio => ratio(peer.wallMs, ours.wallMs);
