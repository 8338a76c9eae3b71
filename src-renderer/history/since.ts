/**
 * How long a history is, in words: "history: 40 s" for a tenant that just appeared, so the empty left
 * part of its sparklines is explained. Pure.
 */

/** "40 s", "2 min", "1 h 05 min", "3 d 4 h" (rounded down: a history is at least this long). */
export function formatAge(ms: number): string {
  const seconds = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The window a span shows, in words: "last 15 min", "last 24 h". */
export function spanText(span: number): string {
  return span >= 24 * 60 * 60_000 ? 'last 24 h' : `last ${Math.round(span / 60_000)} min`;
}

/**
 * What a history says of its length: "history: 40 s" while it is shorter than the window shown, else
 * the window ("last 15 min"); "no history yet" before its first figures.
 */
export function historyLength(since: number | null, now: number, span: number): string {
  if (since === null) return 'no history yet';
  return now - since < span ? `history: ${formatAge(now - since)}` : spanText(span);
}
