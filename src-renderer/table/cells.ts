/**
 * What each column shows for a row, as text, and the number that text shows (the sort key). Sorting by
 * the shown figure rather than the raw one is what keeps rows in place between frames: a figure that
 * moves without changing what the cell says leaves its row where it is. Pure.
 */
import { formatBytes, formatCores, formatRate } from '../format/format';
import type { TenantRow } from './rows';

export type Column = 'name' | 'image' | 'kind' | 'state' | 'host' | 'engine' | 'cpu' | 'memory' | 'net' | 'block';
export type NumericColumn = 'cpu' | 'memory' | 'net' | 'block';

export const COLUMNS: readonly { id: Column; title: string }[] = [
  { id: 'name', title: 'Name' },
  { id: 'kind', title: 'Kind' },
  { id: 'state', title: 'State' },
  { id: 'host', title: 'Host' },
  { id: 'engine', title: 'Engine' },
  { id: 'image', title: 'Image' },
  { id: 'cpu', title: 'CPU' },
  { id: 'memory', title: 'Memory' },
  { id: 'net', title: 'Network' },
  { id: 'block', title: 'Block I/O' },
];

export const isNumeric = (column: Column): column is NumericColumn => column === 'cpu' || column === 'memory' || column === 'net' || column === 'block';

export const kindText = (row: TenantRow): string => (row.kind === 'vm' ? 'VM' : 'container');

export function cellText(row: TenantRow, column: Column): string {
  switch (column) {
    case 'name':
      return row.name;
    case 'image':
      return row.image;
    case 'kind':
      return kindText(row);
    case 'state':
      return row.state;
    case 'host':
      return row.host;
    case 'engine':
      return row.engine;
    case 'cpu':
      return formatCores(row.cpu);
    case 'memory':
      return formatBytes(row.memory);
    case 'net':
      return formatRate(row.net);
    case 'block':
      return formatRate(row.block);
  }
}

const UNIT: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, PiB: 1024 ** 5 };

/**
 * The number a formatted figure shows: "1.5 GiB" → 1610612736, "12 KiB/s" → 12288, "0.25 cores" → 0.25,
 * "<0.01 cores" → 0.005 (above zero, below the least shown); null for "—".
 */
export function shownNumber(text: string): number | null {
  const m = /^(<)?(-?\d+(?:\.\d+)?)(?:\s+(\S+))?$/.exec(text.trim());
  if (!m) return null;
  const value = Number(m[2]);
  const unit = (m[3] ?? '').replace(/\/s$/, '');
  return (m[1] ? value / 2 : value) * (UNIT[unit] ?? 1);
}
