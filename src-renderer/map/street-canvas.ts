/**
 * The figures of a street, between its shells (back SVG) and its focusable tenants (front SVG) —
 * everything that changes with the figures: every apartment's window and each building's risers, painted
 * on one canvas over the building's facade (thousands of windows are a few fills there, and a canvas as
 * small as its facade is cheap to hand to the screen), and every house's windows and memory gauge, a
 * handful of SVG rectangles per house whose colour and height are written in place (a canvas per house
 * would cost more to hand over than it saves). A frame repaints only what changed: a tenant that is the
 * same object as last time is skipped by reference, one whose picture reads the same (see facade-plan,
 * house-view) after one comparison; a plot laid out again is repainted whole.
 */
import type { Container, Host, Vm } from '../../src-main/contract';
import { theme } from '../theme/theme.svelte';
import { canvasPalette, fontOf, type CanvasPalette } from './canvas-palette';
import { forgetFill, paintFacade, setFill } from './facade-canvas';
import type { Painted, UnitPaint } from './facade-plan';
import { housePaint, sameHousePaint, type HousePaint } from './house-view';
import type { Box } from './layout/box';
import { UNIT_NAME_FONT, riserCore, type BuildingLayout } from './layout/building';
import { gaugeFill, type HouseLayout } from './layout/house';
import { layoutRisers, riserTotals, RISER_GAP, type Riser } from './layout/risers';
import { houseKeyOf, type StreetLayout } from './layout/street';
import { litStep } from './palette';
import { tenantKey } from '../state/world';

/** The part of a building its canvas covers, in the building's coordinates: the facade, and the risers' reach below it. */
export function facadeBox(layout: BuildingLayout): Box {
  return { ...layout.facade, height: layout.facade.height + 4 };
}

/** A house's figures in the figures SVG: a rectangle per window, and the gauge's fill. */
export interface HouseFigureElements {
  panes: readonly SVGElement[];
  gauge: SVGElement;
}

const paneFill = (palette: CanvasPalette, paint: HousePaint, i: number): string =>
  paint.look === 'lit' ? litStep(paint.levels[i] ?? 0, palette.theme).fill : paint.look === 'paused' ? palette.panePaused : paint.look === 'dark' ? palette.stopped : palette.pane;

/** Writes what differs from `before` (everything when there is none): a window's colour, the gauge. */
function paintHouse(elements: HouseFigureElements, palette: CanvasPalette, layout: HouseLayout, paint: HousePaint, before: HousePaint | null): void {
  for (const [i, pane] of elements.panes.entries()) {
    const fill = paneFill(palette, paint, i);
    if (before === null || paneFill(palette, before, i) !== fill) pane.style.fill = fill;
  }
  if (before !== null && before.fraction === paint.fraction) return;
  const fill = gaugeFill(layout.gauge, paint.fraction);
  elements.gauge.setAttribute('y', String(fill.y));
  elements.gauge.setAttribute('height', String(fill.height));
}

/** What the risers look like, as one string: equal strings, equal pictures. */
const riserKey = (risers: readonly Riser[]): string => risers.map((r) => r.width.toFixed(2)).join(' ');

