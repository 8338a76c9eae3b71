/**
 * The minimap's geometry: the whole map shrunk into a small box, and back from a point in that box to
 * the map. Pure; Minimap.svelte measures the streets and draws.
 */
import type { Rect, Size } from './zoom-math';

/** The minimap's largest box, px. */
export const MINIMAP_MAX: Size = { width: 180, height: 140 };

/** The scale from the map to the minimap (the whole map fits MINIMAP_MAX, its shape kept). */
export function minimapScale(content: Size, max: Size = MINIMAP_MAX): number {
  if (content.width <= 0 || content.height <= 0) return 0;
  return Math.min(max.width / content.width, max.height / content.height);
}

/** A rect of the map, clipped to the map, in minimap px. */
export function toMinimap(rect: Rect, content: Size, scale: number): Rect {
  const x0 = Math.max(0, rect.x);
  const y0 = Math.max(0, rect.y);
  const x1 = Math.min(content.width, rect.x + rect.width);
  const y1 = Math.min(content.height, rect.y + rect.height);
  return { x: x0 * scale, y: y0 * scale, width: Math.max(0, x1 - x0) * scale, height: Math.max(0, y1 - y0) * scale };
}

/** The map point under a minimap point. */
export function fromMinimap(point: { x: number; y: number }, scale: number): { x: number; y: number } {
  return scale > 0 ? { x: point.x / scale, y: point.y / scale } : { x: 0, y: 0 };
}
