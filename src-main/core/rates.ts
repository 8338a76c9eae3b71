/**
 * Counters (CPU nanoseconds, bytes) become rates only from the difference between two readings.
 * A counter that went backwards means the thing restarted: there is no honest rate, so we say 0
 * rather than a huge negative or wrapped number.
 */

/*
 * Figures are rounded to what the map can show (a thousandth of a core, a byte per second, a hundredth
 * of a percent): an idle tenant then reads the same from sample to sample, so a change-only frame leaves
 * it out and the renderer does not redraw it for noise nobody could see.
 */

/** Per-second rate of a monotonically increasing counter, whole bytes; 0 when it reset or no time passed. */
export function ratePerSecond(previous: number, current: number, seconds: number): number {
  if (!(seconds > 0)) return 0;
  const delta = current - previous;
  return delta > 0 ? Math.round(delta / seconds) : 0;
}

/** Cores in use (to a thousandth) from CPU-time nanoseconds consumed over a wall interval in nanoseconds. */
export function coresInUse(previousCpuNs: number, currentCpuNs: number, wallNs: number): number {
  if (!(wallNs > 0)) return 0;
  const delta = currentCpuNs - previousCpuNs;
  return delta > 0 ? Math.round((delta / wallNs) * 1000) / 1000 : 0;
}

/** Share of a host's logical CPUs, 0–100 to a hundredth (above 100 only through measurement noise; clamped). */
export function percentOfHost(cores: number, hostCpus: number): number {
  if (!(hostCpus > 0)) return 0;
  return Math.round(Math.min(100, Math.max(0, (cores / hostCpus) * 100)) * 100) / 100;
}
