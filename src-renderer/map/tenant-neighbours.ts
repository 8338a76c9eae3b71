/**
 * Arrow keys move the focus from a tenant to the tenant beside it on the map — left, right, up, down by
 * where things are drawn, not by tab order (which runs by engine and name). Pure, over the tenants'
 * boxes in one coordinate space (the map measures them on screen, so zoom and streets do not matter).
 *
 * The choice is the one spatial navigation usually makes: among the tenants wholly on that side, the
 * nearest, where being off to the side costs more than being further ahead (the unit straight below is
 * "down", not the one diagonally closer); a row ending means the next thing that way, on the next row or
 * street. Ties go to the one most in line with the tenant.
 */
import type { Box } from './layout/box';

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface PlacedTenant {
  key: string;
  box: Box;
}

const ARROWS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export function arrowDirection(key: string): Direction | null {
  return ARROWS[key] ?? null;
}

/** Half a pixel of overlap between neighbours is still "beside" (ring outlines, rounding). */
const SLACK = 0.5;
/** How much more a pixel off to the side costs than a pixel ahead. */
const SIDEWAYS = 3;

/** The box turned so that `dir` points along +x: one scoring rule serves all four directions. */
function along(box: Box, dir: Direction): { start: number; end: number; lo: number; hi: number } {
  switch (dir) {
    case 'right':
      return { start: box.x, end: box.x + box.width, lo: box.y, hi: box.y + box.height };
    case 'left':
      return { start: -(box.x + box.width), end: -box.x, lo: box.y, hi: box.y + box.height };
    case 'down':
      return { start: box.y, end: box.y + box.height, lo: box.x, hi: box.x + box.width };
    case 'up':
      return { start: -(box.y + box.height), end: -box.y, lo: box.x, hi: box.x + box.width };
  }
}

/** The key of the tenant next to `from` in `dir`, or null when there is none that way. */
export function neighbourOf(from: Box, tenants: readonly PlacedTenant[], dir: Direction): string | null {
  const f = along(from, dir);
  const fMid = (f.lo + f.hi) / 2;
  let best: { key: string; score: number; offset: number } | null = null;
  for (const tenant of tenants) {
    const c = along(tenant.box, dir);
    // Wholly ahead (give or take SLACK), and not the tenant itself.
    if (c.start < f.end - SLACK) continue;
    const ahead = Math.max(0, c.start - f.end);
    const sideways = Math.max(0, c.lo - f.hi, f.lo - c.hi);
    const offset = Math.abs((c.lo + c.hi) / 2 - fMid);
    const score = ahead + SIDEWAYS * sideways;
    if (best === null || score < best.score - 1e-9 || (Math.abs(score - best.score) <= 1e-9 && offset < best.offset)) {
      best = { key: tenant.key, score, offset };
    }
  }
  return best?.key ?? null;
}
