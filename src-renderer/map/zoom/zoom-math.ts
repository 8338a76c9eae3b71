/**
 * The map's view as numbers: a scale `k` and a translation (x, y) in screen px, as d3-zoom's transform
 * is (screen = content · k + (x, y)). Pure, so the rules — how far one can zoom, what "fit" means, how
 * far the map may be dragged away, how little to pan to show a tenant — are table-tested apart from the
 * DOM; zoom-state.svelte.ts hands them to d3-zoom.
 */

export interface View {
  k: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

export const IDENTITY: View = { k: 1, x: 0, y: 0 };
/** From a tenth (a few thousand tenants on one screen) to 8× (a 18×14 px unit becomes 144×112). */
export const SCALE_EXTENT: readonly [number, number] = [0.1, 8];
/** One press of + or − (map apps step by about this much; two presses ≈ 2×). */
export const ZOOM_STEP = Math.SQRT2;
/** Room left around the map by "fit", and how far past its edge the map may be dragged, px. */
export const FIT_PADDING = 16;
export const DRAG_MARGIN = 48;
/** Fit never blows a small map up past this: it would only show a few big boxes. */
export const FIT_MAX_SCALE = 2;

export const clampScale = (k: number): number => Math.min(SCALE_EXTENT[1], Math.max(SCALE_EXTENT[0], k));

/** The whole content in the viewport, centred, with FIT_PADDING around it. */
export function fitView(content: Size, viewport: Size): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return IDENTITY;
  const room = (v: number): number => Math.max(1, v - 2 * FIT_PADDING);
  const k = clampScale(Math.min(room(viewport.width) / content.width, room(viewport.height) / content.height, FIT_MAX_SCALE));
  return { k, x: (viewport.width - content.width * k) / 2, y: (viewport.height - content.height * k) / 2 };
}

/** The view scaled by `factor` about `point` (screen px): what is under the point stays there. */
export function zoomAbout(view: View, factor: number, point: { x: number; y: number }): View {
  const k = clampScale(view.k * factor);
  const ratio = k / view.k;
  return { k, x: point.x - (point.x - view.x) * ratio, y: point.y - (point.y - view.y) * ratio };
}

/** One axis of constrainView: where the content may start on screen. */
function constrainAxis(offset: number, contentSpan: number, viewportSpan: number): number {
  if (contentSpan <= viewportSpan) {
    // Smaller than the window: it stays wholly inside (where it was put: top-left, centred by fit, …).
    return Math.min(viewportSpan - contentSpan, Math.max(0, offset));
  }
  // Larger: the window stays over the content, give or take DRAG_MARGIN (the map never flies off).
  return Math.min(DRAG_MARGIN, Math.max(viewportSpan - contentSpan - DRAG_MARGIN, offset));
}

/** The view kept where some of the map always shows (d3-zoom's `constrain`). */
export function constrainView(view: View, content: Size, viewport: Size): View {
  if (viewport.width <= 0 || viewport.height <= 0) return view;
  return {
    k: view.k,
    x: constrainAxis(view.x, content.width * view.k, viewport.width),
    y: constrainAxis(view.y, content.height * view.k, viewport.height),
  };
}

/** The part of the content the viewport shows, in content coordinates (the minimap's frame). */
export function visibleRect(view: View, viewport: Size): Rect {
  return { x: -view.x / view.k, y: -view.y / view.k, width: viewport.width / view.k, height: viewport.height / view.k };
}

/** The view moved (scale kept) so the content point is in the middle of the viewport. */
export function centreOn(view: View, point: { x: number; y: number }, viewport: Size): View {
  return { k: view.k, x: viewport.width / 2 - point.x * view.k, y: viewport.height / 2 - point.y * view.k };
}

/**
 * The view panned as little as needed to show `rect` (screen px, relative to the viewport) with
 * `margin` around it; a rect larger than the viewport shows its top-left. The same view when it shows.
 */
export function revealView(view: View, rect: Rect, viewport: Size, margin = 24): View {
  const shift = (start: number, span: number, room: number): number => {
    const m = Math.min(margin, Math.max(0, (room - span) / 2));
    if (start < m || span > room - 2 * m) return m - start;
    if (start + span > room - m) return room - m - (start + span);
    return 0;
  };
  const dx = shift(rect.x, rect.width, viewport.width);
  const dy = shift(rect.y, rect.height, viewport.height);
  return dx === 0 && dy === 0 ? view : { k: view.k, x: view.x + dx, y: view.y + dy };
}

/**
 * The scale labels are fitted for: the zoom rounded down to a quarter octave (so a label never claims
 * more room than its unit has on screen), and 1 below 1 (the layout's own labels are made for 1).
 * Labels change only when this does, not with every wheel tick.
 */
export function labelScale(k: number): number {
  if (!(k > 1)) return 1;
  return 2 ** (Math.floor(Math.log2(k) * 4 + 1e-9) / 4);
}

export const sameView = (a: View, b: View): boolean => a.k === b.k && a.x === b.x && a.y === b.y;
