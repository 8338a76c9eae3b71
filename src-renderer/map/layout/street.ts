/**
 * One street per host. Plots stand along it left to right — each container engine's building first,
 * then each VM engine's houses — and wrap onto another row when the window is too narrow. A plot
 * whose engine is not connected holds a sign instead. Under the last row run the road and the ground.
 */
import type { Engine, Host, Vm } from '../../../src-main/contract';
import { engineTitle, housesEngine } from '../engine-text';
import { layoutBuilding, type BuildingLayout } from './building';
import { layoutHouse, type HouseLayout } from './house';
import { layoutSign, type SignLayout } from './sign';

export const STREET_PADDING = 16;
export const PLOT_GAP = 28;
export const ROW_GAP = 20;
export const ROAD_HEIGHT = 24;
/** Two bars, each with a headline above and labelled figures below. */
export const GROUND_HEIGHT = 160;

export type Plot =
  | { kind: 'building'; key: string; engine: Engine; layout: BuildingLayout; width: number; height: number }
  | { kind: 'house'; key: string; engine: Engine; vm: Vm; layout: HouseLayout; width: number; height: number }
  | { kind: 'sign'; key: string; engine: Engine; layout: SignLayout; width: number; height: number };

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

const byName = (a: Vm, b: Vm): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.uuid < b.uuid ? -1 : 1);

/** What stands on the street, unplaced: one building or sign per container engine, houses per VM engine. */
export function planPlots(host: Host, innerWidth: number): Plot[] {
  const engines = [...host.engines].sort((a, b) => Number(housesEngine(a)) - Number(housesEngine(b)) || (a.id < b.id ? -1 : 1));
  const plots: Plot[] = [];
  for (const engine of engines) {
    const connected = engine.status.state === 'connected';
    if (!connected || (housesEngine(engine) && engine.vms.length === 0)) {
      const layout = layoutSign(engine, innerWidth);
      plots.push({ kind: 'sign', key: `sign:${engine.id}`, engine, layout, width: layout.width, height: layout.height });
    } else if (housesEngine(engine)) {
      for (const vm of [...engine.vms].sort(byName)) {
        const layout = layoutHouse(vm, host.memoryBytes);
        plots.push({ kind: 'house', key: `vm:${engine.id}:${vm.uuid}`, engine, vm, layout, width: layout.width, height: layout.height });
      }
    } else {
      const layout = layoutBuilding(
        {
          containers: engine.containers,
          hostCpus: host.cpus,
          hostMemoryBytes: host.memoryBytes,
          kernel: host.kernel,
          title: engineTitle(engine),
        },
        innerWidth,
      );
      plots.push({ kind: 'building', key: `building:${engine.id}`, engine, layout, width: layout.width, height: layout.height });
    }
  }
  return plots;
}

export function layoutStreet(host: Host, width: number): StreetLayout {
  const innerWidth = Math.max(0, width - 2 * STREET_PADDING);
  const plots = planPlots(host, innerWidth);
  const flow = flowPlots(plots, innerWidth);
  const placed = plots.map((plot, i) => {
    const at = flow.positions[i] ?? { x: 0, y: 0 };
    return { ...plot, x: STREET_PADDING + at.x, y: STREET_PADDING + at.y };
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
