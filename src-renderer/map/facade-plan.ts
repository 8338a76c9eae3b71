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

/**
 * What was painted last: the layout, and per unit the container it was painted for and how. Kept from
 * frame to frame and brought up to date in place (a frame changes a few hundred of thousands).
 */
export interface Painted {
  layout: BuildingLayout;
  containers: Map<string, Container>;
  paints: Map<string, UnitPaint>;
}

export interface Repaint {
  /** Where units stood that moved or left: cleared first. */
  clear: Box[];
  /** Units to paint, with how and for which container (undefined: none in this frame). */
  paint: { unit: Unit; paint: UnitPaint; container: Container | undefined }[];
  /** Containers that are new objects whose picture did not change: only to be remembered. */
  same: Container[];
}

/** Each layout's units by id, computed once per layout. */
const unitsById = new WeakMap<BuildingLayout, Map<string, Unit>>();
function unitOf(layout: BuildingLayout, id: string): Unit | undefined {
  let byId = unitsById.get(layout);
  if (!byId) unitsById.set(layout, (byId = new Map(layout.units.map((u) => [u.id, u]))));
  return byId.get(id);
}

const sameBox = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * What a new frame repaints: 'all' when nothing was painted yet or the facade moved or changed size;
 * otherwise the units that are new or moved (a layout keeps an unmoved unit as the very object), and
 * of the rest those whose container is not the very object painted last (an unchanged tenant is skipped
 * by reference) and whose picture differs.
 */
export function repaintPlan(painted: Painted | null, layout: BuildingLayout, containers: readonly Container[]): 'all' | Repaint {
  if (painted === null || (painted.layout !== layout && !sameBox(painted.layout.facade, layout.facade))) return 'all';
  const clear: Box[] = [];
  const paint: Repaint['paint'] = [];
  const same: Container[] = [];
  const moved = new Set<string>();
  if (painted.layout !== layout) {
    const kept = new Set<Unit>(layout.units);
    const old = new Set<Unit>(painted.layout.units);
    for (const unit of painted.layout.units) if (!kept.has(unit)) clear.push(unit);
    for (const unit of layout.units) if (!old.has(unit)) moved.add(unit.id);
  }
  for (const container of containers) {
    const unit = unitOf(layout, container.id);
    if (unit === undefined) continue;
    const isMoved = moved.delete(unit.id);
    if (!isMoved && painted.containers.get(unit.id) === container) continue;
    const look = unitPaint(unit, container);
    if (isMoved || !samePaint(painted.paints.get(unit.id), look)) paint.push({ unit, paint: look, container });
    else same.push(container);
  }
  // A unit that moved with no container in this frame (it cannot be, a layout is made from the frame): drawn empty.
  for (const id of moved) {
    const unit = unitOf(layout, id);
    if (unit) paint.push({ unit, paint: unitPaint(unit, undefined), container: undefined });
  }
  return { clear, paint, same };
}