function paintRisers(ctx: CanvasRenderingContext2D, palette: CanvasPalette, layout: BuildingLayout, risers: readonly Riser[]): void {
  const core = riserCore(layout);
  // Only the pipes' slots: the core's own colour is the shell's, behind the canvas.
  ctx.clearRect(core.x + RISER_GAP / 2, core.y - 1, core.width - RISER_GAP, core.height + 2);
  ctx.globalAlpha = 0.9;
  for (const riser of risers) {
    ctx.beginPath();
    ctx.roundRect(riser.x, riser.y, riser.width, riser.height, riser.width / 2);
    setFill(ctx, palette.riser[riser.kind]);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** A building's canvas and what was painted on it. */
interface BuildingCanvas {
  canvas: HTMLCanvasElement;
  /** The layout it was painted for (null: nothing painted yet). */
  layout: BuildingLayout | null;
  facade: Painted | null;
  risers: string;
  /** The canvas's font is set (a resize resets it; setting it parses it, every time). */
  font: boolean;
  /** Units dimmed (the search does not match them), by id: the paint they were dimmed over. */
  veiled: Map<string, UnitPaint>;
}

/**
 * Dims units the highlight does not light to a quarter of their picture: what is painted there is
 * erased by three quarters (destination-out), so the facade behind shows through as with opacity 0.25.
 * A unit is dimmed once per paint of it (a repainted unit is whole again, and dimmed again).
 */
function veilUnits(ctx: CanvasRenderingContext2D, layout: BuildingLayout, entry: BuildingCanvas, engineId: string, lit: (key: string) => boolean): void {
  const paints = entry.facade?.paints;
  let veiling = false;
  for (const unit of layout.units) {
    if (lit(tenantKey({ kind: 'container', engineId, id: unit.id }))) {
      entry.veiled.delete(unit.id);
      continue;
    }
    const paint = paints?.get(unit.id);
    if (paint === undefined || entry.veiled.get(unit.id) === paint) continue;
    if (!veiling) {
      ctx.globalCompositeOperation = 'destination-out';
      ctx.globalAlpha = 0.75;
      setFill(ctx, '#000');
      veiling = true;
    }
    // Half a pixel around the unit: its outline, never a neighbour (2 px away).
    ctx.fillRect(unit.x - 0.5, unit.y - 0.5, unit.width + 1, unit.height + 1);
    entry.veiled.set(unit.id, paint);
  }
  if (veiling) {
    ctx.globalCompositeOperation = 'source-over';
    ctx.globalAlpha = 1;
  }
}

/** A house's figure elements and what was written to them. */
interface HouseFiguresPainted {
  elements: HouseFigureElements;
  layout: HouseLayout;
  painted: { vm: Vm; paint: HousePaint } | null;
}

export class StreetPainter {
  readonly #buildings = new Map<string, BuildingCanvas>();
  readonly #houses = new Map<string, HouseFiguresPainted>();
  #palette: CanvasPalette | null = null;
  #font: string | null = null;
  #lit: ((key: string) => boolean) | null = null;

  /** A building's canvas, mounted (by its plot key); returns its unregister. */
  registerBuilding(key: string, canvas: HTMLCanvasElement): () => void {
    const entry: BuildingCanvas = { canvas, layout: null, facade: null, risers: '', font: false, veiled: new Map() };
    this.#buildings.set(key, entry);
    return () => {
      if (this.#buildings.get(key) === entry) this.#buildings.delete(key);
    };
  }

  /** A house's figure elements, mounted (by its plot key) for this layout; returns its unregister. */
  registerHouse(key: string, elements: HouseFigureElements, layout: HouseLayout): () => void {
    const entry: HouseFiguresPainted = { elements, layout, painted: null };
    this.#houses.set(key, entry);
    return () => {
      if (this.#houses.get(key) === entry) this.#houses.delete(key);
    };
  }

  /**
   * Paints this frame; `styleSource` is any element in the street (the font is read from it once);
   * `lit` the map's highlight (units it does not light are dimmed), null when nothing is dimmed.
   */
  paint(layout: StreetLayout, host: Host, styleSource: Element, lit: ((key: string) => boolean) | null = null): void {
    // Read here, so the caller's effect runs again when the system's theme changes: then all is repainted.
    const palette = canvasPalette(theme.palette, (this.#font ??= fontOf(styleSource)));
    if (palette !== this.#palette) {
      for (const entry of this.#buildings.values()) entry.layout = null;
      for (const entry of this.#houses.values()) entry.painted = null;
      this.#palette = palette;
    }
    if (lit !== this.#lit) {
      // Other units dimmed: every facade again, whole, then dimmed where it must be.
      for (const entry of this.#buildings.values()) entry.layout = null;
      this.#lit = lit;
    }
    const scale = window.devicePixelRatio || 1;
    const engines = new Map(host.engines.map((e) => [e.id, e]));
    const vms = new Map(host.engines.flatMap((e) => e.vms.map((vm) => [houseKeyOf(e.id, vm.uuid), vm] as const)));
    for (const plot of layout.plots) {
      if (plot.kind === 'building') {
        const entry = this.#buildings.get(plot.key);
        const engine = engines.get(plot.engineId);
        if (!entry || !engine) continue;
        this.#paintBuilding(entry, palette, plot.layout, engine.containers, host, scale);
        const ctx = lit && entry.canvas.getContext('2d');
        if (ctx) veilUnits(ctx, plot.layout, entry, plot.engineId, lit);
      } else if (plot.kind === 'house') {
        const entry = this.#houses.get(plot.key);
        const vm = vms.get(plot.key);
        if (!entry || !vm || entry.painted?.vm === vm) continue;
        const paint = housePaint(vm);
        const same = entry.painted !== null && sameHousePaint(entry.painted.paint, paint);
        if (!same) paintHouse(entry.elements, palette, entry.layout, paint, entry.painted?.paint ?? null);
        entry.painted = { vm, paint: same && entry.painted ? entry.painted.paint : paint };
      }
    }
  }

  #paintBuilding(entry: BuildingCanvas, palette: CanvasPalette, layout: BuildingLayout, containers: readonly Container[], host: Host, scale: number): void {
    const ctx = entry.canvas.getContext('2d');
    if (!ctx) return;
    const box = facadeBox(layout);
    const width = Math.max(1, Math.round(box.width * scale));
    const height = Math.max(1, Math.round(box.height * scale));
    if (entry.canvas.width !== width || entry.canvas.height !== height) {
      // Resizing clears a canvas (and its state): everything again.
      entry.canvas.width = width;
      entry.canvas.height = height;
      entry.layout = null;
      entry.font = false;
      forgetFill(ctx);
    }
    ctx.setTransform(scale, 0, 0, scale, -box.x * scale, -box.y * scale);
    if (entry.layout !== layout) {
      // Laid out again: the facade's repaint plan clears and repaints only the units that moved (all,
      // when the facade moved or changed size); the risers are repainted whatever their figures.
      if (entry.layout === null) {
        entry.facade = null;
        entry.veiled.clear();
      }
      entry.risers = '';
      entry.layout = layout;
    }
    if (!entry.font) {
      ctx.font = `${UNIT_NAME_FONT}px ${palette.font}`;
      entry.font = true;
    }
    entry.facade = paintFacade(ctx, palette, layout, containers, entry.facade);
    const risers = layoutRisers(riserCore(layout), riserTotals(containers), host.cpus, host.memoryBytes);
    const key = riserKey(risers);
    if (entry.risers !== key) {
      paintRisers(ctx, palette, layout, risers);
      entry.risers = key;
    }
  }
}
