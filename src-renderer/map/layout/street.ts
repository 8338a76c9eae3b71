/**
 * One street per host. Plots stand along it left to right — each container engine's building first,
 * then each VM engine's houses — and wrap onto another row when the window is too narrow. A plot
 * whose engine is not connected holds a sign instead. Under the last row run the road and the ground.
 *
 * Plots name their engine and VM by id and carry geometry only: the drawing looks the live tenants up
 * in the current frame. With a LayoutMemo kept across frames, a street whose structure did not change
 * comes back as the very same object (see memo.ts).
 */
import type { Host, Vm } from '../../../src-main/contract';
import { buildingTitle, housesEngine, ownName, retrying, roofTag, signSentence } from '../engine-text';
import type { BuildingLayout } from './building';
import type { HouseLayout } from './house';
import { LayoutMemo } from './memo';
import { layoutSign, signTone, type SignLayout } from './sign';

export const STREET_PADDING = 16;
export const PLOT_GAP = 28;
export const ROW_GAP = 20;
export const ROAD_HEIGHT = 24;
/** Two bars, each with a headline above and labelled figures below. */
export const GROUND_HEIGHT = 160;

export type Plot =
  | { kind: 'building'; key: string; engineId: string; layout: BuildingLayout; width: number; height: number }
  | { kind: 'house'; key: string; engineId: string; uuid: string; name: string; layout: HouseLayout; width: number; height: number }
  /** `label`: the sign's whole sentence, for assistive technology. */
  | { kind: 'sign'; key: string; engineId: string; label: string; layout: SignLayout; width: number; height: number };

export type PlacedPlot = Plot & { x: number; y: number };

export interface StreetLayout {
  width: number;
  height: number;
  plots: PlacedPlot[];
  /** Top of the road, below the last row of plots. */
  roadY: number;
  groundY: number;
  /** Where each row's plots stand (a pavement line is drawn there). */
  baselines: number[];
}

export interface Size {
  width: number;
  height: number;
}

/**
 * Places sizes left to right, wrapping when the next would pass `width`; each row's items stand on
 * a common baseline (bottom-aligned), as buildings on a street do.
 */
export function flowPlots(sizes: readonly Size[], width: number, gap = PLOT_GAP, rowGap = ROW_GAP): {
  positions: { x: number; y: number }[];
  baselines: number[];
  height: number;
} {
  const rows: { items: number[]; height: number }[] = [];
  let x = 0;
  for (const [i, size] of sizes.entries()) {
    const row = rows.at(-1);
    if (row === undefined || (row.items.length > 0 && x + size.width > width)) {
      rows.push({ items: [i], height: size.height });
      x = size.width + gap;
    } else {
      row.items.push(i);
      row.height = Math.max(row.height, size.height);
      x += size.width + gap;
    }
  }
  const positions = sizes.map(() => ({ x: 0, y: 0 }));
  const baselines: number[] = [];
  let top = 0;
  for (const row of rows) {
    let left = 0;
    const baseline = top + row.height;
    for (const i of row.items) {
      const size = sizes[i] ?? { width: 0, height: 0 };
      positions[i] = { x: left, y: baseline - size.height };
      left += size.width + gap;
    }
    baselines.push(baseline);
    top = baseline + rowGap;
  }
  return { positions, baselines, height: rows.length === 0 ? 0 : top - rowGap };
}

/** A house plot's key: its engine and uuid (a uuid is unique per engine, not across them). */
export const houseKeyOf = (engineId: string, uuid: string): string => `vm:${engineId}:${uuid}`;

const byName = (a: Vm, b: Vm): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uuid < b.uuid ? -1 : 1);

/**
 * What stands on the street, unplaced: one building or sign per container engine, houses per VM engine.
 * Each plot's layout comes from `memo` when what shapes it did not change.
 */
