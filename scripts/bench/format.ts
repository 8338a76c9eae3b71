/** Medians, units and ratios for the printed report; every figure below its resolution says so. */

export const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Milliseconds as people read them: 0.42 ms, 14.2 ms, 312 ms, 2.71 s. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A CPU figure counted in ticks: "< 1.0 ms" when nothing was counted (the resolution is `resolutionMs`). */
export function cpuMs(value: number, resolutionMs: number): string {
  if (value < resolutionMs / 2) return `< ${ms(resolutionMs)}`;
  return ms(value);
}

export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

export const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1e6).toFixed(1)} MB`;

export const pctOfCore = (cpuMsValue: number, windowMs: number): string => `${((cpuMsValue / windowMs) * 100).toFixed(1)}% of a core`;

export interface Ratio {
  /** peer ÷ ours, or a lower bound of it. */
  value: number;
  /** Whether ours was under its resolution, so `value` is "at least". */
  atLeast: boolean;
  text: string;
}

/**
 * How many times ours the peer costs. Where ours is under its resolution, the resolution stands in for it
 * and the ratio is a lower bound ("≥ 40×"); where both are, there is no ratio worth printing.
 */
export function ratio(peer: number, ours: number, oursResolution = 0): Ratio {
  if (peer < oursResolution && ours < oursResolution) return { value: NaN, atLeast: false, text: 'both under the resolution' };
  const atLeast = ours < oursResolution;
  const value = peer / Math.max(ours, oursResolution, 1e-9);
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return { value, atLeast, text: `${atLeast ? '≥ ' : ''}${value.toFixed(digits)}×` };
}

/** Left-aligned first column, right-aligned others. */
export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ')).join('\n');
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Polls until `ready` holds, or fails saying what it waited for. */
export async function until(what: string, ready: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(100, signal);
  }
}
