import { describe, expect, it } from 'vitest';
import type { Box } from './box';
import { DOOR, FLOOR_GAP, FLOOR_LABEL_HEIGHT, FLOOR_MIN_HEIGHT, SUITE_STRIP_HEIGHT, assignWings, stackFloors, tile } from './floor-geometry';
import { groupFloors, type GroupedInput } from './floors';

type Sized = GroupedInput & { value: number };

const unit = (id: string, floor: string | null = null, pod: string | null = null, value = 1): Sized => ({
  id,
  name: id,
  floor,
  pod: pod === null ? null : { id: `pod-${pod}`, name: pod },
  value,
});

const INNER = { x: 6, y: 34, width: 300 };
const CORE = 24;
const stack = (units: Sized[], minHeight = 72, unitArea = 2496) => stackFloors(groupFloors(units), unitArea, INNER, CORE, minHeight);

const inside = (a: Box, b: Box): boolean => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('assignWings', () => {
  it.each([
    [0, []],
    [1, [0]],
    [2, [0, 1]],
    [5, [0, 1, 0, 1, 0]],
  ])('%i items → %j', (count, expected) => {
    expect(assignWings(count)).toEqual(expected);
  });
});

describe('tile', () => {
  it.each<[string, number[]]>([
    ['nothing', []],
    ['one fills the box', [1]],
    ['mixed sizes', [8, 4, 2, 1, 1]],
  ])('%s: every box inside, none overlapping', (_name, values) => {
    const box = { x: 10, y: 20, width: 120, height: 80 };
    const boxes = tile(box, values);
    expect(boxes).toHaveLength(values.length);
    for (const [i, b] of boxes.entries()) {
      expect(inside(b, box)).toBe(true);
      for (const c of boxes.slice(i + 1)) expect(overlaps(b, c)).toBe(false);
    }
    if (values.length === 1) expect(boxes[0]).toEqual(box);
  });
});

