import { describe, expect, it } from 'vitest';
import type { Container } from '../../src-main/contract';
import { GiB, MiB, makeContainer, makeStats } from '../testing/make';
import { repaintPlan, unitPaint, type Painted } from './facade-plan';
import { LIGHT_LEVELS } from './palette';
import { buildingInput, keepUnchangedUnits, layoutBuilding, type BuildingLayout, type Unit } from './layout/building';

const unit = (p: Partial<Unit> = {}): Unit => ({ id: 'c1', name: 'web', label: 'web', x: 0, y: 0, width: 50, height: 30, ...p });

describe('unitPaint', () => {
  it.each<[string, Container | undefined, Unit, Partial<ReturnType<typeof unitPaint>>]>([
    ['running, half a core of one', makeContainer({ stats: makeStats({ cpuCores: 0.5 }) }), unit(), { look: 'lit', level: LIGHT_LEVELS / 2, label: 'web', pauseMark: false }],
    ['running against its CPU limit', makeContainer({ cpuLimitCores: 0.25, stats: makeStats({ cpuCores: 0.25 }) }), unit(), { look: 'lit', level: LIGHT_LEVELS }],
    ['restarting: lit, with the warning outline', makeContainer({ state: 'restarting' }), unit(), { look: 'lit', restarting: true }],
    ['paused: the mark instead of the name', makeContainer({ state: 'paused' }), unit(), { look: 'paused', pauseMark: true, label: '' }],
    ['paused on a tiny unit: no room for the mark', makeContainer({ state: 'paused' }), unit({ width: 10, height: 8, label: '' }), { look: 'paused', pauseMark: false }],
    ['exited', makeContainer({ state: 'exited' }), unit(), { look: 'dark', level: 0, label: 'web' }],
    ['created', makeContainer({ state: 'created' }), unit(), { look: 'new' }],
    ['not in the frame', undefined, unit(), { look: 'dark', label: '' }],
  ])('%s', (_name, container, u, expected) => {
    expect(unitPaint(u, container)).toMatchObject(expected);
  });
});

describe('repaintPlan', () => {
  const cpu = (id: string, cpuCores: number) => makeContainer({ id, stats: makeStats({ cpuCores }) });
  const a = cpu('a', 0.5);
  const b = cpu('b', 0.5);
  const facade = { x: 0, y: 0, width: 200, height: 100 };
  const layout = { facade, units: [unit({ id: 'a' }), unit({ id: 'b', x: 60 })] } as BuildingLayout;
  const list = (...cs: Container[]) => cs;
  const painted: Painted = { layout, containers: new Map([a, b].map((c) => [c.id, c])), paints: new Map(layout.units.map((u) => [u.id, unitPaint(u, a)])) };

  it.each<[string, Parameters<typeof repaintPlan>, 'all' | string[]]>([
    ['nothing painted yet', [null, layout, list(a, b)], 'all'],
    ['a facade of another size', [painted, { ...layout, facade: { ...facade, height: 120 } }, list(a, b)], 'all'],
    ['laid out again, nothing moved', [painted, { ...layout }, list(a, b)], []],
    ['the same containers: nothing, not even looked at', [painted, layout, list(a, b)], []],
    ['one busier: repainted', [painted, layout, list(a, cpu('b', 1))], ['b']],
    ['one changed by less than a light step: a new object, the same picture (remembered, not painted)', [painted, layout, list(a, cpu('b', 0.5 + 0.2 / LIGHT_LEVELS))], []],
    ['one changed where the picture does not show it (memory)', [painted, layout, list({ ...a, stats: makeStats({ cpuCores: 0.5, memoryUsedBytes: 1e9 }) }, b)], []],
    ['one stopped', [painted, layout, list(a, { ...b, state: 'exited', stats: null })], ['b']],
  ])('%s', (_name, args, expected) => {
    const result = repaintPlan(...args);
    expect(result === 'all' ? 'all' : result.paint.map((r) => r.unit.id)).toEqual(expected);
  });

  it('laid out again: clears where a moved unit stood and paints it where it stands now, leaving the rest', () => {
    const moved = unit({ id: 'b', x: 120 });
    const plan = repaintPlan(painted, { ...layout, units: [layout.units[0]!, moved] }, list(a, b));
    expect(plan).toEqual({ clear: [layout.units[1]], paint: [{ unit: moved, paint: unitPaint(moved, b), container: b }], same: [] });
  });
});

describe('repaintPlan across floors', () => {
  // Four containers with fixed limits; one joins a Compose project, which gives it a floor of its own
  // (and moves those whose places change with it). The plan clears where the moved units stood and
  // paints them where they stand, and leaves the others alone.
  const containers = ['a', 'b', 'c', 'd'].map((id) => makeContainer({ id, name: id, memoryLimitBytes: 64 * MiB, stats: makeStats({ cpuCores: 0.2 }) }));
  const layoutOf = (cs: Container[], previous: BuildingLayout | null) =>
    keepUnchangedUnits(previous, layoutBuilding(buildingInput(cs, 4 * GiB, '6.1', 'Docker 26.1.5'), 900));

  it('a container that moves to its project’s floor is cleared where it stood and painted where it stands', () => {
    const before = layoutOf(containers, null);
    const joined = containers.map((c) => (c.id === 'd' ? { ...c, labels: { 'com.docker.compose.project': 'shop' } } : c));
    const after = layoutOf(joined, before);
    expect(after.floors.map((f) => f.project)).toEqual(['shop', null]);
    const painted: Painted = { layout: before, containers: new Map(containers.map((c) => [c.id, c])), paints: new Map(before.units.map((u) => [u.id, unitPaint(u, containers[0])])) };
    const plan = repaintPlan(painted, after, joined);
    // A building this small stands at its least height whatever its floors: the facade keeps its size.
    expect(after.facade).toEqual(before.facade);
    if (plan === 'all') throw new Error('expected only the moved units to be repainted');
    const moved = after.units.filter((u) => !before.units.includes(u)).map((u) => u.id);
    expect(moved).toContain('d');
    expect(plan.paint.map((p) => p.unit.id).sort()).toEqual(moved.sort());
    expect(plan.clear).toHaveLength(moved.length);
    expect(before.units.filter((u) => plan.clear.includes(u)).map((u) => u.id).sort()).toEqual(moved.sort());
  });
});
