import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src-main/contract';
import { GiB, MiB, makeContainer, makeEngine, makeHost, makeStats, makeVm } from '../../testing/make';
import { LayoutMemo } from './memo';
import { GROUND_HEIGHT, PLOT_GAP, ROAD_HEIGHT, ROW_GAP, STREET_PADDING, flowPlots, layoutStreet, planPlots } from './street';

describe('flowPlots', () => {
  it.each([
    ['nothing', [], 500, [], 0],
    ['one', [{ width: 100, height: 50 }], 500, [{ x: 0, y: 0 }], 50],
    [
      'two on one row, bottom aligned',
      [
        { width: 100, height: 50 },
        { width: 100, height: 80 },
      ],
      500,
      [
        { x: 0, y: 30 },
        { x: 100 + PLOT_GAP, y: 0 },
      ],
      80,
    ],
    [
      'wraps when the next does not fit',
      [
        { width: 300, height: 50 },
        { width: 300, height: 40 },
      ],
      500,
      [
        { x: 0, y: 0 },
        { x: 0, y: 50 + ROW_GAP },
      ],
      50 + ROW_GAP + 40,
    ],
    ['a plot wider than the street gets a row of its own', [{ width: 900, height: 10 }], 500, [{ x: 0, y: 0 }], 10],
  ])('%s', (_name, sizes, width, positions, height) => {
    const flow = flowPlots(sizes, width);
    expect(flow.positions).toEqual(positions);
    expect(flow.height).toBe(height);
  });
});

const docker = (containers: Container[] = []) => makeEngine({ id: 'docker:/s', containers });
const libvirt = (p = {}) => makeEngine({ id: 'libvirt:qemu:///system', kind: 'libvirt', endpoint: 'qemu:///system', version: '9.0.0', ...p });

describe('planPlots', () => {
  it.each([
    ['no engines', [], []],
    ['docker connected, empty: a building still stands', [docker()], ['building']],
    ['docker with containers', [docker([makeContainer()])], ['building']],
    ['docker unreachable: a sign', [makeEngine({ status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt: null } })], ['sign']],
    ['docker connecting: a sign', [makeEngine({ status: { state: 'connecting' } })], ['sign']],
    ['libvirt unavailable: a sign', [libvirt({ status: { state: 'unavailable', reason: 'no libvirt' } })], ['sign']],
    ['libvirt with no VMs: an empty lot', [libvirt()], ['sign']],
    ['houses after the building, whatever the engine order', [libvirt({ vms: [makeVm({ uuid: 'b', name: 'b' }), makeVm({ uuid: 'a', name: 'a' })] }), docker()], ['building', 'house', 'house']],
  ])('%s', (_name, engines, kinds) => {
    expect(planPlots(makeHost({ engines }), 1000).map((p) => p.kind)).toEqual(kinds);
  });

  it('houses are ordered by name and keyed by engine and uuid', () => {
    const plots = planPlots(makeHost({ engines: [libvirt({ vms: [makeVm({ uuid: 'u2', name: 'zeta' }), makeVm({ uuid: 'u1', name: 'alpha' })] })] }), 1000);
    expect(plots.map((p) => p.key)).toEqual(['vm:libvirt:qemu:///system:u1', 'vm:libvirt:qemu:///system:u2']);
  });
});

describe('layoutStreet', () => {
  const host = makeHost({
    memoryBytes: 4 * GiB,
    engines: [
      docker(Array.from({ length: 8 }, (_, i) => makeContainer({ id: `c${i}`, name: `c${i}`, memoryLimitBytes: 64 * MiB }))),
      libvirt({ vms: [makeVm({ uuid: 'a', name: 'a', vcpus: 2 }), makeVm({ uuid: 'b', name: 'b', vcpus: 4, memoryBytes: GiB })] }),
    ],
  });

  it.each([1200, 700, 320])('at %ipx every plot stays on the street, above the road', (width) => {
    const street = layoutStreet(host, width);
    for (const plot of street.plots) {
      expect(plot.x).toBeGreaterThanOrEqual(STREET_PADDING);
      expect(plot.y).toBeGreaterThanOrEqual(STREET_PADDING);
      expect(plot.y + plot.height).toBeLessThanOrEqual(street.roadY);
    }
    expect(street.groundY).toBe(street.roadY + ROAD_HEIGHT);
    expect(street.height).toBe(street.groundY + GROUND_HEIGHT);
    expect(street.width).toBeGreaterThanOrEqual(width);
  });

  it('a wide window puts everything on one row; a narrow one wraps', () => {
    expect(layoutStreet(host, 1400).baselines).toHaveLength(1);
    expect(layoutStreet(host, 500).baselines.length).toBeGreaterThan(1);
  });

  it('a host with no engines is just the road and the ground', () => {
    const street = layoutStreet(makeHost(), 800);
    expect(street.plots).toEqual([]);
    expect(street.roadY).toBe(STREET_PADDING);
  });
});

