/** The renderer benchmark's results as a small markdown table, each target said as met or missed. */
import type { RendererBenchmarkResult } from './run';

/** What the performance issue asks of the renderer. */
export const TARGETS = { frameP95Ms: 16, firstMapMs: 1000 };

const ms = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : '—');
const bytes = (value: number | null): string => {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(2)} MB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} kB`;
  return `${Math.round(value)} B`;
};
const count = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const verdict = (met: boolean): string => (met ? 'met' : 'missed');

/**
 * One row per size. Wall-clock figures depend on the machine and on what else runs: the last column says
 * both (the load average before → after, and a fixed 1 MB JSON.parse timed beside the run), and the
 * main thread's CPU time per frame is the figure least moved by other load.
 */
export function rendererTable(results: readonly RendererBenchmarkResult[]): string {
  const rows = [
    '| tenants | frames | frame p50 | frame p95 (target < 16 ms) | work p50 / p95 | main-thread CPU per frame | script / style / layout per frame | first map (target < 1 s) | JS heap | DOM elements / nodes | whole world | delta p50 / p95 | load (cpus) · calibration |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.containers} + ${r.vms} | ${r.frameMs.count} | ${ms(r.frameMs.p50)} | ${ms(r.frameMs.p95)} ${verdict(r.frameMs.p95 < TARGETS.frameP95Ms)} | ` +
        `${ms(r.workMs.p50)} / ${ms(r.workMs.p95)} | ${r.mainThreadCpuMs === null ? '—' : ms(r.mainThreadCpuMs)} | ${ms(r.perFrame.scriptMs)} / ${ms(r.perFrame.styleMs)} / ${ms(r.perFrame.layoutMs)} | ` +
        `${ms(r.firstMapMs)} ${verdict(r.firstMapMs < TARGETS.firstMapMs)} | ${bytes(r.heapBytes)} | ${count(r.domElements)} / ${count(r.domNodes)} | ` +
        `${bytes(r.wholeWorldBytes)} | ${bytes(r.deltaBytes.p50)} / ${bytes(r.deltaBytes.p95)}${r.fullFrames > 0 ? ` (+${r.fullFrames} whole)` : ''} | ` +
        `${r.machine.load[0].toFixed(1)}→${r.machine.load[1].toFixed(1)} (${r.machine.cpus}) · ${ms(r.machine.calibrationMs)} |`,
    );
  }
  return rows.join('\n');
}
