/**
 * A detached house per VM: its own walls (dedicated memory decides the footprint's width), a window
 * per vCPU lit by the CPU the guest burns, a gauge of memory used against allocated, and its own
 * utility box (own kernel, disks, NICs) — the infrastructure an apartment shares and a house does not.
 *
 * The layout depends only on what shapes the house (houseKey: allocated memory, vCPUs, name, guest OS,
 * the host's memory); the figures drawn on it each frame (the windows' light, the gauge's fill: see
 * house-view.ts and gaugeFill) do not enter it.
 */
import { scaleSqrt } from 'd3';
import type { Vm } from '../../../src-main/contract';
import type { Box } from './box';
import { truncateToWidth } from './text-fit';

export const HOUSE_MIN_WIDTH = 92;
export const HOUSE_MAX_WIDTH = 220;
/** Beyond this many vCPUs a window stands for several; the house would otherwise become a tower. */
export const MAX_WINDOWS = 32;
const WINDOW = 12;
const WINDOW_GAP = 6;
const PAD = 10;
const GAUGE_WIDTH = 8;
const DOOR = { width: 14, height: 22 };
const MIN_BODY_HEIGHT = 56;
export const UTILITY = { width: 44, height: 46, gap: 4 };
export const LABEL_HEIGHT = 32;
const NAME_FONT = 12;
/** What "a lot of memory" means when the host's own size is unknown. */
const FALLBACK_REFERENCE_BYTES = 16 * 1024 ** 3;

export interface HouseLayout {
  width: number;
  height: number;
  body: Box;
  roof: { points: [number, number][] };
  chimney: Box;
  windows: Box[];
  /** vCPUs that have no window of their own (only when there are more than MAX_WINDOWS). */
  vcpusPerWindow: number;
  door: Box;
  /** The gauge's track; its fill is a figure (gaugeFill). */
  gauge: Box;
  utility: Box;
  badge: { cx: number; cy: number; r: number };
  name: string;
  kernel: string;
  labelY: number;
}

/** Footprint width: area grows with allocated memory (√), measured against the host's memory. */
export function houseWidth(memoryBytes: number, hostMemoryBytes: number): number {
  const reference = hostMemoryBytes > 0 ? hostMemoryBytes : FALLBACK_REFERENCE_BYTES;
  const width = scaleSqrt().domain([0, reference]).range([HOUSE_MIN_WIDTH, HOUSE_MAX_WIDTH]).clamp(true);
  return Math.round(width(Number.isFinite(memoryBytes) && memoryBytes > 0 ? memoryBytes : 0));
}

export function memoryFraction(vm: Vm): number | null {
  if (vm.memoryUsedBytes === null || !(vm.memoryBytes > 0)) return null;
  return Math.min(1, Math.max(0, vm.memoryUsedBytes / vm.memoryBytes));
}

/** Equal keys, equal layouts: everything layoutHouse reads. */
export function houseKey(vm: Vm, hostMemoryBytes: number): string {
  return `${vm.memoryBytes}\u0000${vm.vcpus}\u0000${vm.name}\u0000${vm.guestOs ?? ''}\u0000${hostMemoryBytes}`;
}

const wholeVcpus = (vm: Vm): number => (Number.isFinite(vm.vcpus) && vm.vcpus > 0 ? Math.floor(vm.vcpus) : 0);

/** A window per vCPU, up to MAX_WINDOWS. */
export function windowCount(vm: Vm): number {
  return Math.min(wholeVcpus(vm), MAX_WINDOWS);
}

/** The gauge's filled part for a memory fraction, from the bottom of its track. */
export function gaugeFill(gauge: Box, fraction: number | null): Box {
  const height = gauge.height * (fraction ?? 0);
  return { x: gauge.x, y: gauge.y + gauge.height - height, width: gauge.width, height };
}

export function layoutHouse(vm: Vm, hostMemoryBytes: number): HouseLayout {
  const bodyWidth = houseWidth(vm.memoryBytes, hostMemoryBytes);
  const roofHeight = Math.round(Math.min(46, Math.max(24, bodyWidth * 0.3)));
  const vcpus = wholeVcpus(vm);
  const windowCount = Math.min(vcpus, MAX_WINDOWS);
  const vcpusPerWindow = windowCount > 0 ? Math.ceil(vcpus / windowCount) : 1;

  const windowArea = bodyWidth - 2 * PAD - GAUGE_WIDTH - WINDOW_GAP;
  const columns = Math.max(1, Math.floor((windowArea + WINDOW_GAP) / (WINDOW + WINDOW_GAP)));
  const rows = Math.ceil(windowCount / columns);
  const bodyHeight = Math.max(MIN_BODY_HEIGHT, PAD + rows * (WINDOW + WINDOW_GAP) + DOOR.height + 4);
  const body: Box = { x: 0, y: roofHeight, width: bodyWidth, height: bodyHeight };

  const windows: Box[] = Array.from({ length: windowCount }, (_, i) => ({
    x: PAD + (i % columns) * (WINDOW + WINDOW_GAP),
    y: body.y + PAD + Math.floor(i / columns) * (WINDOW + WINDOW_GAP),
    width: WINDOW,
    height: WINDOW,
  }));

  const gauge: Box = { x: bodyWidth - PAD - GAUGE_WIDTH, y: body.y + PAD, width: GAUGE_WIDTH, height: bodyHeight - 2 * PAD };
  const utility: Box = {
    x: bodyWidth + UTILITY.gap,
    y: body.y + bodyHeight - UTILITY.height,
    width: UTILITY.width,
    height: UTILITY.height,
  };
  const width = utility.x + utility.width;
  return {
    width,
    height: body.y + bodyHeight + LABEL_HEIGHT,
    body,
    // Eaves overhang the walls by a few pixels, as roofs do.
    roof: {
      points: [
        [-4, roofHeight],
        [bodyWidth / 2, 2],
        [bodyWidth + 4, roofHeight],
      ],
    },
    chimney: { x: bodyWidth * 0.2, y: roofHeight * 0.25, width: 9, height: roofHeight * 0.45 },
    windows,
    vcpusPerWindow,
    door: { x: PAD, y: body.y + bodyHeight - DOOR.height, width: DOOR.width, height: DOOR.height },
    gauge,
    utility,
    badge: { cx: bodyWidth - 6, cy: 12, r: 10 },
    name: truncateToWidth(vm.name, width, NAME_FONT),
    kernel: truncateToWidth(vm.guestOs ?? 'own kernel', width, 10),
    labelY: body.y + bodyHeight,
  };
}
