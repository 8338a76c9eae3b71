/**
 * The renderer benchmark on its own: `npx tsx scripts/bench-renderer/main.ts [--size 2000+200]… [--seconds 65]`
 * (after `npm run build`). The main bench (`npm run bench`) calls runRendererBenchmark() from here as its
 * part 3. Prints one markdown row per size; never fails on a target, only on a measurement it could not make.
 */
import { pathToFileURL } from 'node:url';
import { rendererTable } from './report';
import { runRendererBenchmark, type RendererBenchmarkResult } from './run';

export { rendererBenchmarkMissing, runRendererBenchmark, type RendererBenchmarkOptions, type RendererBenchmarkResult } from './run';
export { rendererTable, TARGETS } from './report';

const USAGE =
  'usage: npx tsx scripts/bench-renderer/main.ts [--size CONTAINERS+VMS]… [--seconds N] [--renderer DIR] [--no-churn]\n' +
  '  (default: --size 2000+200 --seconds 65 --renderer out/renderer; --renderer another build compares renderers on the same core)';

export interface CliOptions {
  sizes: { containers: number; vms: number }[];
  seconds: number;
  rendererDir?: string;
  churn: boolean;
}

export function parseArgs(args: readonly string[]): CliOptions {
  const sizes: { containers: number; vms: number }[] = [];
  let seconds = 65;
  let rendererDir: string | undefined;
  let churn = true;
  for (let i = 0; i < args.length; i += 1) {
    const [flag, value] = [args[i], args[i + 1] ?? ''];
    if (flag === '--size') {
      const m = /^(\d+)\+(\d+)$/.exec(value);
      if (!m) throw new Error(`--size wants CONTAINERS+VMS, e.g. 2000+200 (got “${value}”)\n${USAGE}`);
      sizes.push({ containers: Number(m[1]), vms: Number(m[2]) });
    } else if (flag === '--no-churn') {
      churn = false;
      continue;
    } else if (flag === '--renderer') {
      rendererDir = value;
    } else if (flag === '--seconds') {
      seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds < 5) throw new Error(`--seconds wants at least 5 (got “${value}”)\n${USAGE}`);
    } else throw new Error(USAGE);
    i += 1;
  }
  return { sizes: sizes.length > 0 ? sizes : [{ containers: 2000, vms: 200 }], seconds, churn, ...(rendererDir === undefined ? {} : { rendererDir }) };
}

async function main(): Promise<void> {
  const { sizes, seconds, rendererDir, churn } = parseArgs(process.argv.slice(2));
  const results: RendererBenchmarkResult[] = [];
  for (const size of sizes) {
    results.push(await runRendererBenchmark({ ...size, seconds, churn, ...(rendererDir === undefined ? {} : { rendererDir }), log: (line) => console.log(`  ${line}`) }));
    console.log(rendererTable(results.slice(-1)));
  }
  console.log(`\n## Renderer: ${new Date().toISOString()}\n\n${rendererTable(results)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
