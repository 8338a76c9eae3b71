/**
 * Where a building's floors, suites and apartments stand on its facade, given how they group (floors.ts)
 * and how much room each apartment stands for. Floors are stacked top to bottom in the grouping's order,
 * each across both wings: the core stands at one x through all of them, so the shared risers run
 * straight from the foundation to the roof. A Compose project's floor opens with a strip that carries its
 * name. On each floor each wing is a treemap of its items — apartments, and suites: one rectangle per
 * Podman pod, its rooms tiled inside above a strip with the pod's one door (its network namespace) and
 * its name.
 *
 * Only the grouping and the units' values shape it, never live figures; the items of a floor are placed
 * largest first (what squarify needs) and alternate between the wings, as the building always did.
 */
import { hierarchy, treemap, treemapSquarify } from 'd3';
import type { Box } from './box';
import { byNameThenId, type FloorGroup, type GroupedInput } from './floors';
import { truncateToWidth } from './text-fit';

export const UNIT_GAP = 2;
/** The strip over a project's apartments that carries its name. */
export const FLOOR_LABEL_HEIGHT: number = 14;
export const FLOOR_LABEL_FONT = 10;
/** The slab between two floors. */
export const FLOOR_GAP = 4;
/** A floor is never lower than this: a unit's name (UNIT_NAME_MIN) still fits on one of its apartments. */
export const FLOOR_MIN_HEIGHT = 22;
/** The strip at the foot of a suite: its door and the pod's name. */
export const SUITE_STRIP_HEIGHT = 12;
export const SUITE_LABEL_FONT = 9;
export const DOOR = { width: 7, height: 10 } as const;
/** Below this height a suite has no strip: its rooms take it all (the suite's outline still joins them). */
const SUITE_STRIP_FROM = SUITE_STRIP_HEIGHT + 10;

export interface PlacedSuite {
  id: string;
  name: string;
  /** The pod's name as written on the strip: truncated to fit, '' when it does not. */
  label: string;
  /** The whole suite: its rooms and its strip. */
  box: Box;
  /** The door, on the strip; null when the suite is too low for one. */
  door: Box | null;
}

export interface PlacedFloor {
  project: string | null;
  /** The project's name as written on the strip: truncated to the left wing, '' without a strip. */
  label: string;
  /** The floor across both wings (the core runs through it), its strip included. */
  band: Box;
  /** The strip with the project's name; null for the floor of no project. */
  strip: Box | null;
  suites: PlacedSuite[];
}

export interface FloorStack {
  /** From the top of the first floor to the foot of the last. */
  height: number;
  /** Width of the left wing: the core stands right of it. */
  leftWidth: number;
  floors: PlacedFloor[];
  /** Every unit's box, by id. */
  boxes: Map<string, Box>;
}

interface Leaf {
  id: string;
  name: string;
  value: number;
}

/** What a wing's treemap places: an apartment, or a suite with its rooms. */
type Item = Leaf & { rooms: Leaf[] | null };

/** Memory class of a value: within ~19 % is one class, so small jitter does not reorder items. */
const sizeClass = (value: number): number => Math.round(Math.log2(Math.max(value, 1)) * 4);

/**
 * What a suite's strip costs, in smallest units: the strip's height across about the width of a square
 * of the rooms' area.
 */
function stripValue(roomsValue: number, unitArea: number): number {
  return (SUITE_STRIP_HEIGHT * Math.sqrt(roomsValue * unitArea)) / unitArea;
}

/** A floor's items, largest class first, then by name: the order squarify and the wings take them in. */
function floorItems<U extends Leaf & GroupedInput>(floor: FloorGroup<U>, unitArea: number): Item[] {
  const leaf = (u: U): Leaf => ({ id: u.id, name: u.name, value: u.value });
  const items: Item[] = [
    ...floor.suites.map((s) => {
      const rooms = s.units.map(leaf);
      const value = rooms.reduce((sum, r) => sum + r.value, 0);
      return { id: s.id, name: s.name, value: value + stripValue(value, unitArea), rooms };
    }),
    ...floor.units.map((u) => ({ ...leaf(u), rooms: null })),
  ];
  return items.sort((a, b) => sizeClass(b.value) - sizeClass(a.value) || byNameThenId(a, b));
}

/**
 * Which wing each item goes to, in display order (largest first): alternating keeps both wings alike
 * and, unlike greedy balancing, never moves an item across the core when sizes change a little.
 */
export function assignWings(count: number): (0 | 1)[] {
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 0 : 1));
}

interface TileDatum {
  index: number;
  value: number;
  children?: TileDatum[];
}

/**
 * Treemap of values in a box, by index. Squarify needs its items largest first: unsorted, 500 mixed
 * sizes produce zero-width slivers; sorted, every unit stays close to square.
 */
export function tile(box: Box, values: readonly number[]): Box[] {
  if (values.length === 0 || box.width <= 0 || box.height <= 0) return values.map(() => ({ x: box.x, y: box.y, width: 0, height: 0 }));
  const root = hierarchy<TileDatum>({ index: -1, value: 0, children: values.map((value, index) => ({ index, value })) }).sum((d) => (d.children ? 0 : d.value));
  const tiled = treemap<TileDatum>().tile(treemapSquarify.ratio(1)).size([box.width, box.height]).paddingInner(UNIT_GAP).round(true)(root);
  const out: Box[] = values.map(() => ({ x: box.x, y: box.y, width: 0, height: 0 }));
  for (const leaf of tiled.leaves()) {
    out[leaf.data.index] = { x: box.x + leaf.x0, y: box.y + leaf.y0, width: Math.max(0, leaf.x1 - leaf.x0), height: Math.max(0, leaf.y1 - leaf.y0) };
  }
  return out;
}

