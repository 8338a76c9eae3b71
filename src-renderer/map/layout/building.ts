/**
 * One apartment building per container engine. Its facade is a treemap of units, one per container,
 * each unit's area proportional to the container's memory (its limit where set, else what it uses).
 * Two wings flank a central core that carries the shared risers; a roof names the engine and a
 * foundation names the kernel every apartment shares.
 *
 * Memory spans orders of magnitude (a 1 MiB idle shell next to an 8 GiB database), so small units are
 * raised to a floor: the facade's total area is capped at `spreadFor(n)` smallest units, which keeps
 * every unit at least UNIT_MIN_AREA px² (clickable) without letting one giant make the building huge.
 *
 * The layout depends only on what shapes the building (BuildingInput: each tenant's id, name and the
 * memory its unit stands for, the kernel, the title), never on live figures: CPU, the risers and the
 * windows' light are drawn on top of it each frame. Memory in use (a unit without a limit) moves in
 * quarter-octave steps with a margin, so use that wanders a little never rebuilds the facade.
 */
import { hierarchy, treemap, treemapSquarify } from 'd3';
import type { Container } from '../../../src-main/contract';
import { formatCount } from '../../format/format';
import type { Box } from './box';
import { CORE_WIDTH } from './risers';
import { truncateToWidth, wrapToWidth } from './text-fit';

/** Smallest unit, px² (gaps included): small enough for 500 units on one screen, big enough to point at. */
export const UNIT_MIN_AREA = 18 * 14;
/** A handful of tenants get roomier units, so a small building reads at a glance. */
const ROOMY_UNIT_AREA = 52 * 48;
const ROOMY_BUDGET = 36_000;
export const UNIT_GAP = 2;
export const WALL = 6;
export const ROOF_HEIGHT = 28;
export const FOUNDATION_HEIGHT = 36;
export const MIN_FACADE_WIDTH = 150;
export const MIN_FACADE_HEIGHT = 72;
/** A building with one or two tenants still looks like a building. */
const BASE_FACADE_AREA = 220 * 120;
const FACADE_ASPECT = 1.5;
export const LABEL_FONT = 11;
/** A unit's name is written on it from this size up (px), at UNIT_NAME_FONT. */
export const UNIT_NAME_MIN = { width: 40, height: 18 };
export const UNIT_NAME_FONT = 10;
/** Memory in use is sized in steps of a quarter octave (~19 %) … */
export const USE_STEPS_PER_OCTAVE = 4;
/** … and leaves its step only this far (in steps) past the half-way mark, so jitter at a boundary stays put. */
export const USE_STEP_MARGIN = 0.3;

export interface Unit extends Box {
  id: string;
  name: string;
  /** The name as written on the unit: truncated to fit, '' when the unit is too small for it. */
  label: string;
}

export interface BuildingLayout {
  width: number;
  height: number;
  roof: Box;
  facade: Box;
  core: Box;
  foundation: Box;
  /** In name order (the DOM and tab order). */
  units: Unit[];
  roofLabel: string;
  foundationLines: string[];
}

/** One tenant as far as the building's shape goes. */
export interface UnitInput {
  id: string;
  name: string;
  /** What the unit's area stands for (see unitMemory), bytes. */
  memory: number;
}

/** Everything that shapes a building, and nothing else: the same input always gives the same layout. */
export interface BuildingInput {
  units: readonly UnitInput[];
  kernel: string;
  /** Engine name and version for the roof, e.g. "Docker 26.1.5". */
  title: string;
}

/**
 * Memory in use as a unit's size: the nearest quarter-octave step, or `previous` (the step the unit stood
 * at before) while the use stays within that step and its margin.
 */
export function steppedUse(bytes: number, previous?: number): number {
  if (!(Number.isFinite(bytes) && bytes > 0)) return 0;
  const position = Math.log2(bytes) * USE_STEPS_PER_OCTAVE;
  if (previous !== undefined && previous > 0 && Math.abs(position - Math.log2(previous) * USE_STEPS_PER_OCTAVE) < 0.5 + USE_STEP_MARGIN) return previous;
  return 2 ** (Math.round(position) / USE_STEPS_PER_OCTAVE);
}

/**
 * The memory a unit stands for: the limit where one is set (capped at the host), else current use in
 * steps (see steppedUse; `previous` is what it stood for in the last layout). A container without figures
 * (stopped, or not sampled yet) keeps the size it had: its apartment does not shrink while it is away.
 */
export function unitMemory(container: Container, hostMemoryBytes: number, previous?: number): number {
  const limit = container.memoryLimitBytes;
  if (limit !== null && limit > 0) return hostMemoryBytes > 0 ? Math.min(limit, hostMemoryBytes) : limit;
  if (container.stats === null) return previous ?? 0;
  return steppedUse(container.stats.memoryUsedBytes, previous);
}

