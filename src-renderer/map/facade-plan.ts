/**
 * What each apartment's window looks like on the facade canvas, and which units a new frame must
 * repaint. The canvas is one picture of hundreds of windows; only units whose container object changed
 * are looked at again (frames keep unchanged tenants as the same objects), and of those only the ones
 * whose picture changed — light is drawn in steps (palette.LIGHT_LEVELS), so CPU that wanders by a hair repaints
 * nothing. Pure; the painting itself is facade-canvas.ts.
 */
import type { Container } from '../../src-main/contract';
import type { BuildingLayout, Unit } from './layout/building';
import { containerLight } from './layout/lighting';
import { lightLevel } from './palette';
import { containerLook, type Look } from './tenant-look';

export interface UnitPaint {
  look: Look;
  /** 0 (dark) … LIGHT_LEVELS (fully lit), see palette.lightLevel; only a lit window uses it. */
  level: number;
  /** Drawn with a warning outline. */
  restarting: boolean;
  /** A paused unit big enough for the pause mark gets it (instead of its name). */
  pauseMark: boolean;
  /** The name written on the unit, '' for none. */
  label: string;
}

/** How a unit is painted for its container (undefined: the container is not in this frame). */
export function unitPaint(unit: Unit, container: Container | undefined): UnitPaint {
  if (container === undefined) return { look: 'dark', level: 0, restarting: false, pauseMark: false, label: '' };
  const look = containerLook(container.state);
  const pauseMark = look === 'paused' && unit.width >= 12 && unit.height >= 10;
  const level = lightLevel(containerLight(container));
  return { look, level, restarting: container.state === 'restarting', pauseMark, label: pauseMark ? '' : unit.label };
}

export function samePaint(a: UnitPaint | undefined, b: UnitPaint): boolean {
  return a !== undefined && a.look === b.look && a.level === b.level && a.restarting === b.restarting && a.pauseMark === b.pauseMark && a.label === b.label;
}

/** What was painted last: the layout, the container each unit was painted for, and how. */
export interface Painted {
  layout: BuildingLayout;
  containers: ReadonlyMap<string, Container | undefined>;
  paints: ReadonlyMap<string, UnitPaint>;
}

/**
 * 'all' when the layout changed (or nothing was painted yet); otherwise the units whose container is not
 * the very object painted last (an unchanged tenant is skipped by reference) and whose picture differs.
 */
export function unitsToRepaint(painted: Painted | null, layout: BuildingLayout, containers: ReadonlyMap<string, Container>): 'all' | { unit: Unit; paint: UnitPaint }[] {
  if (painted === null || painted.layout !== layout) return 'all';
  const out: { unit: Unit; paint: UnitPaint }[] = [];
  for (const unit of layout.units) {
    const container = containers.get(unit.id);
    if (painted.containers.get(unit.id) === container) continue;
    const paint = unitPaint(unit, container);
    if (!samePaint(painted.paints.get(unit.id), paint)) out.push({ unit, paint });
  }
  return out;
}
