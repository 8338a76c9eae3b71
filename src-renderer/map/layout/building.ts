/**
 * One apartment building per container engine. Its facade is a treemap of units, one per container,
 * each unit's area proportional to the container's memory (its limit where set, else what it uses).
 * Two wings flank a central core that carries the shared risers; a roof names the engine and a
 * foundation names the kernel every apartment shares. The containers of one Compose project live on a
 * floor of their own, labelled with the project; a Podman pod's containers are the rooms of one suite
 * (floors.ts groups them, floor-geometry.ts places them).
 *
 * Memory spans orders of magnitude (a 1 MiB idle shell next to an 8 GiB database), so small units are
 * raised to a floor: the facade's total area is capped at `spreadFor(n)` smallest units, which keeps
 * every unit at least UNIT_MIN_AREA px² (clickable) without letting one giant make the building huge.
 *
 * The layout depends only on what shapes the building (BuildingInput: each tenant's id, name, project,
 * pod and the memory its unit stands for, the kernel, the roof's words), never on live figures: CPU, the
 * risers and the windows' light are drawn on top of it each frame. Memory in use (a unit without a limit)
 * moves in quarter-octave steps with a margin, so use that wanders a little never rebuilds the facade.
 */
import type { Container } from '../../../src-main/contract';
import { formatCount } from '../../format/format';
import type { Box } from './box';
import { stackFloors, type PlacedFloor, type PlacedSuite } from './floor-geometry';
import { composeProject, groupFloors } from './floors';
import { CORE_WIDTH } from './risers';
import { approxTextWidth, truncateToWidth, wrapToWidth } from './text-fit';

export { assignWings, UNIT_GAP } from './floor-geometry';

/** Smallest unit, px² (gaps included): small enough for 500 units on one screen, big enough to point at. */
export const UNIT_MIN_AREA = 18 * 14;
/** A handful of tenants get roomier units, so a small building reads at a glance. */
const ROOMY_UNIT_AREA = 52 * 48;
const ROOMY_BUDGET = 36_000;
export const WALL = 6;
export const ROOF_HEIGHT = 28;
export const FOUNDATION_HEIGHT = 36;
export const MIN_FACADE_WIDTH = 150;
export const MIN_FACADE_HEIGHT = 72;
/** A building with one or two tenants still looks like a building. */
const BASE_FACADE_AREA = 220 * 120;
const FACADE_ASPECT = 1.5;
export const LABEL_FONT = 11;
export const ROOF_FONT = 12;
export const TAG_FONT = 10;
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

/** A pod's suite; its rooms are `units[start, end)`. */
export interface SuiteLayout extends PlacedSuite {
  start: number;
  end: number;
}

/** A floor; its units are `units[start, end)`: its suites' rooms first, from `loose` the rest. */
export interface FloorLayout extends Omit<PlacedFloor, 'suites'> {
  suites: SuiteLayout[];
  start: number;
  loose: number;
  end: number;
}

export interface BuildingLayout {
  width: number;
  height: number;
  roof: Box;
  facade: Box;
  core: Box;
  foundation: Box;
  /**
   * The DOM and tab order: floor by floor (top down), on each the suites' rooms (pods by name, rooms by
   * name), then the rest by name. Names, never sizes, so a unit does not move in the DOM as figures change.
   */
  units: Unit[];
  /** Top down: the projects' floors by name, then the floor of the containers of none (when there are any). */
  floors: FloorLayout[];
  /** What the roof says, truncated to fit, and where its middle is. */
  roofLabel: string;
  roofLabelX: number;
  /** A tag at the roof's right end (e.g. "unencrypted"), or null. */
  tag: { text: string; box: Box } | null;
  /** What the building is called for assistive technology: kind and version first, then the engine's name. */
  title: string;
  foundationLines: string[];
}

/** One tenant as far as the building's shape goes. */
export interface UnitInput {
  id: string;
  name: string;
  /** What the unit's area stands for (see unitMemory), bytes. */
  memory: number;
  /** Its Compose project (its floor), or null. */
  floor: string | null;
  /** Its Podman pod (its suite), or null. */
  pod: { id: string; name: string } | null;
}