/** A suite's rooms above its strip, the door at the strip's left, the name beside it. */
function placeSuite(item: Item, box: Box, boxes: Map<string, Box>): PlacedSuite {
  const rooms = item.rooms ?? [];
  const strip = box.height >= SUITE_STRIP_FROM ? SUITE_STRIP_HEIGHT : 0;
  const roomsBox = { ...box, height: box.height - strip };
  for (const [i, room] of tile(roomsBox, rooms.map((r) => r.value)).entries()) boxes.set(rooms[i]!.id, room);
  const door = strip === 0 ? null : { x: box.x + 3, y: box.y + box.height - DOOR.height, width: DOOR.width, height: DOOR.height };
  const label = door === null ? '' : truncateToWidth(item.name, box.width - DOOR.width - 8, SUITE_LABEL_FONT);
  return { id: item.id, name: item.name, label, box, door };
}

/**
 * Stacks the floors in `inner` (the facade inside its walls; `width` without the core) and tiles them.
 * `values` are the units' sizes in smallest units (each ≥ 1), `unitArea` a smallest unit's area (px²);
 * the floors together are at least `minHeight` high (what is left over is shared out by their needs).
 */
export function stackFloors<U extends Leaf & GroupedInput>(
  floors: readonly FloorGroup<U>[],
  unitArea: number,
  inner: { x: number; y: number; width: number },
  coreWidth: number,
  minHeight: number,
): FloorStack {
  const plans = floors.map((floor) => {
    const items = floorItems(floor, unitArea);
    const wings = assignWings(items.length);
    return { floor, items, wings, sums: [0, 1].map((w) => items.reduce((sum, item, i) => sum + (wings[i] === w ? item.value : 0), 0)) as [number, number] };
  });
  const left = plans.reduce((sum, p) => sum + p.sums[0], 0);
  const right = plans.reduce((sum, p) => sum + p.sums[1], 0);
  // With nothing in any right wing there is one wing, and the core stands at its side.
  const leftWidth = right === 0 ? inner.width : Math.round((inner.width * left) / (left + right));
  const rightWidth = inner.width - leftWidth;
  const needs = plans.map((p) =>
    Math.max(FLOOR_MIN_HEIGHT, leftWidth > 0 ? (p.sums[0] * unitArea) / leftWidth : 0, rightWidth > 0 ? (p.sums[1] * unitArea) / rightWidth : 0),
  );
  const strips = plans.map((p): number => (p.floor.project === null ? 0 : FLOOR_LABEL_HEIGHT));
  const fixed = strips.reduce((a, b) => a + b, 0) + FLOOR_GAP * Math.max(0, plans.length - 1);
  const needed = needs.reduce((a, b) => a + b, 0);
  // A building of a few tenants is still a building: its floors grow (each by its need) to its least height.
  const scale = needed > 0 && needed + fixed < minHeight ? (minHeight - fixed) / needed : 1;

  const boxes = new Map<string, Box>();
  const placed: PlacedFloor[] = [];
  let top = inner.y;
  let cursor = 0;
  for (const [i, plan] of plans.entries()) {
    // Whole pixels (the treemap rounds too). Grown to the least height, the floors' boundaries are rounded
    // from the running total, so they add up to exactly that height (a facade that keeps its size keeps
    // its canvas and its units' pictures); else each floor is as high as it needs, rounded up.
    const from = Math.round(cursor);
    cursor += needs[i]! * scale;
    const height = scale > 1 ? Math.round(cursor) - from : Math.ceil(needs[i]! - 1e-9);
    const strip = strips[i]!;
    const band: Box = { x: inner.x, y: top, width: inner.width + coreWidth, height: strip + height };
    const y = top + strip;
    const wingBoxes: Box[] = [
      { x: inner.x, y, width: leftWidth, height },
      { x: inner.x + leftWidth + coreWidth, y, width: rightWidth, height },
    ];
    const suites: PlacedSuite[] = [];
    for (const wing of [0, 1] as const) {
      const items = plan.items.filter((_, j) => plan.wings[j] === wing);
      for (const [j, box] of tile(wingBoxes[wing]!, items.map((item) => item.value)).entries()) {
        const item = items[j]!;
        if (item.rooms === null) boxes.set(item.id, box);
        else suites.push(placeSuite(item, box, boxes));
      }
    }
    const project = plan.floor.project;
    placed.push({
      project,
      label: project === null ? '' : truncateToWidth(project, leftWidth - 8, FLOOR_LABEL_FONT),
      band,
      strip: strip === 0 ? null : { x: band.x, y: top, width: band.width, height: strip },
      // In the grouping's order (by pod name), not the treemap's.
      suites: plan.floor.suites.map((s) => suites.find((p) => p.id === s.id)!),
    });
    top += strip + height + FLOOR_GAP;
  }
  // An empty building still stands at its least height.
  return { height: placed.length === 0 ? minHeight : top - FLOOR_GAP - inner.y, leftWidth, floors: placed, boxes };
}