describe('stackFloors', () => {
  it.each<[string, Sized[], (string | null)[]]>([
    ['no project: one floor, no strip', [unit('a'), unit('b'), unit('c')], [null]],
    ['two projects and the rest', [unit('a', 'web'), unit('b', 'db'), unit('c'), unit('d', 'web')], ['db', 'web', null]],
    ['projects only', [unit('a', 'p'), unit('b', 'p')], ['p']],
    ['a pod on a project’s floor', [unit('a', 'p', 'pod'), unit('b', 'p', 'pod'), unit('c')], ['p', null]],
  ])('%s: floors top down, each unit inside its own floor below the strip, clear of the core', (_name, units, projects) => {
    const result = stack(units);
    expect(result.floors.map((f) => f.project)).toEqual(projects);
    const core = { x: INNER.x + result.leftWidth, y: INNER.y, width: CORE, height: result.height };
    let bottom = INNER.y - FLOOR_GAP;
    for (const floor of result.floors) {
      // Stacked with a slab between, the strip (a project's only) at the top of the band.
      expect(floor.band.y).toBe(bottom + FLOOR_GAP);
      bottom = floor.band.y + floor.band.height;
      expect(floor.strip?.height ?? 0).toBe(floor.project === null ? 0 : FLOOR_LABEL_HEIGHT);
      expect(floor.band.height).toBeGreaterThanOrEqual((floor.strip?.height ?? 0) + FLOOR_MIN_HEIGHT);
    }
    expect(bottom - INNER.y).toBe(result.height);
    for (const u of units) {
      const box = result.boxes.get(u.id)!;
      const floor = result.floors.find((f) => f.project === u.floor)!;
      const rooms = { ...floor.band, y: floor.band.y + (floor.strip?.height ?? 0), height: floor.band.height - (floor.strip?.height ?? 0) };
      expect(box.width * box.height).toBeGreaterThan(0);
      expect(inside(box, rooms)).toBe(true);
      expect(overlaps(box, core)).toBe(false);
    }
    const all = [...result.boxes.values()];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it('a building of a few tenants still stands at its least height, shared by the floors’ needs', () => {
    expect(stack([unit('a')], 133).height).toBe(133);
    // Exactly: a facade that keeps its size keeps its canvas when a container changes floors.
    expect(stack([unit('a', 'p'), unit('b')], 200).height).toBe(200);
    expect(stack([unit('a', 'p'), unit('b', 'q'), unit('c', null, 'pod'), unit('d')], 201).height).toBe(201);
  });

  it('an empty building: its least height, one wing', () => {
    expect(stack([], 72)).toMatchObject({ height: 72, leftWidth: INNER.width, floors: [] });
  });

  it('many tenants make their floors as tall as their area needs, not more than a row of rounding', () => {
    const units = Array.from({ length: 200 }, (_, i) => unit(`u${String(i).padStart(3, '0')}`, i < 50 ? 'p' : null));
    const result = stack(units, 72, 252);
    const area = 200 * 252;
    expect(result.height).toBeGreaterThanOrEqual(area / INNER.width);
    expect(result.height).toBeLessThan(area / INNER.width + 2 * (FLOOR_LABEL_HEIGHT + FLOOR_GAP + 2));
  });

  it('one item in all: a single wing, the core at its side', () => {
    expect(stack([unit('a', 'p')]).leftWidth).toBe(INNER.width);
  });

  it('a suite: its rooms together above its strip, the door on the strip, the pod named beside it', () => {
    const result = stack([unit('web', null, 'shop'), unit('worker', null, 'shop'), unit('alone')], 160);
    const [suite] = result.floors[0]!.suites;
    expect(suite).toMatchObject({ id: 'pod-shop', name: 'shop', label: 'shop' });
    const strip = { ...suite!.box, y: suite!.box.y + suite!.box.height - SUITE_STRIP_HEIGHT, height: SUITE_STRIP_HEIGHT };
    for (const id of ['web', 'worker']) {
      const room = result.boxes.get(id)!;
      expect(inside(room, suite!.box)).toBe(true);
      expect(overlaps(room, strip)).toBe(false);
    }
    expect(suite!.door).toMatchObject({ width: DOOR.width, height: DOOR.height });
    expect(inside(suite!.door!, strip)).toBe(true);
    expect(overlaps(result.boxes.get('alone')!, suite!.box)).toBe(false);
  });

  it('a suite too low for a strip: its rooms take it all, no door, no name', () => {
    // Hundreds of small units: a two-room suite is a couple of smallest units high.
    const units = [unit('r1', null, 'tiny'), unit('r2', null, 'tiny'), ...Array.from({ length: 300 }, (_, i) => unit(`u${i}`, null, null, 3))];
    const result = stack(units, 72, 60);
    const suite = result.floors[0]!.suites[0]!;
    expect(suite.box.height).toBeLessThan(SUITE_STRIP_HEIGHT + 10);
    expect(suite).toMatchObject({ door: null, label: '' });
    for (const id of ['r1', 'r2']) expect(inside(result.boxes.get(id)!, suite.box)).toBe(true);
  });

  it('suites are listed by pod name, whatever the treemap placed first', () => {
    const result = stack([unit('a', null, 'zeta', 1), unit('b', null, 'alpha', 8)]);
    expect(result.floors[0]!.suites.map((s) => s.name)).toEqual(['alpha', 'zeta']);
  });

  it('a project’s name is truncated to its wing', () => {
    const long = 'a-very-long-compose-project-name-that-cannot-fit-on-one-wing';
    const result = stack([unit('a', long), unit('b', long)]);
    const label = result.floors[0]!.label;
    expect(label.endsWith('…')).toBe(true);
    expect(long.startsWith(label.slice(0, -1))).toBe(true);
  });

  it('is the same for the same input: nothing depends on order or time', () => {
    const units = [unit('a', 'p', null, 4), unit('b', null, 'pod'), unit('c', null, 'pod', 2), unit('d', 'p'), unit('e')];
    const a = stack(units);
    const b = stack([...units].reverse());
    expect(b).toEqual(a);
  });
});
