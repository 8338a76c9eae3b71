/**
 * What each apartment's window looks like on the facade canvas, and which units a new frame must
 * repaint. The canvas is one picture of hundreds of windows; only units that moved, or whose container
 * object changed, are looked at again (frames keep unchanged tenants as the same objects, layouts keep
 * unmoved units as the same objects), and of the latter only the ones whose picture changed — light is drawn in steps (palette.LIGHT_LEVELS), so CPU that wanders by a hair repaints
 * nothing. Pure; the painting itself is facade-canvas.ts.
 */
import type { Container } from '../../src-main/contract';
import type { Box } from './layout/box';
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

export interface Repaint {
  /** Where units stood that moved or left: cleared first. */
  clear: Box[];
  /** Units to paint, with how. */
  paint: { unit: Unit; paint: UnitPaint }[];
}

/**
 * What a new frame repaints: 'all' when nothing was painted yet or the facade changed size; otherwise
 * the units that are new or moved (a layout keeps an unmoved unit as the very object), and of the rest
 * those whose container is not the very object painted last (an unchanged tenant is skipped by
 * reference) and whose picture differs.
 */
export function repaintPlan(painted: Painted | null, layout: BuildingLayout, containers: ReadonlyMap<string, Container>): 'all' | Repaint {
  if (painted === null) return 'all';
  const before = painted.layout.facade;
  if (painted.layout !== layout && (before.x !== layout.facade.x || before.y !== layout.facade.y || before.width !== layout.facade.width || before.height !== layout.facade.height)) return 'all';
  const kept = new Set<Unit>(layout.units);
  const clear: Box[] = painted.layout === layout ? [] : painted.layout.units.filter((u) => !kept.has(u));
  const old = painted.layout === layout ? null : new Set<Unit>(painted.layout.units);
  const paint: { unit: Unit; paint: UnitPaint }[] = [];
  for (const unit of layout.units) {
    const container = containers.get(unit.id);
    const moved = old !== null && !old.has(unit);
    if (!moved && painted.containers.get(unit.id) === container) continue;
    const look = unitPaint(unit, container);
    if (moved || !samePaint(painted.paints.get(unit.id), look)) paint.push({ unit, paint: look });
  }
  return { clear, paint };
}