export function planPlots(host: Host, innerWidth: number, memo = new LayoutMemo()): Plot[] {
  const engines = [...host.engines].sort((a, b) => Number(housesEngine(a)) - Number(housesEngine(b)) || (a.id < b.id ? -1 : 1));
  const plots: Plot[] = [];
  for (const engine of engines) {
    const connected = engine.status.state === 'connected';
    if (!connected || (housesEngine(engine) && engine.vms.length === 0)) {
      const label = signSentence(engine);
      const key = JSON.stringify([label, signTone(engine), engine.hint, retrying(engine), innerWidth]);
      const layout = memo.other(`sign:${engine.id}`, key, () => layoutSign(engine, innerWidth));
      plots.push({ kind: 'sign', key: `sign:${engine.id}`, engineId: engine.id, label, layout, width: layout.width, height: layout.height });
    } else if (housesEngine(engine)) {
      for (const vm of [...engine.vms].sort(byName)) {
        const key = houseKeyOf(engine.id, vm.uuid);
        const layout = memo.house(key, vm, host.memoryBytes);
        plots.push({ kind: 'house', key, engineId: engine.id, uuid: vm.uuid, name: vm.name, layout, width: layout.width, height: layout.height });
      }
    } else {
      const layout = memo.building(engine.id, engine.containers, host.memoryBytes, host.kernel, buildingTitle(engine), innerWidth, ownName(engine), roofTag(engine));
      plots.push({ kind: 'building', key: `building:${engine.id}`, engineId: engine.id, layout, width: layout.width, height: layout.height });
    }
  }
  return plots;
}

/** The same plots, unplaced: the same keys, the very same layouts, the same signs' words. */
function samePlots(a: readonly Plot[], b: readonly Plot[]): boolean {
  return a.length === b.length && a.every((p, i) => { const q = b[i]!; return p.key === q.key && p.layout === q.layout && (p.kind !== 'sign' || (q.kind === 'sign' && p.label === q.label)); });
}

/**
 * The street for this frame. Pass the same `memo` every frame: when no plot's layout and not the width
 * changed, the previous StreetLayout object itself comes back.
 */
export function layoutStreet(host: Host, width: number, memo = new LayoutMemo()): StreetLayout {
  memo.begin();
  const innerWidth = Math.max(0, width - 2 * STREET_PADDING);
  const plots = planPlots(host, innerWidth, memo);
  const last = memo.last<{ width: number; plots: Plot[]; street: StreetLayout }>('street');
  const street = last !== null && last.width === width && samePlots(last.plots, plots) ? last.street : placePlots(plots, width, innerWidth, last?.street ?? null);
  if (street !== last?.street) memo.computed += 1;
  memo.keep('street', { width, plots, street });
  memo.sweep();
  return street;
}

/** The same plot in the same place, as far as anything drawn from it can tell. */
function samePlacedPlot(a: PlacedPlot, b: PlacedPlot): boolean {
  return a.key === b.key && a.layout === b.layout && a.x === b.x && a.y === b.y && (a.kind !== 'sign' || (b.kind === 'sign' && a.label === b.label));
}

function placePlots(plots: Plot[], width: number, innerWidth: number, previous: StreetLayout | null): StreetLayout {
  const flow = flowPlots(plots, innerWidth);
  const before = new Map(previous?.plots.map((p) => [p.key, p]));
  const placed = plots.map((plot, i) => {
    const at = flow.positions[i] ?? { x: 0, y: 0 };
    const next: PlacedPlot = { ...plot, x: STREET_PADDING + at.x, y: STREET_PADDING + at.y };
    // A plot that did not change stays the very object it was, so nothing drawn from it is touched.
    const old = before.get(plot.key);
    return old !== undefined && samePlacedPlot(old, next) ? old : next;
  });
  const roadY = STREET_PADDING + flow.height;
  const groundY = roadY + ROAD_HEIGHT;
  // A street grows wider than the window only when one plot alone is wider (the SVG then scrolls).
  const widest = Math.max(0, ...placed.map((p) => p.x + p.width + STREET_PADDING));
  return {
    width: Math.max(width, widest),
    height: groundY + GROUND_HEIGHT,
    plots: placed,
    roadY,
    groundY,
    baselines: flow.baselines.map((b) => STREET_PADDING + b),
  };
}
