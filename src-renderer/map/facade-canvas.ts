/**
 * Paints a building's apartment windows onto one canvas. Thousands of windows whose light changes every
 * second cost a DOM element, a style and a paint each in SVG; on a canvas they are a few fills, and only
 * the units whose container changed are repainted (facade-plan.ts decides which). Each tenant stays a
 * focusable, named element above the canvas (ApartmentUnit.svelte); the canvas itself is only a picture.
 *
 * Colours are the app's CSS custom properties, read from the canvas's computed style, so the windows
 * match the legend and the houses.
 */
import type { Container } from '../../src-main/contract';
import type { BuildingLayout, Unit } from './layout/building';
import { UNIT_NAME_FONT } from './layout/building';
import { unitPaint, unitsToRepaint, type Painted, type UnitPaint } from './facade-plan';
import { litStep } from './palette';

interface Palette {
  stopped: string;
  stoppedLine: string;
  core: string;
  muted: string;
  warning: string;
  pausedLine: string;
  mark: string;
  font: string;
  paused: CanvasPattern | string;
}

function readPalette(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D): Palette {
  const style = getComputedStyle(canvas);
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const pausedBase = read('--paused', '#6c7f9c');
  // The same hatching as the SVG pattern #nbh-hatch-paused: light lines at 45° over the paused colour.
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  let paused: CanvasPattern | string = pausedBase;
  if (t) {
    t.fillStyle = pausedBase;
    t.fillRect(0, 0, 6, 6);
    t.fillStyle = 'rgba(169, 184, 207, 0.55)';
    t.fillRect(0, 0, 1, 6);
    const pattern = ctx.createPattern(tile, 'repeat');
    if (pattern) {
      pattern.setTransform(new DOMMatrix().rotateSelf(45));
      paused = pattern;
    }
  }
  return {
    stopped: read('--stopped', '#131822'),
    stoppedLine: read('--stopped-line', '#5d6983'),
    core: read('--building-core', '#191f2b'),
    muted: read('--muted', '#93a0b6'),
    warning: read('--warning', '#f0b454'),
    pausedLine: 'rgba(169, 184, 207, 0.6)',
    mark: '#eef3fb',
    font: read('--font', 'sans-serif'),
    paused,
  };
}

function paintUnit(ctx: CanvasRenderingContext2D, palette: Palette, unit: Unit, paint: UnitPaint, present: boolean): void {
  // The gap between units is 2 px and an outline reaches 0.5 px past its unit: clearing 1 px around it
  // never touches a neighbour.
  ctx.clearRect(unit.x - 1, unit.y - 1, unit.width + 2, unit.height + 2);
  if (!present || unit.width <= 0 || unit.height <= 0) return;
  const lit = litStep(paint.level);
  ctx.beginPath();
  ctx.roundRect(unit.x, unit.y, unit.width, unit.height, 1.5);
  let stroke: { colour: string; dash: number[] } | null = null;
  switch (paint.look) {
    case 'lit':
      ctx.fillStyle = lit.fill;
      break;
    case 'paused':
      ctx.fillStyle = palette.paused;
      stroke = { colour: palette.pausedLine, dash: [] };
      break;
    case 'dark':
      ctx.fillStyle = palette.stopped;
      stroke = { colour: palette.stoppedLine, dash: [3, 2] };
      break;
    case 'new':
      ctx.fillStyle = palette.core;
      stroke = { colour: palette.muted, dash: [1, 2] };
      break;
  }
  if (paint.restarting) stroke = { colour: palette.warning, dash: [4, 2] };
  ctx.fill();
  if (stroke) {
    ctx.setLineDash(stroke.dash);
    ctx.strokeStyle = stroke.colour;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (paint.pauseMark) {
    ctx.fillStyle = palette.mark;
    ctx.fillRect(unit.x + unit.width / 2 - 4, unit.y + unit.height / 2 - 4, 2.5, 8);
    ctx.fillRect(unit.x + unit.width / 2 + 1.5, unit.y + unit.height / 2 - 4, 2.5, 8);
  }
  if (paint.label !== '') {
    ctx.fillStyle = paint.look === 'lit' ? lit.text : palette.muted;
    ctx.fillText(paint.label, unit.x + 4, unit.y + Math.min(13, unit.height - 5));
  }
}

/** One building's canvas painter; keeps what it painted so the next frame repaints only what changed. */
export class FacadePainter {
  #painted: Painted | null = null;
  #palette: Palette | null = null;
  #scale = 0;

  paint(canvas: HTMLCanvasElement, layout: BuildingLayout, containers: ReadonlyMap<string, Container>): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const scale = window.devicePixelRatio || 1;
    const box = layout.facade;
    const width = Math.max(1, Math.round(box.width * scale));
    const height = Math.max(1, Math.round(box.height * scale));
    let changed = scale === this.#scale ? unitsToRepaint(this.#painted, layout, containers) : 'all';
    if (canvas.width !== width || canvas.height !== height) {
      // Resizing clears the canvas (and its state): everything again.
      canvas.width = width;
      canvas.height = height;
      changed = 'all';
    }
    this.#palette ??= readPalette(canvas, ctx);
    this.#scale = scale;
    // Units are placed in the building's coordinates; the canvas covers its facade.
    ctx.setTransform(scale, 0, 0, scale, -box.x * scale, -box.y * scale);
    ctx.font = `${UNIT_NAME_FONT}px ${this.#palette.font}`;
    const paints = changed === 'all' ? new Map<string, UnitPaint>() : new Map(this.#painted?.paints);
    if (changed === 'all') {
      ctx.clearRect(box.x, box.y, box.width, box.height);
      changed = layout.units.map((unit) => ({ unit, paint: unitPaint(unit, containers.get(unit.id)) }));
    }
    for (const { unit, paint } of changed) {
      paintUnit(ctx, this.#palette, unit, paint, containers.has(unit.id));
      paints.set(unit.id, paint);
    }
    this.#painted = { layout, containers, paints };
  }
}
