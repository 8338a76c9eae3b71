/**
 * Where the map window opens: where it was last time, unless that place is gone (a monitor unplugged, a
 * resolution lowered); then it comes back onto the primary display, no larger than its work area. Pure:
 * the displays' work areas are handed in, and what was saved is checked here before it is trusted.
 */

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  x: number;
  y: number;
}

/** What is remembered between starts: the normal (unmaximized) bounds, and whether it was maximized. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** The displays as the window sees them: each one's work area (the screen less panels and docks). */
export interface Displays {
  primary: Rect;
  all: readonly Rect[];
}

/**
 * How much of the window's top strip (where its title bar is) must lie on one display for the user to
 * grab it; a window showing less is treated as lost.
 */
export const TITLE_STRIP_HEIGHT = 32;
export const MIN_GRAB: Size = { width: 96, height: 16 };

/** Sizes beyond this are not a window anyone had; a saved file saying so is damaged. */
const MAX_EDGE = 100_000;

const overlap = (a: Rect, b: Rect): Size => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

const area = (size: Size): number => size.width * size.height;
const hasArea = (rect: Rect): boolean => rect.width > 0 && rect.height > 0;

/** Whether the user can reach the window's title bar on this work area. */
export function canGrab(window: Rect, workArea: Rect): boolean {
  const strip = { ...window, height: Math.min(window.height, TITLE_STRIP_HEIGHT) };
  const shown = overlap(strip, workArea);
  return shown.width >= Math.min(MIN_GRAB.width, strip.width) && shown.height >= Math.min(MIN_GRAB.height, strip.height);
}

/** No larger than the work area. */
export const clampSize = (size: Size, workArea: Rect): Size => ({
  width: Math.min(size.width, workArea.width),
  height: Math.min(size.height, workArea.height),
});

export const centerIn = (size: Size, workArea: Rect): Rect => ({
  ...size,
  x: workArea.x + Math.round((workArea.width - size.width) / 2),
  y: workArea.y + Math.round((workArea.height - size.height) / 2),
});

/** Moved the least distance that brings all of it inside the work area (it already fits by size). */
function shiftInto(window: Rect, workArea: Rect): Rect {
  const x = Math.min(Math.max(window.x, workArea.x), workArea.x + workArea.width - window.width);
  const y = Math.min(Math.max(window.y, workArea.y), workArea.y + workArea.height - window.height);
  return { ...window, x, y };
}

/**
 * The bounds to open with. A window that can still be grabbed stays where it was (partly off screen, if
 * the user put it so), unless it is now larger than the display it is on: then it is shrunk to that work
 * area and moved inside it. A window that cannot be grabbed on any display, and a first start, open
 * centred on the primary display. With no usable display information, the saved bounds are trusted.
 */
export function placeWindow(saved: WindowState | null, displays: Displays | null, defaultSize: Size): WindowState {
  const usable = displays && hasArea(displays.primary) ? displays : null;
  if (!usable) return saved ?? { bounds: { x: 0, y: 0, ...defaultSize }, maximized: false };
  if (!saved) return { bounds: centerIn(clampSize(defaultSize, usable.primary), usable.primary), maximized: false };

  const { bounds, maximized } = saved;
  // The display it is most on, among those where its title bar can be grabbed.
  const home = usable.all
    .filter((workArea) => hasArea(workArea) && canGrab(bounds, workArea))
    .reduce<Rect | null>((best, workArea) => (!best || area(overlap(bounds, workArea)) > area(overlap(bounds, best)) ? workArea : best), null);
  if (!home) return { bounds: centerIn(clampSize(bounds, usable.primary), usable.primary), maximized };
  if (bounds.width <= home.width && bounds.height <= home.height) return saved;
  return { bounds: shiftInto({ ...bounds, ...clampSize(bounds, home) }, home), maximized };
}

const isCoordinate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_EDGE;
const isEdge = (value: unknown): value is number => isCoordinate(value) && value >= 1;

/** What was read from the state file, if it is a window's state; anything else is null (and ignored). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isEdge(width) || !isEdge(height)) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: maximized === true,
  };
}
