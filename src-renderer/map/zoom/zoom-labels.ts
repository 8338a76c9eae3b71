/**
 * Names on apartments that were too small for one at 1:1 and have grown on screen large enough to hold
 * one. The layout fits a unit's name at UNIT_NAME_FONT for the unit's own size (unitLabel) and the
 * facade canvas writes it; zoomed in by k, a unit is k times larger on screen, so its name is fitted
 * for that size, at the same size on screen (UNIT_NAME_FONT / k in the map's own units). A unit the
 * canvas already names is left to the canvas (its words grow with the zoom, like everything drawn).
 */
import type { Box } from '../layout/box';
import { UNIT_NAME_FONT, unitLabel } from '../layout/building';

export interface ZoomLabel {
  text: string;
  /** Where the text starts, and its size, in the map's own (unzoomed) units. */
  x: number;
  y: number;
  fontSize: number;
}

/** The name for `unit` (its box in the map's units) at label scale `k` (zoom-math labelScale); null for none. */
export function unitZoomLabel(name: string, unit: Box, k: number): ZoomLabel | null {
  if (!(k > 1) || unitLabel(name, unit) !== '') return null;
  const onScreen = { width: unit.width * k, height: unit.height * k };
  const text = unitLabel(name, onScreen);
  if (text === '') return null;
  // Placed as the canvas places its names: 4 px in, the baseline 13 px down (less in a low unit).
  return { text, x: unit.x + 4 / k, y: unit.y + Math.min(13, onScreen.height - 5) / k, fontSize: UNIT_NAME_FONT / k };
}
