/**
 * Part 1: what one sample costs. Our Docker sampler on the kernel path ('auto') and on the stats-API path
 * ('api') against `docker stats --no-stream`; our one bulk libvirt call against `virsh domstats`. Wall time,
 * the client's CPU (ours: this process during the call; the peers': the CLI process) and the engines' CPU.
 */
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { LibvirtEngine } from '../../src-main/core/libvirt/libvirt-engine';
import { ms, plural, until } from './format';
import { verdict, type BenchContext, type BenchPart, type SummaryRow } from './part';
import { describeGroups, DOCKER_ENGINE, LIBVIRTD } from './proc';
import { compare, cpuRatio, cpuTotal, run, sidesTable, wallRatio, type Side } from './sampling';

const WALL_TARGET = 20;
const CPU_TARGET = 10;
const TARGET_AT = 100;

export async function connected(engine: DockerEngine | LibvirtEngine, signal: AbortSignal, timeoutMs = 60_000): Promise<void> {
  engine.start();
  await until(`${engine.kind} at ${engine.endpoint} connecting`, () => engine.report().status.state === 'connected', timeoutMs, signal);
}

/** `docker stats --no-stream` as users run it; returns how many containers it listed. */
export async function dockerStatsNoStream(timeoutMs = 300_000): Promise<number> {
  const { stdout } = await run('docker', ['stats', '--no-stream'], { maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs });
  return Math.max(0, stdout.trim().split('\n').length - 1);
}

async function docker(ctx: BenchContext): Promise<SummaryRow[]> {
  const { options, fleet, signal } = ctx;
  const kernel = new DockerEngine({ stats: 'auto' });
  const api = new DockerEngine({ stats: 'api' });
  const undo = ctx.cleanup.add('part 1 Docker engines', async () => void (await Promise.all([kernel.dispose(), api.dispose()])));
  try {
    await Promise.all([connected(kernel, signal), connected(api, signal)]);
    let listed = 0;
    const sides: Side[] = [
      { name: "ours, kernel path ('auto')", calls: options.short ? 3 : 10, client: 'self', call: () => kernel.sample() },
      { name: "ours, stats API ('api')", calls: options.short ? 1 : 2, client: 'self', call: () => api.sample() },
      { name: 'docker stats --no-stream', calls: 1, client: 'cli', call: async () => (listed = await dockerStatsNoStream()) },
    ];
    const [k, a, d] = await compare(sides, DOCKER_ENGINE, options.rounds, signal);
    const running = kernel.report().containers.filter((c) => c.state === 'running').length;
    console.log(`\nDocker: one sample of ${running} running containers (${fleet.containerCount} of ours: ${fleet.busyCount} busy at ${fleet.busyCpus} CPU, the rest idle), median of ${options.rounds} rounds, per call`);
    console.log(sidesTable([k!, a!, d!], DOCKER_ENGINE));
    console.log(`  processes counted: ${describeGroups(DOCKER_ENGINE)} (the default engine's; other daemons on the machine are not counted)`);
    const sources = { kernel: kernel.statsSources(), api: api.statsSources() };
    console.log(`  readings: kernel path ${sources.kernel.kernel} from the kernel, ${sources.kernel.api} from the API; API path ${sources.api.api} from the API, ${sources.api.kernel} from the kernel; docker stats listed ${listed} containers`);
    console.log(`  engine CPU over all blocks, per call: kernel path ${ms(k!.enginesMeanMs)}, API path ${ms(a!.enginesMeanMs)}, docker stats ${ms(d!.enginesMeanMs)}`);
    if (sources.kernel.kernel === 0) throw new Error("the kernel path read nothing from the kernel: this is not a local engine, or its cgroups are unreadable");
    if (sources.api.api === 0) throw new Error('the stats-API path made no stats call');
    if (listed < fleet.containerCount) throw new Error(`docker stats listed ${listed} containers, fewer than the ${fleet.containerCount} we run`);
    const wk = wallRatio(d!, k!);
    const ck = cpuRatio(d!, k!);
    const wa = wallRatio(d!, a!);
    const ca = cpuRatio(d!, a!);
    console.log(`  → docker stats --no-stream ÷ ours (kernel path): ${wk.text} the wall time, ${ck.text} the CPU (client + engines)`);
    console.log(`  → docker stats --no-stream ÷ ours (stats API):   ${wa.text} the wall time, ${ca.text} the CPU`);
    const at = running === TARGET_AT ? '' : ` (the target is set at ${TARGET_AT})`;
    const what = `One sample, ${running} containers${at}: docker stats --no-stream ÷ ours (kernel path)`;
    return [
      { part: '1', what: `${what}, wall time`, target: `≥ ${WALL_TARGET}×`, measured: `${wk.text} (${ms(d!.wallMs)} vs ${ms(k!.wallMs)})`, verdict: verdict(wk.value >= WALL_TARGET) },
      { part: '1', what: `${what}, CPU (client + engines)`, target: `≥ ${CPU_TARGET}×`, measured: `${ck.text} (${ms(d!.totalMs)} vs ${cpuTotal(k!)})`, verdict: verdict(ck.value >= CPU_TARGET) },
      { part: '1', what: `The same on the stats-API path ('api'): wall, CPU`, target: '', measured: `${wa.text}, ${ca.text} (${ms(a!.wallMs)}, ${cpuTotal(a!)} CPU)`, verdict: 'info' },
    ];
  } finally {
    await Promise.all([kernel.dispose(), api.dispose()]);
    undo();
  }
}

