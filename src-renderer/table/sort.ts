/**
 * The table's order. Apart from the sort itself, the order never jumps under the user between frames.
 * The rule:
 * 1. rows sort by what the sorted column *shows* (figures by the number their cell prints, so a figure
 *    that moves within what is printed does not move its row; words case-insensitively, numbers inside
 *    them in numeric order; states running → paused → stopped, then by their word); rows without a figure
 *    go last whichever the direction;
 * 2. rows that tie keep the order they had in the previous frame (so changing the sort column also keeps
 *    the previous order within each new group, as a spreadsheet's stable sort does);
 * 3. rows that are new, and the first order of all, tie-break on host, engine, name, then key — fixed.
 * The whole set is sorted (the filter only hides rows afterwards), so a row hidden and shown again comes
 * back to its place. Pure: the caller keeps the previous ranks.
 */
import { cellText, isNumeric, shownNumber, type Column } from './cells';
import type { StateGroup, TenantRow } from './rows';

export type Direction = 'ascending' | 'descending';

export interface Sort {
  column: Column;
  direction: Direction;
}

export const DEFAULT_SORT: Sort = { column: 'host', direction: 'ascending' };

/** Previous order: key → index. */
export type Ranks = ReadonlyMap<string, number>;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const GROUP_RANK: Record<StateGroup, number> = { running: 0, paused: 1, stopped: 2 };

type Key = number | string | null;

/** Rows are kept as the same object while their tenant is unchanged: their keys are worked out once. */
const keyMemo = new WeakMap<TenantRow, Partial<Record<Column, Key>>>();

/** A row's sort key for a column: a number, a string, or null (no figure: last). */
export function sortKey(row: TenantRow, column: Column): Key {
  let keys = keyMemo.get(row);
  if (keys === undefined) keyMemo.set(row, (keys = {}));
  const held = keys[column];
  if (held !== undefined) return held;
  const key = isNumeric(column) ? shownNumber(cellText(row, column)) : column === 'state' ? `${GROUP_RANK[row.group]} ${row.state}` : cellText(row, column);
  keys[column] = key;
  return key;
}

function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The fixed tie-break, last of all. */
export function compareFixed(a: TenantRow, b: TenantRow): number {
  return collator.compare(a.host, b.host) || collator.compare(a.engine, b.engine) || collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** `rows` in the table's order (a new array); `previous` is the last order's ranks. */
export function sortRows(rows: readonly TenantRow[], sort: Sort, previous: Ranks): TenantRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const decorated = rows.map((row) => ({ row, key: sortKey(row, sort.column), rank: previous.get(row.key) }));
  decorated.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const byKey = compareKeys(a.key, b.key);
      if (byKey !== 0) return sign * byKey;
    }
    if (a.rank !== undefined && b.rank !== undefined) return a.rank - b.rank;
    if (a.rank !== undefined || b.rank !== undefined) return a.rank !== undefined ? -1 : 1;
    return compareFixed(a.row, b.row);
  });
  return decorated.map((d) => d.row);
}

export function ranksOf(rows: readonly TenantRow[]): Map<string, number> {
  return new Map(rows.map((row, i) => [row.key, i]));
}

/** Clicking a column's header: the same column flips its direction; another starts ascending (figures: descending, busiest first). */
export function nextSort(current: Sort, column: Column): Sort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: isNumeric(column) ? 'descending' : 'ascending' };
}