/** An input's units by id, computed once per input (the memo keeps one input for many frames). */
const unitIndex = new WeakMap<BuildingInput, Map<string, UnitInput>>();
function unitsOf(input: BuildingInput): Map<string, UnitInput> {
  let byId = unitIndex.get(input);
  if (!byId) unitIndex.set(input, (byId = new Map(input.units.map((u) => [u.id, u]))));
  return byId;
}

/** What shapes a building of these containers; `previous` (the last input) keeps units on their steps. */
export function buildingInput(
  containers: readonly Container[],
  hostMemoryBytes: number,
  kernel: string,
  title: string,
  previous: BuildingInput | null = null,
): BuildingInput {
  const before = previous === null ? null : unitsOf(previous);
  return {
    units: containers.map((c) => {
      const old = before?.get(c.id);
      const memory = unitMemory(c, hostMemoryBytes, old?.memory);
      // The very object when nothing about the unit changed: the next comparison is then one `===`.
      return old !== undefined && old.name === c.name && old.memory === memory ? old : { id: c.id, name: c.name, memory };
    }),
    kernel,
    title,
  };
}

/** Equal inputs, equal layouts: what the memo compares. */
export function sameBuildingInput(a: BuildingInput, b: BuildingInput): boolean {
  if (a.title !== b.title || a.kernel !== b.kernel || a.units.length !== b.units.length) return false;
  for (let i = 0; i < a.units.length; i += 1) {
    const x = a.units[i]!;
    const y = b.units[i]!;
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.memory !== y.memory)) return false;
  }
  return true;
}

/**
 * The new layout with every unit that did not move or change kept as the very object it was, so what is
 * drawn from those units is left alone when a building is laid out again.
 */
export function keepUnchangedUnits(previous: BuildingLayout | null, next: BuildingLayout): BuildingLayout {
  if (previous === null) return next;
  const before = new Map(previous.units.map((u) => [u.id, u]));
  const same = (a: Unit, b: Unit): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.name === b.name && a.label === b.label;
  return { ...next, units: next.units.map((u) => { const old = before.get(u.id); return old !== undefined && same(old, u) ? old : u; }) };
}

/** The smallest unit's area for `count` tenants: roomy for a few, UNIT_MIN_AREA for hundreds. */
export function unitArea(count: number): number {
  return Math.min(ROOMY_UNIT_AREA, Math.max(UNIT_MIN_AREA, ROOMY_BUDGET / Math.max(1, count)));
}

/** How many smallest units the whole facade may measure: grows with the tenant count. */
export function spreadFor(count: number): number {
  return Math.max(24, 3 * count);
}

/**
 * Unit sizes in "smallest units": every value ≥ 1 and their sum ≤ spreadFor(n). Raises the floor (by
 * bisection, since the sum over the floor only falls as the floor rises) until the cap holds.
 */
export function unitValues(memories: readonly number[]): number[] {
  const clean = memories.map((m) => (Number.isFinite(m) && m > 0 ? m : 0));
  const largest = Math.max(0, ...clean);
  if (largest === 0) return clean.map(() => 1);
  const cap = spreadFor(clean.length);
  const spread = (floor: number): number => clean.reduce((sum, m) => sum + Math.max(m, floor), 0) / floor;
  let low = largest / 1e9;
  let high = largest;
  if (spread(low) > cap) {
    for (let i = 0; i < 60; i += 1) {
      const mid = (low + high) / 2;
      if (spread(mid) > cap) low = mid;
      else high = mid;
    }
  } else {
    high = low;
  }
  const floor = Math.max(high, Math.min(...clean.filter((m) => m > 0)));
  return clean.map((m) => Math.max(m, floor) / floor);
}

/**
 * Which wing each unit goes to, given units in display order (largest first): alternating keeps both
 * wings alike and, unlike greedy balancing, never moves a unit across the core when figures change.
 */
export function assignWings(count: number): (0 | 1)[] {
  if (count < 2) return Array.from({ length: count }, () => 0);
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 0 : 1));
}

interface TileDatum {
  index: number;
  value: number;
  children?: TileDatum[];
}

/**
 * Treemap one wing. Squarify needs its items largest first: unsorted, 500 mixed sizes produce
 * zero-width slivers; sorted, every unit stays close to square.
 */
function tileWing(box: Box, items: readonly { index: number; value: number }[]): Map<number, Box> {
  const out = new Map<number, Box>();
  if (items.length === 0 || box.width <= 0 || box.height <= 0) return out;
  const root = hierarchy<TileDatum>({ index: -1, value: 0, children: items.map((i) => ({ ...i })) }).sum((d) =>
    d.children ? 0 : d.value,
  );
  const tiled = treemap<TileDatum>()
    .tile(treemapSquarify.ratio(1))
    .size([box.width, box.height])
    .paddingInner(UNIT_GAP)
    .round(true)(root);
  for (const leaf of tiled.leaves()) {
    out.set(leaf.data.index, {
      x: box.x + leaf.x0,
      y: box.y + leaf.y0,
      width: Math.max(0, leaf.x1 - leaf.x0),
      height: Math.max(0, leaf.y1 - leaf.y0),
    });
  }
  return out;
}

