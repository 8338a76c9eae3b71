import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src-main/contract';
import { GiB, MiB, makeContainer, makeStats } from '../../testing/make';
import {
  FOUNDATION_HEIGHT,
  MIN_FACADE_WIDTH,
  ROOF_FONT,
  ROOF_HEIGHT,
  UNIT_GAP,
  UNIT_MIN_AREA,
  USE_STEP_MARGIN,
  buildingInput,
  keepUnchangedUnits,
  sameBuildingInput,
  layoutBuilding,
  assignWings,
  spreadFor,
  steppedUse,
  unitArea,
  unitLabel,
  unitMemory,
  unitValues,
} from './building';
import { CORE_WIDTH } from './risers';
import { approxTextWidth } from './text-fit';

const input = (containers: Container[], previous: ReturnType<typeof buildingInput> | null = null) =>
  buildingInput(containers, 4 * GiB, '6.1.0-28-amd64', 'Docker 26.1.5', previous);

/** A deterministic spread of containers: mixed limits, use, states and huge outliers. */
function many(n: number): Container[] {
  const states = ['running', 'running', 'running', 'paused', 'exited', 'created'] as const;
  return Array.from({ length: n }, (_, i) =>
    makeContainer({
      id: `id-${i}`,
      name: `c-${String(i).padStart(3, '0')}`,
      state: states[i % states.length] ?? 'running',
      memoryLimitBytes: i % 7 === 0 ? (i % 2 === 0 ? 8 * GiB : 64 * MiB) : null,
      stats: i % 3 === 0 ? null : makeStats({ memoryUsedBytes: ((i * 37) % 200) * MiB + 300 * 1024 }),
    }),
  );
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A quarter-octave step: 2^(n/4) bytes. */
const step = (n: number): number => 2 ** (n / 4);

describe('steppedUse', () => {
  it.each<[string, number, number | undefined, number]>([
    ['on a step', 64 * MiB, undefined, 64 * MiB],
    ['to the nearest quarter octave', 10 * MiB, undefined, step(93)],
    ['nothing used', 0, undefined, 0],
    ['NaN', Number.NaN, undefined, 0],
    ['a little above the step held: stays', 64 * MiB * 1.1, 64 * MiB, 64 * MiB],
    ['past the half-way mark but inside the margin: stays', 64 * MiB * 2 ** ((0.5 + USE_STEP_MARGIN - 0.05) / 4), 64 * MiB, 64 * MiB],
    ['past the margin: moves to its own step', 64 * MiB * 2 ** ((0.5 + USE_STEP_MARGIN + 0.05) / 4), 64 * MiB, step(105)],
    ['below, past the margin', 64 * MiB * 2 ** (-(0.5 + USE_STEP_MARGIN + 0.05) / 4), 64 * MiB, step(103)],
    ['a big change moves at once', 512 * MiB, 64 * MiB, 512 * MiB],
  ])('%s', (_name, bytes, previous, expected) => {
    expect(steppedUse(bytes, previous)).toBeCloseTo(expected, 0);
  });
});

describe('unitMemory', () => {
  it.each([
    ['limit wins over use', makeContainer({ memoryLimitBytes: 64 * MiB, stats: makeStats({ memoryUsedBytes: 10 * MiB }) }), 64 * MiB],
    ['use when unlimited, in steps', makeContainer({ stats: makeStats({ memoryUsedBytes: 10 * MiB }) }), step(93)],
    ['nothing known', makeContainer({ state: 'exited' }), 0],
    ['limit above the host is the host', makeContainer({ memoryLimitBytes: 64 * GiB }), 4 * GiB],
  ])('%s', (_name, container, expected) => {
    expect(unitMemory(container, 4 * GiB)).toBeCloseTo(expected, 0);
  });

  it('a stopped container keeps the size it had', () => {
    expect(unitMemory(makeContainer({ state: 'exited', stats: null }), 4 * GiB, 64 * MiB)).toBe(64 * MiB);
  });
});

describe('buildingInput and its key', () => {
  const base = [
    makeContainer({ id: 'a', name: 'api', memoryLimitBytes: 64 * MiB, stats: makeStats({ cpuCores: 0.1, memoryUsedBytes: 20 * MiB }) }),
    makeContainer({ id: 'b', name: 'db', stats: makeStats({ cpuCores: 0.2, memoryUsedBytes: 300 * MiB }) }),
  ];
  const differs = (containers: Container[]) => !sameBuildingInput(input(containers, input(base)), input(base));
  const change = (i: number, p: Partial<Container>) => base.map((c, j) => (j === i ? { ...c, ...p } : c));
  const stats = (i: number, p: Partial<NonNullable<Container['stats']>>) => change(i, { stats: { ...base[i]!.stats!, ...p } });

  it.each<[string, Container[], boolean]>([
    ['CPU changed', stats(0, { cpuCores: 0.9 }), false],
    ['network and pids changed', stats(1, { netRxBytesPerSec: 1e6, pids: 40 }), false],
    ['memory use changed where a limit sizes the unit', stats(0, { memoryUsedBytes: 60 * MiB }), false],
    ['memory use wandered 3 % (no limit)', stats(1, { memoryUsedBytes: 309 * MiB }), false],
    ['an action started on it', change(0, { activity: { label: 'Stopping', action: 'container:stop', since: 0, queued: 0 } }), false],
    ['memory use doubled (no limit)', stats(1, { memoryUsedBytes: 600 * MiB }), true],
    ['a limit set', change(1, { memoryLimitBytes: 2 * GiB }), true],
    ['renamed', change(0, { name: 'api-2' }), true],
    ['a container added', [...base, makeContainer({ id: 'c', name: 'c' })], true],
    ['a container removed', base.slice(1), true],
    ['stopped: keeps its size (no limit, no figures)', change(1, { state: 'exited', stats: null }), false],
    ['joined a Compose project', change(0, { labels: { 'com.docker.compose.project': 'shop' } }), true],
    ['another label', change(0, { labels: { 'com.example.role': 'api' } }), false],
    ['joined a pod', change(1, { pod: { id: 'p1', name: 'shop' } }), true],
    ['the same pod as a new object', change(1, { pod: { id: 'p1', name: 'shop' } }), true],
  ])('%s → layout again: %s', (_name, next, changes) => {
    expect(differs(next)).toBe(changes);
  });

  it('a pod that is a new object but the same pod changes nothing', () => {
    const inPod = change(1, { pod: { id: 'p1', name: 'shop' } });
    const first = input(inPod);
    const again = input(change(1, { pod: { id: 'p1', name: 'shop' } }), first);
    expect(sameBuildingInput(again, first)).toBe(true);
    expect(again.units[1]).toBe(first.units[1]);
  });

  it('the engine’s name is part of the key', () => {
    const named = buildingInput(base, 4 * GiB, '6.1.0-28-amd64', 'Docker 26.1.5', null, 'build box');
    expect(sameBuildingInput(named, input(base))).toBe(false);
  });

  it('keeps an unchanged unit’s input as the very object', () => {
    const first = input(base);
    const second = input(stats(0, { cpuCores: 0.7 }), first);
    expect(second.units[0]).toBe(first.units[0]);
    expect(second.units[1]).toBe(first.units[1]);
  });

  it('keeps a unit on its step while its use jitters around a step boundary', () => {
    // 2^(93.5/4) bytes sits on the boundary between two steps: ±2 % must not flip the unit.
    const boundary = 2 ** (93.5 / 4);
    let previous = input([makeContainer({ id: 'x', stats: makeStats({ memoryUsedBytes: boundary * 1.001 }) })]);
    const first = previous.units[0]?.memory;
    for (const wobble of [0.98, 1.02, 0.99, 1.01, 0.985]) {
      previous = input([makeContainer({ id: 'x', stats: makeStats({ memoryUsedBytes: boundary * wobble }) })], previous);
      expect(previous.units[0]?.memory).toBe(first);
    }
  });
});

describe('unitArea', () => {
  it.each([
    [0, 52 * 48],
    [1, 52 * 48],
    [9, 52 * 48],
    [50, 720],
    [500, UNIT_MIN_AREA],
    [5000, UNIT_MIN_AREA],
  ])('%i tenants → %i px²', (count, expected) => {
    expect(unitArea(count)).toBe(expected);
  });
});

describe('unitValues', () => {
  it.each([
    ['empty', [], []],
    ['all unknown are equal', [0, 0, 0], [1, 1, 1]],
    ['proportional when the spread is small', [10, 20, 40], [1, 2, 4]],
    ['zero raised to the smallest known', [0, 10, 20], [1, 1, 2]],
  ])('%s', (_name, memories, expected) => {
    expect(unitValues(memories)).toEqual(expected);
  });

  it('caps a huge outlier so the building stays bounded', () => {
    const values = unitValues([1, 1, 1, 1e9]);
    expect(Math.min(...values)).toBe(1);
    expect(values.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(spreadFor(4) + 1e-6);
    // Order of sizes is kept: the giant is still the largest.
    expect(values[3]).toBeGreaterThan(values[0] ?? 0);
  });
});

describe('assignWings', () => {
  it.each([
    [0, []],
    [1, [0]],
    [2, [0, 1]],
    [5, [0, 1, 0, 1, 0]],
  ])('%i units → %j', (count, expected) => {
    expect(assignWings(count)).toEqual(expected);
  });
});

describe('unitLabel', () => {
  it.each([
    ['fits', 'web', { width: 60, height: 20 }, 'web'],
    ['truncated to the unit', 'a-very-long-container-name', { width: 60, height: 20 }, 'a-very-…'],
    ['too narrow for a name', 'web', { width: 39, height: 20 }, ''],
    ['too low for a name', 'web', { width: 60, height: 17 }, ''],
  ])('%s', (_name, name, box, expected) => {
    expect(unitLabel(name, box)).toBe(expected);
  });
});

describe('layoutBuilding', () => {
  it.each([0, 1, 2, 6, 500])('%i containers: every unit placed, inside its wing, none overlapping', (n) => {
    const layout = layoutBuilding(input(many(n)), 900);
    expect(layout.units).toHaveLength(n);
    expect(layout.width).toBeLessThanOrEqual(900);
    expect(layout.height).toBe(ROOF_HEIGHT + layout.facade.height + FOUNDATION_HEIGHT);
    for (const u of layout.units) {
      expect(u.x).toBeGreaterThanOrEqual(layout.facade.x);
      expect(u.x + u.width).toBeLessThanOrEqual(layout.facade.x + layout.facade.width);
      expect(u.y).toBeGreaterThanOrEqual(layout.facade.y);
      expect(u.y + u.height).toBeLessThanOrEqual(layout.facade.y + layout.facade.height);
      expect(overlaps(u, layout.core)).toBe(false);
    }
    if (n <= 50) {
      for (const [i, a] of layout.units.entries()) {
        for (const b of layout.units.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
    }
  });

  it.each([1, 6, 500])('%i containers: the smallest unit stays clickable', (n) => {
    const { units } = layoutBuilding(input(many(n)), 900);
    for (const u of units) {
      // Gaps between units eat into the minimum; rounding costs up to a pixel more per side.
      expect((u.width + UNIT_GAP) * (u.height + UNIT_GAP)).toBeGreaterThanOrEqual(UNIT_MIN_AREA * 0.6);
      expect(Math.min(u.width, u.height)).toBeGreaterThanOrEqual(6);
    }
  });

  it('an empty building still stands, with the core and foundation', () => {
    const layout = layoutBuilding(input([]), 900);
    expect(layout.units).toEqual([]);
    expect(layout.width).toBeGreaterThanOrEqual(MIN_FACADE_WIDTH + CORE_WIDTH);
    expect(layout.foundationLines.join(' ')).toBe('Kernel 6.1.0-28-amd64 shared by 0 apartments');
  });

  it('one container: a single wing, the core at its side', () => {
    const layout = layoutBuilding(input([makeContainer({ id: 'only' })]), 900);
    const [unit] = layout.units;
    expect(unit?.id).toBe('only');
    expect(layout.core.x).toBeGreaterThanOrEqual((unit?.x ?? 0) + (unit?.width ?? 0));
  });

  it('memory decides area: a 256 MiB limit gets about four times a 64 MiB one', () => {
    const layout = layoutBuilding(
      input([
        makeContainer({ id: 'a', name: 'a', memoryLimitBytes: 64 * MiB }),
        makeContainer({ id: 'b', name: 'b', memoryLimitBytes: 64 * MiB }),
        makeContainer({ id: 'c', name: 'c', memoryLimitBytes: 256 * MiB }),
      ]),
      900,
    );
    const area = (id: string): number => {
      const u = layout.units.find((x) => x.id === id);
      return ((u?.width ?? 0) + UNIT_GAP) * ((u?.height ?? 0) + UNIT_GAP);
    };
    expect(area('c') / area('a')).toBeGreaterThan(2.5);
    expect(area('c') / area('a')).toBeLessThan(5.5);
  });

  it('500 containers fit a narrow window by growing taller, not wider', () => {
    const layout = layoutBuilding(input(many(500)), 400);
    expect(layout.width).toBeLessThanOrEqual(400);
    expect(layout.facade.height).toBeGreaterThan(layout.facade.width);
  });

  it('hands units out in name order, whatever their size', () => {
    const layout = layoutBuilding(
      input([
        makeContainer({ id: 'z', name: 'zeta', memoryLimitBytes: 8 * MiB }),
        makeContainer({ id: 'a', name: 'alpha', memoryLimitBytes: 1 * MiB }),
        makeContainer({ id: 'm', name: 'mid', memoryLimitBytes: 64 * MiB }),
      ]),
      900,
    );
    expect(layout.units.map((u) => u.id)).toEqual(['a', 'm', 'z']);
  });

  it('labels the foundation with the shared kernel and the roof with the engine', () => {
    const layout = layoutBuilding(input(many(3)), 900);
    expect(layout.roofLabel).toBe('Docker 26.1.5');
    expect(layout.foundationLines.join(' ')).toBe('Kernel 6.1.0-28-amd64 shared by 3 apartments');
    expect(layoutBuilding({ ...input(many(1)), kernel: '' }, 900).foundationLines.join(' ')).toBe(
      'Host kernel shared by 1 apartment',
    );
  });

  it('keeps every unit in place when only figures change: CPU, and memory use that wanders a little', () => {
    const before = many(20);
    const first = input(before);
    const after = before.map((c) => ({ ...c, stats: c.stats && { ...c.stats, cpuCores: 0.9, memoryUsedBytes: c.stats.memoryUsedBytes * 1.01 } }));
    expect(layoutBuilding(input(after, first), 900)).toEqual(layoutBuilding(first, 900));
  });

  it('laid out again, a unit that did not move is the very object it was', () => {
    const containers = Array.from({ length: 4 }, (_, i) => makeContainer({ id: `c${i}`, name: `c${i}`, memoryLimitBytes: 64 * MiB }));
    const first = layoutBuilding(input(containers), 900);
    // Renaming the last one changes its label, and nothing else.
    const renamed = containers.map((c, i) => (i === 3 ? { ...c, name: 'c3-renamed' } : c));
    const second = keepUnchangedUnits(first, layoutBuilding(input(renamed), 900));
    const moved = second.units.filter((u, i) => u !== first.units[i]).map((u) => u.id);
    expect(moved).toEqual(['c3']);
  });

  it('names the engine on the roof when it has a name of its own; the title says kind and version first', () => {
    const layout = layoutBuilding({ ...input(many(3)), name: 'build <box>' }, 900);
    expect(layout.roofLabel).toBe('build <box> · Docker 26.1.5');
    expect(layout.title).toBe('Docker 26.1.5 “build <box>”');
    expect(layoutBuilding(input(many(3)), 900).title).toBe('Docker 26.1.5');
  });

  it('a roof tag stands at the roof’s right end; the roof’s words keep clear of it', () => {
    const plain = layoutBuilding(input(many(3)), 900);
    const tagged = layoutBuilding({ ...input(many(3)), name: 'a rather long engine name for a small roof', tag: 'unencrypted' }, 900);
    expect(plain.tag).toBeNull();
    const tag = tagged.tag!;
    expect(tag.text).toBe('unencrypted');
    expect(tag.box.x + tag.box.width).toBeLessThanOrEqual(tagged.width);
    expect(tag.box.y + tag.box.height).toBeLessThanOrEqual(tagged.roof.height);
    // The label, centred at roofLabelX, ends before the tag begins.
    expect(tagged.roofLabelX + approxTextWidth(tagged.roofLabel, ROOF_FONT) / 2).toBeLessThanOrEqual(tag.box.x);
    expect(plain.roofLabelX).toBe(plain.width / 2);
  });

  it('writes each name where it fits', () => {
    const layout = layoutBuilding(input([makeContainer({ id: 'a', name: 'web', memoryLimitBytes: 64 * MiB })]), 900);
    expect(layout.units[0]).toMatchObject({ id: 'a', name: 'web', label: 'web' });
  });
});

describe('layoutBuilding: floors and suites', () => {
  const project = (name: string) => ({ 'com.docker.compose.project': name });
  const containers = [
    makeContainer({ id: 'w1', name: 'shop-web-1', labels: project('shop'), memoryLimitBytes: 64 * MiB }),
    makeContainer({ id: 'd1', name: 'shop-db-1', labels: project('shop'), memoryLimitBytes: 256 * MiB }),
    makeContainer({ id: 'b1', name: 'blog-1', labels: project('blog') }),
    makeContainer({ id: 'p2', name: 'pod-worker', pod: { id: 'pod', name: 'pod' } }),
    makeContainer({ id: 'p1', name: 'pod-web', pod: { id: 'pod', name: 'pod' } }),
    makeContainer({ id: 'x', name: 'alone' }),
  ];

  it('one floor per project (by name), the rest below; units in floor, suite, name order', () => {
    const layout = layoutBuilding(input(containers), 900);
    expect(layout.floors.map((f) => [f.project, f.label])).toEqual([
      ['blog', 'blog'],
      ['shop', 'shop'],
      [null, ''],
    ]);
    expect(layout.units.map((u) => u.id)).toEqual(['b1', 'd1', 'w1', 'p1', 'p2', 'x']);
    const ids = (from: number, to: number) => layout.units.slice(from, to).map((u) => u.id);
    const [blog, shop, rest] = layout.floors;
    expect(ids(blog!.start, blog!.end)).toEqual(['b1']);
    expect(ids(shop!.start, shop!.end)).toEqual(['d1', 'w1']);
    expect(rest!.suites.map((s) => [s.name, ids(s.start, s.end)])).toEqual([['pod', ['p1', 'p2']]]);
    expect(ids(rest!.loose, rest!.end)).toEqual(['x']);
  });

  it('each unit stands on its own floor, inside the facade, clear of the core and of the others', () => {
    const layout = layoutBuilding(input([...containers, ...many(40)]), 700);
    for (const floor of layout.floors) {
      for (const u of layout.units.slice(floor.start, floor.end)) {
        expect(u.y).toBeGreaterThanOrEqual(floor.band.y + (floor.strip?.height ?? 0));
        expect(u.y + u.height).toBeLessThanOrEqual(floor.band.y + floor.band.height);
        expect(overlaps(u, layout.core)).toBe(false);
      }
    }
    const last = layout.floors.at(-1)!;
    expect(last.band.y + last.band.height).toBeLessThanOrEqual(layout.facade.y + layout.facade.height);
    for (const [i, a] of layout.units.entries()) for (const b of layout.units.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it('the core runs through every floor', () => {
    const layout = layoutBuilding(input(containers), 900);
    expect(layout.core.y).toBe(layout.facade.y);
    expect(layout.core.height).toBe(layout.facade.height);
  });

  it('figures alone never move a unit to another floor or place', () => {
    const first = input(containers);
    const busy = containers.map((c) => ({ ...c, stats: makeStats({ cpuCores: 0.9 }) }));
    expect(layoutBuilding(input(busy, first), 900)).toEqual(layoutBuilding(first, 900));
  });

  it('a project’s name is drawn as given, markup and all (it is text)', () => {
    const layout = layoutBuilding(input([makeContainer({ id: 'a', labels: project('<img src=x>') })]), 900);
    expect(layout.floors[0]?.label).toBe('<img src=x>');
  });
});
