/**
 * What a house shows of its VM in this frame: its accessible name, state and look, the light in each
 * window (in steps, see palette.lightLevel), the gauge's fraction and the words on its utility box and
 * badge. Compared field by field, so a VM whose new figures read the same touches nothing; the house's
 * shape is its layout (layout/house.ts), which does not change with any of this.
 */
import type { TenantActivity, Vm } from '../../src-main/contract';
import { formatBytes, formatCount, formatPercent } from '../format/format';
import { sameActivity } from './apartment-view';
import { memoryFraction, windowCount } from './layout/house';
import { vmWindowLights } from './layout/lighting';
import { lightLevel } from './palette';
import { vmLook, type Look } from './tenant-look';
import { vmLabel } from './tenant-text';

export interface HouseView {
  label: string;
  state: Vm['state'];
  look: Look;
  activity: TenantActivity | null;
  /** One light step per window (all 0 unless the house is lit). */
  levels: number[];
  /** Memory used against allocated, 0–1, or null when unknown. */
  fraction: number | null;
  gaugeTitle: string;
  disks: string;
  nics: string;
  infrastructure: string;
  snapshots: number;
}

export function houseView(vm: Vm): HouseView {
  const look = vmLook(vm.state);
  const fraction = memoryFraction(vm);
  const disks = formatCount(vm.disks.length, 'disk');
  const nics = formatCount(vm.nics.length, 'NIC');
  return {
    label: vmLabel(vm),
    state: vm.state,
    look,
    activity: vm.activity,
    levels: look === 'lit' ? vmWindowLights(vm, windowCount(vm)).map(lightLevel) : Array.from({ length: windowCount(vm) }, () => 0),
    fraction,
    gaugeTitle:
      fraction === null
        ? `Memory used: unknown of ${formatBytes(vm.memoryBytes)}`
        : `Memory used: ${formatBytes(vm.memoryUsedBytes)} of ${formatBytes(vm.memoryBytes)} (${formatPercent(fraction * 100)})`,
    disks,
    nics,
    infrastructure: `Own infrastructure: ${vm.guestOs ?? 'own kernel'}, ${disks}, ${nics}`,
    snapshots: vm.snapshots.length,
  };
}

export function sameHouseView(a: HouseView, b: HouseView): boolean {
  return (
    a.label === b.label &&
    a.state === b.state &&
    a.look === b.look &&
    a.fraction === b.fraction &&
    a.gaugeTitle === b.gaugeTitle &&
    a.infrastructure === b.infrastructure &&
    a.snapshots === b.snapshots &&
    a.levels.length === b.levels.length &&
    a.levels.every((level, i) => level === b.levels[i]) &&
    sameActivity(a.activity, b.activity)
  );
}
