/**
 * Reconnect delays: doubling from half a second to ten, with jitter so many pages reconnecting to a
 * restarted server do not arrive in the same instant.
 */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 10_000;

/** Delay before reconnect attempt `attempt` (0-based). `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 20)));
  // Up to 20% off, never above the cap.
  return Math.round(exponential * (0.8 + 0.2 * Math.min(Math.max(random, 0), 1)));
}
