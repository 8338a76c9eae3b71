/**
 * The filter: the search field's query and the chips (states: running, paused, stopped; kinds:
 * containers, VMs). Within a group of chips, pressed chips add up (running or paused); with none pressed
 * the group lets everything through; the groups and the query must all agree. Pure.
 */
import type { StateGroup, TenantKind, TenantRow } from '../table/rows';
import { parseQuery, rowMatches } from './match';

export const STATE_CHIPS: readonly { id: StateGroup; title: string }[] = [
  { id: 'running', title: 'Running' },
  { id: 'paused', title: 'Paused' },
  { id: 'stopped', title: 'Stopped' },
];

export const KIND_CHIPS: readonly { id: TenantKind; title: string }[] = [
  { id: 'container', title: 'Containers' },
  { id: 'vm', title: 'VMs' },
];

export interface Filter {
  query: string;
  states: readonly StateGroup[];
  kinds: readonly TenantKind[];
}

export const NO_FILTER: Filter = { query: '', states: [], kinds: [] };

export const isFiltering = (f: Filter): boolean => f.query.trim() !== '' || f.states.length > 0 || f.kinds.length > 0;

/** A test for rows, built once per filter. */
export function rowFilter(f: Filter): (row: TenantRow) => boolean {
  const terms = parseQuery(f.query);
  const states = new Set(f.states);
  const kinds = new Set(f.kinds);
  return (row) => (states.size === 0 || states.has(row.group)) && (kinds.size === 0 || kinds.has(row.kind)) && rowMatches(row, terms);
}

/** The chip pressed or released; kept in the chips' own order so the URL reads the same whatever the clicks. */
export function toggled<T extends string>(pressed: readonly T[], chip: T, order: readonly { id: T }[]): T[] {
  const next = new Set(pressed);
  if (next.has(chip)) next.delete(chip);
  else next.add(chip);
  return order.map((c) => c.id).filter((id) => next.has(id));
}

/** The keys of the rows that match, or null when nothing is filtered (nothing dimmed). */
export function matchingKeys(rows: readonly TenantRow[], f: Filter): Set<string> | null {
  if (!isFiltering(f)) return null;
  const test = rowFilter(f);
  const keys = new Set<string>();
  for (const row of rows) if (test(row)) keys.add(row.key);
  return keys;
}

export function sameKeys(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.size !== b.size) return false;
  for (const key of a) if (!b.has(key)) return false;
  return true;
}
