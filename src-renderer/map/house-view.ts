/**
 * What a house shows of its VM, in parts that change at different rates, so each is touched only when it
 * changes (its focusable element's words are the tenant writer's):
 * - HouseLook, on its shell: its look (lit, paused, dark, new; crashed), the words on its utility box and
 *   its snapshot count — these change with the VM's state and configuration, seldom;
 * - HousePaint, on the figures canvas: the light in each window (in steps, see palette.lightLevel) and
 *   the memory gauge's fraction — these change with the figures.
 * The house's shape is its layout (layout/house.ts), which changes with none of these.
 */
import type { Vm } from '../../src-main/contract';
import { formatCount } from '../format/format';
import { memoryFraction, windowCount } from './layout/house';
import { vmWindowLights } from './layout/lighting';
import { lightLevel } from './palette';
import { vmLook, type Look } from './tenant-look';

export interface HouseLook {
  look: Look;
  crashed: boolean;
  disks: string;
  nics: string;
  /** The utility box's title. */
  infrastructure: string;
  snapshots: number;
}

export function houseLook(vm: Vm): HouseLook {
  const disks = formatCount(vm.disks.length, 'disk');
  const nics = formatCount(vm.nics.length, 'NIC');
  return {
    look: vmLook(vm.state),
    crashed: vm.state === 'crashed',
    disks,
    nics,
    infrastructure: `Own infrastructure: ${vm.guestOs ?? 'own kernel'}, ${disks}, ${nics}`,
    snapshots: vm.snapshots.length,
  };
}

export function sameHouseLook(a: HouseLook, b: HouseLook): boolean {
  return a.look === b.look && a.crashed === b.crashed && a.infrastructure === b.infrastructure && a.snapshots === b.snapshots;
}

export interface HousePaint {
  look: Look;
  /** One light step per window (0 unless the house is lit). */
  levels: number[];
  /** Memory used against allocated, 0–1, or null when unknown. */
  fraction: number | null;
}

export function housePaint(vm: Vm): HousePaint {
  const look = vmLook(vm.state);
  const windows = windowCount(vm);
  return {
    look,
    levels: look === 'lit' ? vmWindowLights(vm, windows).map(lightLevel) : Array.from({ length: windows }, () => 0),
    fraction: memoryFraction(vm),
  };
}

/** The same picture: the gauge is compared to the pixel-ish (a thousandth of its height). */
export function sameHousePaint(a: HousePaint, b: HousePaint): boolean {
  const gauge = (f: number | null) => (f === null ? -1 : Math.round(f * 1000));
  return a.look === b.look && gauge(a.fraction) === gauge(b.fraction) && a.levels.length === b.levels.length && a.levels.every((level, i) => level === b.levels[i]);
}
