import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src-main/contract';
import { GiB, MiB, makeContainer, makeEngine, makeHost, makeVm } from '../../testing/make';
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