/** Everything that shapes a building, and nothing else: the same input always gives the same layout. */
export interface BuildingInput {
  units: readonly UnitInput[];
  kernel: string;
  /** Kind, version and (Podman) mode for the roof, e.g. "Docker 26.1.5", "Podman 4.3.1 · rootless". */
  title: string;
  /** The engine's own name where it says more than its kind (e.g. "build box"), else null. */
  name?: string | null;
  /** A word for the roof's tag (e.g. "unencrypted"), or null. */
  tag?: string | null;
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
const samePod = (a: UnitInput['pod'], b: UnitInput['pod']): boolean => a === b || (a !== null && b !== null && a.id === b.id && a.name === b.name);

const sameUnitInput = (a: UnitInput, b: UnitInput): boolean =>
  a === b || (a.id === b.id && a.name === b.name && a.memory === b.memory && a.floor === b.floor && samePod(a.pod, b.pod));

export function buildingInput(
  containers: readonly Container[],
  hostMemoryBytes: number,
  kernel: string,
  title: string,
  previous: BuildingInput | null = null,
  name: string | null = null,
  tag: string | null = null,
): BuildingInput {
  const before = previous === null ? null : unitsOf(previous);
  return {
    units: containers.map((c) => {
      const old = before?.get(c.id);
      const memory = unitMemory(c, hostMemoryBytes, old?.memory);
      const floor = composeProject(c.labels);
      // The very object when nothing about the unit changed (the next comparison is then one `===`);
      // compared field by field first, so a frame of unchanged tenants allocates nothing here.
      if (old !== undefined && old.name === c.name && old.memory === memory && old.floor === floor && samePod(old.pod, c.pod)) return old;
      return { id: c.id, name: c.name, memory, floor, pod: c.pod };
    }),
    kernel,
    title,
    name,
    tag,
  };
}

/** Equal inputs, equal layouts: what the memo compares. */
export function sameBuildingInput(a: BuildingInput, b: BuildingInput): boolean {
  if (a.title !== b.title || (a.name ?? null) !== (b.name ?? null) || (a.tag ?? null) !== (b.tag ?? null) || a.kernel !== b.kernel || a.units.length !== b.units.length) return false;
  for (let i = 0; i < a.units.length; i += 1) if (!sameUnitInput(a.units[i]!, b.units[i]!)) return false;
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

/** The name written on a unit: truncated to fit, or '' on a unit too small to carry one. */
export function unitLabel(name: string, box: { width: number; height: number }): string {
  return box.width >= UNIT_NAME_MIN.width && box.height >= UNIT_NAME_MIN.height ? truncateToWidth(name, box.width - 8, UNIT_NAME_FONT) : '';
}

/** The riser's core box: through the whole core, from the foundation up to the roof (which carries the engine's name). */
export function riserCore(layout: BuildingLayout): Box {
  return { ...layout.core, height: layout.core.height + 4 };
}

export function layoutBuilding(input: BuildingInput, maxWidth: number): BuildingLayout {
  const values = unitValues(input.units.map((u) => u.memory));
  const sized = input.units.map((u, i) => ({ ...u, value: values[i] ?? 1 }));
  const sum = values.reduce((a, b) => a + b, 0);
  const area = Math.max(BASE_FACADE_AREA, sum * unitArea(values.length));
  // The facade gets what is left of the width once walls and core are paid for.
  const roomForFacade = maxWidth - 2 * WALL - CORE_WIDTH;
  const facadeUnitsWidth = Math.max(MIN_FACADE_WIDTH, Math.min(roomForFacade, Math.sqrt(area * FACADE_ASPECT)));
  const width = Math.round(facadeUnitsWidth + 2 * WALL + CORE_WIDTH);
  const innerWidth = width - 2 * WALL - CORE_WIDTH;
  const groups = groupFloors(sized);
  const stack = stackFloors(groups, unitArea(values.length), { x: WALL, y: ROOF_HEIGHT + WALL, width: innerWidth }, CORE_WIDTH, Math.max(MIN_FACADE_HEIGHT, Math.ceil(area / facadeUnitsWidth)));

  const roof: Box = { x: 0, y: 0, width, height: ROOF_HEIGHT };
  const facade: Box = { x: 0, y: ROOF_HEIGHT, width, height: stack.height + 2 * WALL };
  const foundation: Box = { x: 0, y: facade.y + facade.height, width, height: FOUNDATION_HEIGHT };
  const core: Box = { x: WALL + stack.leftWidth, y: facade.y, width: CORE_WIDTH, height: facade.height };

  // Floor by floor in the grouping's order, so the DOM reads as the building does.
  const units: Unit[] = [];
  const place = (tenant: { id: string; name: string }): void => {
    const box = stack.boxes.get(tenant.id) ?? { x: WALL, y: facade.y + WALL, width: 0, height: 0 };
    units.push({ id: tenant.id, name: tenant.name, ...box, label: unitLabel(tenant.name, box) });
  };
  const floors: FloorLayout[] = groups.map((group, i) => {
    const placed = stack.floors[i]!;
    const start = units.length;
    const suites = group.suites.map((suite, j) => {
      const from = units.length;
      suite.units.forEach(place);
      return { ...placed.suites[j]!, start: from, end: units.length };
    });
    const loose = units.length;
    group.units.forEach(place);
    return { ...placed, suites, start, loose, end: units.length };
  });

  const kernel = input.kernel === '' ? 'Host kernel' : `Kernel ${input.kernel}`;
  const shared = `shared by ${formatCount(units.length, 'apartment')}`;
  const name = input.name ?? null;
  const tagText = input.tag ?? null;
  const tagWidth = tagText === null ? 0 : Math.ceil(approxTextWidth(tagText, TAG_FONT)) + 10;
  const tag = tagText === null ? null : { text: tagText, box: { x: width - 8 - tagWidth, y: ROOF_HEIGHT - 20, width: tagWidth, height: 15 } };
  // The roof's words stand in the middle of what the tag leaves.
  const roofRoom = width - 16 - (tag === null ? 0 : tagWidth + 6);
  return {
    width,
    height: foundation.y + foundation.height,
    roof,
    facade,
    core,
    foundation,
    units,
    floors,
    roofLabel: truncateToWidth(name === null ? input.title : `${name} · ${input.title}`, roofRoom, ROOF_FONT),
    roofLabelX: 8 + roofRoom / 2,
    tag,
    title: name === null ? input.title : `${input.title} “${name}”`,
    foundationLines: wrapToWidth(`${kernel} ${shared}`, width - 16, LABEL_FONT, 2),
  };
}
