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

export function rendererTable(results: readonly RendererBenchmarkResult[]): string {
  const rows = [
    '| tenants | frames | frame p50 | frame p95 (target < 16 ms) | work p50 / p95 | script / style / layout per frame | first map (target < 1 s) | JS heap | DOM elements / nodes | whole world | delta p50 / p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    rows.push(
      `| ${r.containers} + ${r.vms} | ${r.frameMs.count} | ${ms(r.frameMs.p50)} | ${ms(r.frameMs.p95)} ${verdict(r.frameMs.p95 < TARGETS.frameP95Ms)} | ` +
        `${ms(r.workMs.p50)} / ${ms(r.workMs.p95)} | ${ms(r.perFrame.scriptMs)} / ${ms(r.perFrame.styleMs)} / ${ms(r.perFrame.layoutMs)} | ` +
        `${ms(r.firstMapMs)} ${verdict(r.firstMapMs < TARGETS.firstMapMs)} | ${bytes(r.heapBytes)} | ${count(r.domElements)} / ${count(r.domNodes)} | ` +
        `${bytes(r.wholeWorldBytes)} | ${bytes(r.deltaBytes.p50)} / ${bytes(r.deltaBytes.p95)}${r.fullFrames > 0 ? ` (+${r.fullFrames} whole)` : ''} |`,
    );
  }
  return rows.join('\n');
}