describe('layoutStreet with a memo kept across frames', () => {
  const containers = (cpu: number, extra: Container[] = []) => [
    ...Array.from({ length: 30 }, (_, i) => makeContainer({ id: `c${i}`, name: `c${i}`, stats: makeStats({ cpuCores: cpu, memoryUsedBytes: (i + 1) * 10 * MiB }) })),
    ...extra,
  ];
  const vm = (p = {}) => makeVm({ uuid: 'a', name: 'a', vcpus: 2, cpuCores: 0.5, ...p });
  const host = (cpu: number, p: { extra?: Container[]; vm?: Partial<ReturnType<typeof makeVm>>; width?: number } = {}) =>
    makeHost({ engines: [docker(containers(cpu, p.extra)), libvirt({ vms: [vm(p.vm)] })] });

  it.each<[string, ReturnType<typeof makeHost>, number, boolean]>([
    ['only figures changed (CPU, VM CPU and memory used)', host(0.9, { vm: { cpuCores: 1.7, memoryUsedBytes: 99 * MiB } }), 1200, true],
    ['a VM paused', host(0.1, { vm: { state: 'paused' } }), 1200, true],
    ['a container added', host(0.1, { extra: [makeContainer({ id: 'new', name: 'new' })] }), 1200, false],
    ['a VM given more memory', host(0.1, { vm: { memoryBytes: GiB } }), 1200, false],
    ['the window resized', host(0.1), 900, false],
  ])('%s → the same street object: %s', (_name, next, width, same) => {
    const memo = new LayoutMemo();
    const first = layoutStreet(host(0.1), 1200, memo);
    expect(layoutStreet(next, width, memo) === first).toBe(same);
  });

  it('lays out only what changed: adding a container re-lays out its building, not the houses', () => {
    const memo = new LayoutMemo();
    const first = layoutStreet(host(0.1), 1200, memo);
    const computed = memo.computed;
    const second = layoutStreet(host(0.2, { extra: [makeContainer({ id: 'new', name: 'new' })] }), 1200, memo);
    // The building and the street; the house is reused.
    expect(memo.computed - computed).toBe(2);
    expect(second.plots.find((p) => p.kind === 'house')?.layout).toBe(first.plots.find((p) => p.kind === 'house')?.layout);
    expect(second.plots.find((p) => p.kind === 'building')?.layout).not.toBe(first.plots.find((p) => p.kind === 'building')?.layout);
  });

  it('laid out again, a plot that did not move is the very object it was', () => {
    const memo = new LayoutMemo();
    const first = layoutStreet(host(0.1), 1200, memo);
    const second = layoutStreet(host(0.1, { vm: { memoryBytes: GiB } }), 1200, memo);
    const building = (s: typeof first) => s.plots.find((p) => p.kind === 'building');
    const house = (s: typeof first) => s.plots.find((p) => p.kind === 'house');
    expect(building(second)).toBe(building(first));
    expect(house(second)).not.toBe(house(first));
  });

  it('a sign follows its engine’s status', () => {
    const memo = new LayoutMemo();
    const down = (reason: string) => makeHost({ engines: [makeEngine({ status: { state: 'unreachable', reason, since: 0, nextRetryAt: 1 } })] });
    const first = layoutStreet(down('ENOENT'), 800, memo);
    expect(layoutStreet(down('ENOENT'), 800, memo)).toBe(first);
    const second = layoutStreet(down('EACCES'), 800, memo);
    expect(second).not.toBe(first);
    expect(second.plots[0]?.kind === 'sign' && second.plots[0].label).toBe('Docker is unreachable: EACCES');
  });

  it('forgets engines and VMs that are gone', () => {
    const memo = new LayoutMemo();
    layoutStreet(host(0.1), 1200, memo);
    layoutStreet(makeHost(), 1200, memo);
    const computed = memo.computed;
    layoutStreet(host(0.1), 1200, memo);
    // Building, house and street laid out afresh: nothing was kept for what had left the map.
    expect(memo.computed - computed).toBe(3);
  });
});