/** The name written on a unit: truncated to fit, or '' on a unit too small to carry one. */
export function unitLabel(name: string, box: { width: number; height: number }): string {
  return box.width >= UNIT_NAME_MIN.width && box.height >= UNIT_NAME_MIN.height ? truncateToWidth(name, box.width - 8, UNIT_NAME_FONT) : '';
}

/** The riser's core box: through the whole core, from the foundation up to the roof (which carries the engine's name). */
export function riserCore(layout: BuildingLayout): Box {
  return { ...layout.core, height: layout.core.height + 4 };
}

/** Memory class of a unit: values within ~19% share a class, so small jitter does not reorder units. */
const sizeClass = (value: number): number => Math.round(Math.log2(Math.max(value, 1)) * 4);

const byName = (a: UnitInput, b: UnitInput): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Display order: largest memory class first (what squarify needs), then by name — so a unit keeps
 * its place from frame to frame while its figures wander within a class.
 */
export function orderUnits(units: readonly UnitInput[], values: readonly number[]): number[] {
  return units
    .map((_, i) => i)
    .sort((a, b) => sizeClass(values[b] ?? 0) - sizeClass(values[a] ?? 0) || byName(units[a]!, units[b]!));
}

export function layoutBuilding(input: BuildingInput, maxWidth: number): BuildingLayout {
  const rawValues = unitValues(input.units.map((u) => u.memory));
  const order = orderUnits(input.units, rawValues);
  const tenants = order.map((i) => input.units[i]!);
  const values = order.map((i) => rawValues[i] ?? 1);
  const sum = values.reduce((a, b) => a + b, 0);
  const area = Math.max(BASE_FACADE_AREA, sum * unitArea(values.length));
  // The facade gets what is left of the width once walls and core are paid for.
  const roomForFacade = maxWidth - 2 * WALL - CORE_WIDTH;
  const facadeUnitsWidth = Math.max(MIN_FACADE_WIDTH, Math.min(roomForFacade, Math.sqrt(area * FACADE_ASPECT)));
  const facadeHeight = Math.max(MIN_FACADE_HEIGHT, Math.ceil(area / facadeUnitsWidth));
  const width = Math.round(facadeUnitsWidth + 2 * WALL + CORE_WIDTH);

  const roof: Box = { x: 0, y: 0, width, height: ROOF_HEIGHT };
  const facade: Box = { x: 0, y: ROOF_HEIGHT, width, height: facadeHeight + 2 * WALL };
  const foundation: Box = { x: 0, y: facade.y + facade.height, width, height: FOUNDATION_HEIGHT };
  const inner = { x: WALL, y: facade.y + WALL, height: facadeHeight };
  const innerWidth = width - 2 * WALL - CORE_WIDTH;

  // With one tenant (or none) there is a single wing and the core stands at its side.
  const wings = assignWings(values.length);
  const items = values.map((value, index) => ({ index, value }));
  const left = items.filter((item) => wings[item.index] === 0);
  const right = items.filter((item) => wings[item.index] === 1);
  const leftSum = left.reduce((a, item) => a + item.value, 0);
  const leftWidth = right.length === 0 ? innerWidth : Math.round((innerWidth * leftSum) / sum);
  const core: Box = { x: inner.x + leftWidth, y: facade.y, width: CORE_WIDTH, height: facade.height };
  const boxes = new Map([
    ...tileWing({ ...inner, width: leftWidth }, left),
    ...tileWing({ ...inner, x: core.x + CORE_WIDTH, width: innerWidth - leftWidth }, right),
  ]);
  const units: Unit[] = tenants
    .map((tenant, index) => {
      const box = boxes.get(index) ?? { x: inner.x, y: inner.y, width: 0, height: 0 };
      return { tenant, unit: { id: tenant.id, name: tenant.name, ...box, label: unitLabel(tenant.name, box) } };
    })
    // Handed out by name, not by size: the DOM (and tab) order then never changes when a unit grows
    // past another, and a focused unit is never moved in the DOM (which would drop its focus).
    .sort((a, b) => byName(a.tenant, b.tenant))
    .map(({ unit }) => unit);

  const kernel = input.kernel === '' ? 'Host kernel' : `Kernel ${input.kernel}`;
  const shared = `shared by ${formatCount(tenants.length, 'apartment')}`;
  return {
    width,
    height: foundation.y + foundation.height,
    roof,
    facade,
    core,
    foundation,
    units,
    roofLabel: truncateToWidth(input.title, width - 16, 12),
    foundationLines: wrapToWidth(`${kernel} ${shared}`, width - 16, LABEL_FONT, 2),
  };
}
