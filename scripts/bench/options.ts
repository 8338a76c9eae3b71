/**
 * What `npm run bench` measures and for how long: environment variables, with `--short` (or BENCH_SHORT=1)
 * changing only the defaults, so CI gets a run of about a minute and any variable still wins.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  short: boolean;
  /** Containers made for the run (BENCH_CONTAINERS); about a tenth of them busy. */
  containers: number;
  /** CPU quota of each busy container (BENCH_BUSY_CPUS); null: chosen from the host's size. */
  busyCpus: number | null;
  /** Running lab VMs made for the run (BENCH_VMS). */
  vms: number;
  /** Rounds of part 1, each side once per round (BENCH_ROUNDS). */
  rounds: number;
  /** Part 2's measuring window, for each side (BENCH_STEADY_SECONDS). */
  steadySeconds: number;
  /** Part 4's churn (BENCH_CHURN_SECONDS). */
  churnSeconds: number;
  /** Containers for the scale sample; 0 skips it (BENCH_SCALE_CONTAINERS). */
  scaleContainers: number;
  /** At scale, also sample through the stats API and time `docker stats --no-stream` (BENCH_SCALE_PEERS=0 skips). */
  scalePeers: boolean;
}

export const USAGE = `usage: npm run bench [-- --short]
  --short   the CI version: 10 containers, 1 VM, 2 rounds, 5 s steady state, 5 s churn, no scale sample
environment (each overrides the defaults, short or not):
  BENCH_CONTAINERS        containers made for the run (100; short 10), about a tenth of them busy
  BENCH_BUSY_CPUS         CPU quota of each busy container (default: 0.2, less on small hosts)
  BENCH_VMS               running lab VMs, 64-128 MiB each (4; short 1)
  BENCH_ROUNDS            rounds of the per-sample comparison (7; short 2)
  BENCH_STEADY_SECONDS    steady-state window for each side (60; short 5)
  BENCH_CHURN_SECONDS     memory under churn (600; short 5)
  BENCH_SCALE_CONTAINERS  containers for the scale sample, 0 skips it (1000; short 0)
  BENCH_SCALE_PEERS       1: also the stats API and docker stats at scale, 0: the kernel path only (1)
  BENCH_SHORT=1           the same as --short`;

export class OptionsError extends Error {}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new OptionsError(`${name} must be a whole number, not ${raw}`);
  return Number(raw.trim());
}

function cpus(env: NodeJS.ProcessEnv): number | null {
  const raw = env.BENCH_BUSY_CPUS;
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0.01 || value > 64) throw new OptionsError(`BENCH_BUSY_CPUS must be 0.01-64 CPUs, not ${raw}`);
  return value;
}

export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { short: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true }));
  } catch (err) {
    throw new OptionsError((err as Error).message);
  }
  if (values.help) return 'help';
  const short = values.short || env.BENCH_SHORT === '1';
  const options: BenchOptions = {
    short,
    containers: count(env, 'BENCH_CONTAINERS', short ? 10 : 100),
    busyCpus: cpus(env),
    vms: count(env, 'BENCH_VMS', short ? 1 : 4),
    rounds: count(env, 'BENCH_ROUNDS', short ? 2 : 7),
    steadySeconds: count(env, 'BENCH_STEADY_SECONDS', short ? 5 : 60),
    churnSeconds: count(env, 'BENCH_CHURN_SECONDS', short ? 5 : 600),
    scaleContainers: count(env, 'BENCH_SCALE_CONTAINERS', short ? 0 : 1000),
    scalePeers: count(env, 'BENCH_SCALE_PEERS', 1) !== 0,
  };
  if (options.containers < 1) throw new OptionsError('BENCH_CONTAINERS must be at least 1: every part samples containers');
  if (options.rounds < 1) throw new OptionsError('BENCH_ROUNDS must be at least 1');
  if (options.steadySeconds < 1) throw new OptionsError('BENCH_STEADY_SECONDS must be at least 1');
  if (options.churnSeconds < 1) throw new OptionsError('BENCH_CHURN_SECONDS must be at least 1');
  return options;
}

/** The variables that reproduce this run, for the summary. */
export function rerunLine(o: BenchOptions): string {
  const env = [
    `BENCH_CONTAINERS=${o.containers}`,
    `BENCH_VMS=${o.vms}`,
    `BENCH_ROUNDS=${o.rounds}`,
    `BENCH_STEADY_SECONDS=${o.steadySeconds}`,
    `BENCH_CHURN_SECONDS=${o.churnSeconds}`,
    `BENCH_SCALE_CONTAINERS=${o.scaleContainers}`,
  ];
  if (o.busyCpus !== null) env.push(`BENCH_BUSY_CPUS=${o.busyCpus}`);
  return `npm run build && ${env.join(' ')} npm run bench`;
}
