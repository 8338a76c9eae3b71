/**
 * Paints a building's apartment windows onto the street's figures canvas. Thousands of windows whose
 * light changes every second cost a DOM element, a style and a paint each in SVG; on a canvas they are a
 * few fills, and only the units whose container changed are repainted (facade-plan.ts decides which).
 * Each tenant stays a focusable, named element above the canvas (ApartmentUnit.svelte); the canvas
 * itself is only a picture.
 */
import type { Container } from '../../src-main/contract';
import type { CanvasPalette } from './canvas-palette';
import type { BuildingLayout, Unit } from './layout/building';
import { repaintPlan, unitPaint, type Painted, type UnitPaint } from './facade-plan';
import { litStep } from './palette';

/** Below this size (px) a unit's rounded corners are not worth a path: most units, painted with one fill. */
const ROUNDED_FROM = 24;

/**
 * The fill colour each context was last given, so painting units of one colour in a row sets it once
 * (setting it parses it). Everything that paints on these canvases sets its fill through here; a canvas
 * that is resized forgets its state, and so must this (forgetFill).
 */
const lastFill = new WeakMap<CanvasRenderingContext2D, string | CanvasPattern>();
export function setFill(ctx: CanvasRenderingContext2D, fill: string | CanvasPattern): void {
  if (lastFill.get(ctx) === fill) return;
  ctx.fillStyle = fill;
  lastFill.set(ctx, fill);
}

export function forgetFill(ctx: CanvasRenderingContext2D): void {
  lastFill.delete(ctx);
}

export function paintUnit(ctx: CanvasRenderingContext2D, palette: CanvasPalette, unit: Unit, paint: UnitPaint, present: boolean): void {
  // The gap between units is 2 px and an outline reaches 0.5 px past its unit: clearing 1 px around it
  // never touches a neighbour.
  ctx.clearRect(unit.x - 1, unit.y - 1, unit.width + 2, unit.height + 2);
  if (!present || unit.width <= 0 || unit.height <= 0) return;
  const lit = litStep(paint.level, palette.theme);
  let stroke: { colour: string; dash: number[] } | null = null;
  switch (paint.look) {
    case 'lit':
      setFill(ctx, lit.fill);
      break;
    case 'paused':
      setFill(ctx, palette.paused);
      stroke = { colour: palette.pausedLine, dash: [] };
      break;
    case 'dark':
      setFill(ctx, palette.stopped);
      stroke = { colour: palette.stoppedLine, dash: [3, 2] };
      break;
    case 'new':
      setFill(ctx, palette.core);
      stroke = { colour: palette.muted, dash: [1, 2] };
      break;
  }
  if (paint.restarting) stroke = { colour: palette.warning, dash: [4, 2] };
  if (stroke === null && (unit.width < ROUNDED_FROM || unit.height < ROUNDED_FROM)) {
    ctx.fillRect(unit.x, unit.y, unit.width, unit.height);
  } else {
    ctx.beginPath();
    ctx.roundRect(unit.x, unit.y, unit.width, unit.height, 1.5);
    ctx.fill();
  }
  if (stroke) {
    ctx.setLineDash(stroke.dash);
    ctx.strokeStyle = stroke.colour;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (paint.pauseMark) {
    setFill(ctx, palette.mark);
    ctx.fillRect(unit.x + unit.width / 2 - 4, unit.y + unit.height / 2 - 4, 2.5, 8);
    ctx.fillRect(unit.x + unit.width / 2 + 1.5, unit.y + unit.height / 2 - 4, 2.5, 8);
  }
  if (paint.label !== '') {
    // Clipped to the unit: the label is fitted by an average glyph width, and a repaint clears only the unit.
    ctx.save();
    ctx.beginPath();
    ctx.rect(unit.x, unit.y, unit.width, unit.height);
    ctx.clip();
    ctx.fillStyle = paint.look === 'lit' ? lit.text : palette.muted;
    ctx.fillText(paint.label, unit.x + 4, unit.y + Math.min(13, unit.height - 5));
    // restore() brings back the fill colour from before save(): what was set last, as recorded.
    ctx.restore();
  }
}

/**
 * Paints one building's windows (the context placed at the building's origin): everything when nothing
 * was painted for it yet (`painted` null), else only what repaintPlan says. Returns what is painted now
 * (`painted` itself, brought up to date), for the next frame.
 */
export function paintFacade(
  ctx: CanvasRenderingContext2D,
  palette: CanvasPalette,
  layout: BuildingLayout,
  containers: readonly Container[],
  painted: Painted | null,
): Painted {
  let plan = repaintPlan(painted, layout, containers);
  let now: Painted;
  if (plan === 'all' || painted === null) {
    const box = layout.facade;
    ctx.clearRect(box.x, box.y, box.width, box.height);
    const byId = new Map(containers.map((c) => [c.id, c]));
    plan = { clear: [], paint: layout.units.map((unit) => ({ unit, paint: unitPaint(unit, byId.get(unit.id)), container: byId.get(unit.id) })), same: [] };
    now = { layout, containers: new Map(), paints: new Map() };
  } else now = { ...painted, layout };
  // Cleared with the margin paintUnit clears: a unit's outline reaches half a pixel past it.
  for (const gone of plan.clear) ctx.clearRect(gone.x - 1, gone.y - 1, gone.width + 2, gone.height + 2);
  // By look and light: setting a fill colour parses it, so units of one colour are painted together.
  const order = plan.paint.sort((a, b) => (a.paint.look < b.paint.look ? -1 : a.paint.look > b.paint.look ? 1 : a.paint.level - b.paint.level));
  for (const { unit, paint, container } of order) {
    paintUnit(ctx, palette, unit, paint, container !== undefined);
    now.paints.set(unit.id, paint);
    if (container) now.containers.set(unit.id, container);
    else now.containers.delete(unit.id);
  }
  for (const container of plan.same) now.containers.set(container.id, container);
  return now;
}
