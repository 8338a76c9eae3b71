/**
 * Scale: one sample at BENCH_SCALE_CONTAINERS containers (1000) must finish within the 1 s interval. The
 * fleet grows to that many (created 8 at a time, without a network: Docker's default bridge holds at most
 * 1023 endpoints), then our kernel path is timed; the stats-API path and `docker stats --no-stream` too
 * unless BENCH_SCALE_PEERS=0. The extra containers are removed before the part ends.
 */
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { ms } from './format';
import { verdict, type BenchPart, type SummaryRow } from './part';
import { connected, dockerStatsNoStream } from './part-sample';
import { describeGroups, DOCKER_ENGINE } from './proc';
import { compare, sidesTable, type Side, type SideResult } from './sampling';

const TARGET_MS = 1000;
/** A stats-API sample of 1000 containers takes ~20 s: fewer rounds with the peers than without. */
const PEER_ROUNDS = 3;
const ROUNDS = 5;

export const scalePart: BenchPart = {
  id: 'scale',
  title: 'One sample at scale',
  skipReason: (o) => (o.scaleContainers === 0 ? 'BENCH_SCALE_CONTAINERS=0' : null),
  async run(ctx) {
    const { fleet, signal, options } = ctx;
    const target = options.scaleContainers;
    console.log(`\n## Scale: one sample at ${target} containers`);
    const extra = Math.max(0, target - fleet.containerCount);
    const engines: DockerEngine[] = [];
    const undo = ctx.cleanup.add('scale engines', async () => void (await Promise.all(engines.map((e) => e.dispose()))));
    try {
      let lastPrint = performance.now();
      const took = await fleet.runMany(
        extra,
        () => ({ role: 'scale', network: 'none' }),
        (done) => {
          if (performance.now() - lastPrint > 30_000 || done === extra) {
            lastPrint = performance.now();
            console.log(`  ${done}/${extra} created`);
          }
        },
        signal,
      );
      if (extra > 0) console.log(`  created ${extra} containers (idle, no network) in ${ms(took)}: ${((extra / took) * 1000).toFixed(1)} a second; ${fleet.containerCount} of ours now run`);
      const kernel = new DockerEngine({ stats: 'auto' });
      engines.push(kernel);
      const t0 = performance.now();
      await connected(kernel, signal, 180_000);
      console.log(`  our engine connected (list + ${kernel.report().containers.length} inspects) in ${ms(performance.now() - t0)}`);
      // Three back to back per block: one late sample on a busy machine does not decide the verdict alone.
      const sides: Side[] = [{ name: "ours, kernel path ('auto')", calls: 3, client: 'self', call: () => kernel.sample() }];
      const peers: Side[] = [];
      if (options.scalePeers) {
        const api = new DockerEngine({ stats: 'api' });
        engines.push(api);
        await connected(api, signal, 180_000);
        peers.push({ name: "ours, stats API ('api')", calls: 1, client: 'self', call: () => api.sample() });
        let listed = 0;
        peers.push({ name: 'docker stats --no-stream', calls: 1, client: 'cli', warmUp: false, call: async () => (listed = await dockerStatsNoStream(600_000)) });
        const results = await compare([...sides, ...peers], DOCKER_ENGINE, PEER_ROUNDS, signal);
        console.log(`  ${kernel.report().containers.filter((c) => c.state === 'running').length} running containers, median of ${PEER_ROUNDS} rounds (docker stats listed ${listed}):`);
        console.log(sidesTable(results, DOCKER_ENGINE));
        console.log(`  processes counted: ${describeGroups(DOCKER_ENGINE)}`);
        return rows(results[0]!, results[1]!.wallMs, results[2]!.wallMs, target);
      }
      const results = await compare(sides, DOCKER_ENGINE, ROUNDS, signal);
      console.log(`  ${kernel.report().containers.filter((c) => c.state === 'running').length} running containers, median of ${ROUNDS} samples:`);
      console.log(sidesTable(results, DOCKER_ENGINE));
      console.log(`  processes counted: ${describeGroups(DOCKER_ENGINE)}`);
      return rows(results[0]!, null, null, target);
    } finally {
      await Promise.all(engines.map((e) => e.dispose()));
      undo();
      console.log(`  removing the ${fleet.count('scale')} scale containers…`);
      const t0 = performance.now();
      await fleet.removeRole('scale');
      console.log(`  removed in ${ms(performance.now() - t0)}`);
    }
  },
};

function rows(kernel: SideResult, apiMs: number | null, cliMs: number | null, count: number): SummaryRow[] {
  const blocks = kernel.blocks.map((b) => ms(b.wallMs)).join(', ');
  const out: SummaryRow[] = [
    {
      part: 'scale',
      what: `One sample at ${count} containers, kernel path: wall time (median of ${kernel.blocks.length} blocks of ${kernel.side.calls})`,
      target: `< ${ms(TARGET_MS)}`,
      measured: `${ms(kernel.wallMs)} (blocks: ${blocks})`,
      verdict: verdict(kernel.wallMs < TARGET_MS),
    },
  ];
  if (apiMs !== null && cliMs !== null) out.push({ part: 'scale', what: `The same on the stats-API path; docker stats --no-stream`, target: '', measured: `${ms(apiMs)}; ${ms(cliMs)}`, verdict: 'info' });
  return out;
}
