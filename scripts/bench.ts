/**
 * `npm run bench`: what one sample costs, measured side by side with the tools users compare us to, in
 * one run (interleaved, so a noisy shared machine hurts both sides alike). Needs the lab (scripts/lab.sh up).
 *
 *   Docker: our sampler (one list + one-shot stats per running container) vs `docker stats --no-stream`,
 *           with N idle containers: wall time per sweep and CPU burnt by dockerd/containerd/shims.
 *   libvirt: our one bulk stats call vs `virsh domstats` over the same domains.
 *
 * Prints ratios; never asserts (timings on shared machines belong in a report, not in a test).
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DockerEngine } from '../src-main/core/docker/docker-engine';
import { LibvirtEngine } from '../src-main/core/libvirt/libvirt-engine';
import { TestContainers } from '../tests/support/engines';

const run = promisify(execFile);
const COUNT = Number(process.env.BENCH_CONTAINERS ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const TICKS = 100; // USER_HZ on Linux

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** CPU seconds used so far by every process whose name starts with one of the prefixes. */
async function cpuSeconds(prefixes: string[]): Promise<number> {
  let ticks = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!prefixes.some((p) => name.startsWith(p))) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / TICKS;
}

async function measure(what: () => Promise<unknown>, engineProcs: string[]): Promise<{ wallMs: number; engineCpuMs: number; ownCpuMs: number }> {
  const cpu0 = await cpuSeconds(engineProcs);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  await what();
  const wallMs = performance.now() - t0;
  const own = process.cpuUsage(own0);
  const cpu1 = await cpuSeconds(engineProcs);
  return { wallMs, engineCpuMs: (cpu1 - cpu0) * 1000, ownCpuMs: (own.user + own.system) / 1000 };
}

function report(title: string, ours: Array<Awaited<ReturnType<typeof measure>>>, peer: Array<Awaited<ReturnType<typeof measure>>>, peerName: string): void {
  const row = (name: string, xs: typeof ours) =>
    `  ${name.padEnd(26)} wall ${median(xs.map((x) => x.wallMs)).toFixed(1).padStart(8)} ms   engine CPU ${median(xs.map((x) => x.engineCpuMs)).toFixed(0).padStart(5)} ms   client CPU ${median(xs.map((x) => x.ownCpuMs)).toFixed(1).padStart(6)} ms`;
  console.log(`\n${title} (median of ${ours.length})`);
  console.log(row('Neighborhood', ours));
  console.log(row(peerName, peer));
  // Process CPU is counted in 10 ms clock ticks: below one tick on both sides there is no honest ratio.
  const ratio = (f: (x: (typeof ours)[number]) => number, unit: string) => {
    const [a, b] = [median(peer.map(f)), median(ours.map(f))];
    return a < 10 && b < 10 ? `both under 10 ms of ${unit}` : `${(a / Math.max(b, 0.001)).toFixed(1)}× our ${unit}`;
  };
  console.log(`  → ${peerName} takes ${ratio((x) => x.wallMs, 'wall time')} and ${ratio((x) => x.engineCpuMs, 'engine CPU')} per sweep`);
}

async function benchDocker(): Promise<void> {
  const containers = new TestContainers();
  const engine = new DockerEngine();
  try {
    console.log(`starting ${COUNT} idle containers…`);
    for (let i = 0; i < COUNT; i++) await containers.run(`nbh-bench-${process.pid}-${i}`, ['sleep', '3600']);
    engine.start();
    while (engine.report().status.state !== 'connected') await new Promise((r) => setTimeout(r, 100));
    await engine.sample(); // first readings: rates need a previous one
    const procs = ['dockerd', 'containerd'];
    const ours: Array<Awaited<ReturnType<typeof measure>>> = [];
    const peer: typeof ours = [];
    for (let i = 0; i < ROUNDS; i++) {
      ours.push(await measure(() => engine.sample(), procs));
      peer.push(await measure(() => run('docker', ['stats', '--no-stream', '--format', '{{.ID}}']), procs));
    }
    const running = engine.report().containers.filter((c) => c.state === 'running').length;
    report(`Docker: one sample of ${running} running containers`, ours, peer, 'docker stats --no-stream');
  } finally {
    await engine.dispose();
    await containers.cleanup();
  }
}

async function benchLibvirt(): Promise<void> {
  const engine = new LibvirtEngine();
  engine.start();
  const deadline = Date.now() + 10_000;
  while (engine.report().status.state === 'connecting' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const status = engine.report().status;
  if (status.state !== 'connected') {
    console.log(`\nlibvirt: skipped (${status.state}${'reason' in status ? `: ${status.reason}` : ''})`);
    await engine.dispose();
    return;
  }
  await engine.sample();
  const procs = ['libvirtd'];
  const ours: Array<Awaited<ReturnType<typeof measure>>> = [];
  const peer: typeof ours = [];
  for (let i = 0; i < ROUNDS * 2; i++) {
    ours.push(await measure(() => engine.sample(), procs));
    peer.push(await measure(() => run('virsh', ['-c', engine.endpoint, 'domstats']), procs));
  }
  const vms = engine.report().vms;
  report(`libvirt: one bulk stats sample of ${vms.length} domains (${vms.filter((v) => v.state === 'running').length} running)`, ours, peer, 'virsh domstats');
  await engine.dispose();
}

async function main(): Promise<void> {
  console.log(`Neighborhood benchmark — ${new Date().toISOString()}, ${(await readFile('/proc/cpuinfo', 'utf8')).match(/^processor/gm)?.length} CPUs`);
  await benchDocker();
  await benchLibvirt();
  console.log(`\nNeighborhood core RSS after the run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
