/**
 * How long a history is, in words: "history since 2 min" for a tenant that just appeared. Pure.
 */

/** "<1 min", "2 min", "1 h 05 min", "3 d 4 h". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, Number.isFinite(ms) ? ms : 0) / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/**
 * What the history panel says of its length: "history since 2 min" when the history is shorter than
 * the window shown (so the sparkline's empty left part is explained), else "last 15 min" / "last 24 h";
 * "no history yet" before its first figures.
 */
export function historyLength(since: number | null, now: number, span: number): string {
  const window = span >= 24 * 60 * 60_000 ? 'last 24 h' : `last ${Math.round(span / 60_000)} min`;
  if (since === null) return 'no history yet';
  return now - since < span ? `history since ${formatAge(now - since)}` : window;
}
