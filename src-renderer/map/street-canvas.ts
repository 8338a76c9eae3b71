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
import type { Painted } from './facade-plan';
import { housePaint, sameHousePaint, type HousePaint } from './house-view';
import type { Box } from './layout/box';
import { UNIT_NAME_FONT, riserCore, type BuildingLayout } from './layout/building';
import { gaugeFill, type HouseLayout } from './layout/house';
import { layoutRisers, riserTotals, RISER_GAP, type Riser } from './layout/risers';
import { houseKeyOf, type StreetLayout } from './layout/street';
import { litStep } from './palette';

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

  /** A building's canvas, mounted (by its plot key); returns its unregister. */
  registerBuilding(key: string, canvas: HTMLCanvasElement): () => void {
    const entry: BuildingCanvas = { canvas, layout: null, facade: null, risers: '', font: false };
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

  /** Paints this frame; `styleSource` is any element in the street (the font is read from it once). */
  paint(layout: StreetLayout, host: Host, styleSource: Element): void {
    // Read here, so the caller's effect runs again when the system's theme changes: then all is repainted.
    const palette = canvasPalette(theme.palette, (this.#font ??= fontOf(styleSource)));
    if (palette !== this.#palette) {
      for (const entry of this.#buildings.values()) entry.layout = null;
      for (const entry of this.#houses.values()) entry.painted = null;
      this.#palette = palette;
    }
    const scale = window.devicePixelRatio || 1;
    const engines = new Map(host.engines.map((e) => [e.id, e]));
    const vms = new Map(host.engines.flatMap((e) => e.vms.map((vm) => [houseKeyOf(e.id, vm.uuid), vm] as const)));
    for (const plot of layout.plots) {
      if (plot.kind === 'building') {
        const entry = this.#buildings.get(plot.key);
        const engine = engines.get(plot.engineId);
        if (entry && engine) this.#paintBuilding(entry, palette, plot.layout, engine.containers, host, scale);
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
      if (entry.layout === null) entry.facade = null;
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
