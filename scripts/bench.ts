/**
 * `npm run bench`: Neighborhood's cost measured side by side with the tools users compare it to, in one
 * run over one fleet of real containers and VMs (scripts/lab.sh up; part 2 needs `npm run build`).
 * Prints its figures, the ratios and each target as met or missed; never fails on a target, only on a
 * measurement that could not be made (exit 1). Everything it creates is removed, on Ctrl-C too.
 * `npm run bench -- --short` is the CI version; `npm run bench -- --help` lists the variables.
 */
import { availableParallelism } from 'node:os';
import { Cleanup } from './bench/cleanup';
import { Fleet } from './bench/fleet';
import { ms, plural } from './bench/format';
import { OptionsError, parseBenchOptions, USAGE, type BenchOptions } from './bench/options';
import type { BenchContext, BenchPart, SummaryRow } from './bench/part';
import { churnPart } from './bench/part-churn';
import { renderPart } from './bench/part-render';
import { samplePart } from './bench/part-sample';
import { scalePart } from './bench/part-scale';
import { steadyPart } from './bench/part-steady';
import { summaryMarkdown } from './bench/summary';

/**
 * The parts, run in this order over the same fleet. Part 3 (the renderer fed by a fake engine) is one
 * more BenchPart placed after the steady state.
 */
const PARTS: BenchPart[] = [samplePart, steadyPart, renderPart, churnPart, scalePart];

async function runParts(ctx: BenchContext): Promise<{ rows: SummaryRow[]; broken: number }> {
  const rows: SummaryRow[] = [];
  let broken = 0;
  for (const part of PARTS) {
    const skip = part.skipReason(ctx.options);
    if (skip) {
      console.log(`\n## ${part.id === 'scale' ? 'Scale' : part.id}. ${part.title}: skipped (${skip})`);
      rows.push({ part: part.id, what: part.title, target: '', measured: `skipped (${skip})`, verdict: 'info' });
      continue;
    }
    const started = performance.now();
    try {
      const restarted = await ctx.fleet.heal();
      if (restarted > 0) console.log(`\n(${restarted} of our containers had stopped — dockerd was restarted, by another test? — and were started again)`);
      rows.push(...(await part.run(ctx)));
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      broken++;
      const message = err instanceof Error ? err.message : String(err);
      console.error(`\npart ${part.id} (${part.title}) is broken: ${err instanceof Error ? (err.stack ?? message) : message}`);
      rows.push({ part: part.id, what: part.title, target: '', measured: `BROKEN: ${message}`, verdict: 'info' });
    }
    console.log(`  (part ${part.id} took ${ms(performance.now() - started)})`);
  }
  return { rows, broken };
}

async function main(options: BenchOptions, cleanup: Cleanup, signal: AbortSignal): Promise<number> {
  const started = performance.now();
  const hostCpus = availableParallelism();
  const mode = options.short ? 'short (CI) version' : 'full version';
  console.log(`# Neighborhood benchmark, ${mode}: ${new Date().toISOString()}, ${hostCpus} CPUs, pid ${process.pid}`);
  const fleet = new Fleet();
  cleanup.add('the benchmark VMs', () => fleet.cleanupVms());
  cleanup.add('the benchmark containers', () => fleet.cleanupContainers());
  await fleet.checkImage();
  const tookContainers = await fleet.runBase(options.containers, options.busyCpus, hostCpus, signal);
  console.log(`fleet: ${options.containers} containers in ${ms(tookContainers)} (${fleet.busyCount} busy: a shell loop at ${fleet.busyCpus} CPU each; the rest idle sleep)`);
  const t0 = performance.now();
  await fleet.defineVms(options.vms);
  console.log(`fleet: ${plural(options.vms, 'running lab VM')} (64–128 MiB, no OS, QEMU TCG) in ${ms(performance.now() - t0)}`);

  const { rows, broken } = await runParts({ options, fleet, cleanup, signal, hostCpus });
  console.log('\nremoving the fleet…');
  await cleanup.runAll();
  const header = `## Summary (${mode}, ${hostCpus} CPUs, ${options.containers} containers, ${plural(options.vms, 'VM')}; ${ms(performance.now() - started)} in all)`;
  console.log(`\n${summaryMarkdown(rows, options, header)}`);
  if (broken > 0) console.error(`\n${broken} part(s) could not measure: see above.`);
  return broken > 0 ? 1 : 0;
}

let options: BenchOptions | 'help';
try {
  options = parseBenchOptions(process.argv.slice(2), process.env);
} catch (err) {
  if (!(err instanceof OptionsError)) throw err;
  console.error(`bench: ${err.message}\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(USAGE);
  process.exit(0);
}

const cleanup = new Cleanup();
const abort = new AbortController();
let interrupted = false;
const interrupt = (signal: NodeJS.Signals) => {
  if (interrupted) {
    console.error(`\n${signal} again: exiting without finishing cleanup (docker rm -f $(docker ps -aq --filter label=neighborhood.bench=${process.pid}))`);
    process.exit(130);
  }
  interrupted = true;
  console.error(`\n${signal}: stopping and removing what the benchmark made…`);
  abort.abort(new Error(`interrupted by ${signal}`));
  void cleanup.runAll().finally(() => process.exit(130));
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
process.on('unhandledRejection', (reason) => {
  console.error('bench: unhandled rejection:', reason);
  void cleanup.runAll().finally(() => process.exit(1));
});

main(options, cleanup, abort.signal).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    if (!interrupted) console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup.runAll();
    process.exit(interrupted ? 130 : 1);
  },
);
