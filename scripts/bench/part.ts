/**
 * One part of the benchmark, as the performance issue numbers them. `scripts/bench.ts` runs a list of
 * these over one fleet; a part prints its own detail as it goes and returns rows for the final summary.
 * A part that throws is a broken measurement (the run exits 1); a missed target is only a row.
 */
import type { Cleanup } from './cleanup';
import type { Fleet } from './fleet';
import type { BenchOptions } from './options';

export type Verdict = 'met' | 'missed' | 'info';

export interface SummaryRow {
  /** The part's id. */
  part: string;
  what: string;
  /** '' for figures without a target. */
  target: string;
  measured: string;
  verdict: Verdict;
}

export interface BenchContext {
  options: BenchOptions;
  /** The containers and VMs made for the run (parts may add their own and must remove them). */
  fleet: Fleet;
  /** Register whatever the part starts, so Ctrl-C and errors undo it. */
  cleanup: Cleanup;
  /** Aborted on Ctrl-C: long waits take it and stop. */
  signal: AbortSignal;
  hostCpus: number;
}

export interface BenchPart {
  /** '1', '2', '3', '4', 'scale'. */
  id: string;
  title: string;
  /** Why the part does not run with these options, or null when it runs. */
  skipReason(options: BenchOptions): string | null;
  run(ctx: BenchContext): Promise<SummaryRow[]>;
}

export const verdict = (met: boolean): Verdict => (met ? 'met' : 'missed');
