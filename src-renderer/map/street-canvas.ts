/**
 * The figures of a street, painted on one canvas between the street's shells (back SVG) and its
 * focusable tenants (front SVG): every apartment's window, every house's windows and memory gauge, and
 * each building's risers — everything that changes with the figures. A frame repaints only what changed:
 * a tenant that is the same object as last time is skipped by reference, and one whose picture reads the
 * same (see facade-plan, house-view) is skipped after one comparison. A new street layout (a structure
 * change) repaints everything.
 */
import type { Container, Host, Vm } from '../../src-main/contract';
import { readPalette, type CanvasPalette } from './canvas-palette';
import { paintFacade } from './facade-canvas';
import type { Painted } from './facade-plan';
import { housePaint, sameHousePaint, type HousePaint } from './house-view';
import { UNIT_NAME_FONT, riserCore, type BuildingLayout } from './layout/building';
import { gaugeFill, type HouseLayout } from './layout/house';
import { layoutRisers, riserTotals, RISER_GAP, type Riser } from './layout/risers';
import { houseKeyOf, type StreetLayout } from './layout/street';
import { litStep } from './palette';

function paintHouse(ctx: CanvasRenderingContext2D, palette: CanvasPalette, layout: HouseLayout, paint: HousePaint): void {
  for (const [i, pane] of layout.windows.entries()) {
    ctx.clearRect(pane.x - 1, pane.y - 1, pane.width + 2, pane.height + 2);
    ctx.beginPath();
    ctx.roundRect(pane.x, pane.y, pane.width, pane.height, 1);
    ctx.fillStyle =
      paint.look === 'lit' ? litStep(paint.levels[i] ?? 0).fill : paint.look === 'paused' ? palette.panePaused : paint.look === 'dark' ? palette.stopped : palette.pane;
    ctx.fill();
  }
  const gauge = layout.gauge;
  ctx.clearRect(gauge.x, gauge.y, gauge.width, gauge.height);
  const fill = gaugeFill(gauge, paint.fraction);
  if (fill.height > 0) {
    ctx.beginPath();
    ctx.roundRect(fill.x, fill.y, fill.width, fill.height, 2);
    ctx.fillStyle = palette.dedicated;
    ctx.fill();
  }
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
    ctx.fillStyle = palette.riser[riser.kind];
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

export class StreetPainter {
  #layout: StreetLayout | null = null;
  #scale = 0;
  #palette: CanvasPalette | null = null;
  readonly #facades = new Map<string, Painted>();
  readonly #risers = new Map<string, string>();
  readonly #houses = new Map<string, { vm: Vm; paint: HousePaint }>();

  paint(canvas: HTMLCanvasElement, layout: StreetLayout, host: Host): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const scale = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(layout.width * scale));
    const height = Math.max(1, Math.round(layout.groundY * scale));
    let full = layout !== this.#layout || scale !== this.#scale;
    if (canvas.width !== width || canvas.height !== height) {
      // Resizing clears the canvas (and its state).
      canvas.width = width;
      canvas.height = height;
      full = true;
    }
    this.#palette ??= readPalette(canvas, ctx);
    const palette = this.#palette;
    if (full) {
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.clearRect(0, 0, layout.width, layout.groundY);
      this.#facades.clear();
      this.#risers.clear();
      this.#houses.clear();
    }
    ctx.font = `${UNIT_NAME_FONT}px ${palette.font}`;
    const engines = new Map(host.engines.map((e) => [e.id, e]));
    const vms = new Map(host.engines.flatMap((e) => e.vms.map((vm) => [houseKeyOf(e.id, vm.uuid), vm] as const)));
    for (const plot of layout.plots) {
      ctx.setTransform(scale, 0, 0, scale, plot.x * scale, plot.y * scale);
      if (plot.kind === 'building') {
        const engine = engines.get(plot.engineId);
        if (!engine) continue;
        const containers = new Map<string, Container>(engine.containers.map((c) => [c.id, c]));
        this.#facades.set(plot.key, paintFacade(ctx, palette, plot.layout, containers, this.#facades.get(plot.key) ?? null));
        const risers = layoutRisers(riserCore(plot.layout), riserTotals(engine.containers), host.cpus, host.memoryBytes);
        const key = riserKey(risers);
        if (this.#risers.get(plot.key) !== key) {
          paintRisers(ctx, palette, plot.layout, risers);
          this.#risers.set(plot.key, key);
        }
      } else if (plot.kind === 'house') {
        const vm = vms.get(plot.key);
        if (!vm) continue;
        const before = this.#houses.get(plot.key);
        if (before?.vm === vm) continue;
        const paint = housePaint(vm);
        if (before === undefined || !sameHousePaint(before.paint, paint)) paintHouse(ctx, palette, plot.layout, paint);
        this.#houses.set(plot.key, { vm, paint: before !== undefined && sameHousePaint(before.paint, paint) ? before.paint : paint });
      }
    }
    this.#layout = layout;
    this.#scale = scale;
  }
}
