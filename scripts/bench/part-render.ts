/**
 * Part 3: the renderer in Chromium, fed 2000 containers and 200 VMs that change at 1 Hz by a clearly
 * named fake engine (FakeEngineForRendererBenchmark in scripts/bench-renderer) through the real core and
 * browser mode's server — the one place a fake engine is allowed, because no lab can run 2200 tenants.
 */
import { rendererBenchmarkMissing, rendererTable, runRendererBenchmark, TARGETS } from '../bench-renderer/main';
import { ms } from './format';
import { verdict, type BenchPart, type SummaryRow } from './part';

export const renderPart: BenchPart = {
  id: '3',
  title: 'The renderer: 2000 containers and 200 VMs changing at 1 Hz (a fake engine, named as such)',
  skipReason: () => null,
  async run(ctx) {
    const missing = rendererBenchmarkMissing();
    if (missing) throw new Error(missing);
    const size = ctx.options.short ? { containers: 200, vms: 20, seconds: 10 } : { containers: 2000, vms: 200, seconds: 65 };
    const result = await runRendererBenchmark({ ...size, log: (line) => console.log(`  ${line}`) });
    console.log(rendererTable([result]));
    const tenants = `${size.containers} + ${size.vms}`;
    const rows: SummaryRow[] = [
      { part: '3', what: `Renderer, ${tenants} tenants at 1 Hz: frame time p95 (message → the frame that shows it)`, target: `< ${TARGETS.frameP95Ms} ms`, measured: `${ms(result.frameMs.p95)} (p50 ${ms(result.frameMs.p50)})`, verdict: verdict(result.frameMs.p95 < TARGETS.frameP95Ms) },
      { part: '3', what: `Renderer, ${tenants}: first map`, target: `< ${TARGETS.firstMapMs} ms`, measured: ms(result.firstMapMs), verdict: verdict(result.firstMapMs < TARGETS.firstMapMs) },
      {
        part: '3',
        what: `Renderer, ${tenants}: JS heap, DOM elements, bytes per frame (whole world / change-only)`,
        target: '',
        measured: `${(result.heapBytes / 1e6).toFixed(1)} MB, ${result.domElements} elements, ${((result.wholeWorldBytes ?? 0) / 1e3).toFixed(0)} kB / ${(result.deltaBytes.p50 / 1e3).toFixed(0)} kB`,
        verdict: 'info',
      },
    ];
    return rows;
  },
};