async function libvirt(ctx: BenchContext): Promise<SummaryRow[]> {
  const { options, signal } = ctx;
  const engine = new LibvirtEngine();
  const undo = ctx.cleanup.add('part 1 libvirt engine', () => engine.dispose());
  try {
    await connected(engine, signal, 20_000);
    const sides: Side[] = [
      { name: 'ours, one bulk stats call', calls: options.short ? 3 : 10, client: 'self', call: () => engine.sample() },
      { name: 'virsh domstats', calls: options.short ? 2 : 5, client: 'cli', call: () => run('virsh', ['-c', engine.endpoint, 'domstats'], { maxBuffer: 16 * 1024 * 1024 }) },
    ];
    const [ours, virsh] = await compare(sides, [LIBVIRTD], options.rounds, signal);
    const vms = engine.report().vms;
    console.log(`\nlibvirt: one stats sample of ${plural(vms.length, 'domain')} (${vms.filter((v) => v.state === 'running').length} running, ${plural(ctx.fleet.vmCount, 'VM')} of ours), median of ${options.rounds} rounds, per call`);
    console.log(sidesTable([ours!, virsh!], [LIBVIRTD]));
    const w = wallRatio(virsh!, ours!);
    const c = cpuRatio(virsh!, ours!);
    console.log(`  → virsh domstats ÷ ours: ${w.text} the wall time, ${c.text} the CPU (client + libvirtd; QEMU processes not counted)`);
    return [{ part: '1', what: `One libvirt sample, ${plural(vms.length, 'domain')}: virsh domstats ÷ ours, wall, CPU`, target: '', measured: `${w.text}, ${c.text} (${ms(virsh!.wallMs)} vs ${ms(ours!.wallMs)})`, verdict: 'info' }];
  } finally {
    await engine.dispose();
    undo();
  }
}

export const samplePart: BenchPart = {
  id: '1',
  title: 'One sample, side by side',
  skipReason: () => null,
  async run(ctx) {
    console.log('\n## 1. One sample, side by side');
    console.log('CPU: /proc/<pid>/stat utime+stime, counted in 10 ms ticks, so each side runs a block of calls between two readings and figures are per call ("< x" = no tick counted, x = 10 ms ÷ calls).');
    const rows = await docker(ctx);
    if (ctx.fleet.vmCount > 0) rows.push(...(await libvirt(ctx)));
    else console.log('\nlibvirt: skipped (BENCH_VMS=0)');
    return rows;
  },
};
