/**
 * What the page remembers across restarts in localStorage — the view (map or table) and the table's
 * sort — read back defensively: whatever is stored may be from another version, or edited by hand.
 * Pure.
 */
import { COLUMNS, type Column } from '../table/cells';
import { DEFAULT_SORT, type Sort } from '../table/sort';

export type ViewMode = 'map' | 'table';

export const VIEW_KEY = 'neighborhood.view';
export const SORT_KEY = 'neighborhood.table-sort';

export const parseViewMode = (stored: string | null): ViewMode => (stored === 'table' ? 'table' : 'map');

export function parseSort(stored: string | null): Sort {
  if (stored === null) return DEFAULT_SORT;
  try {
    const value = JSON.parse(stored) as { column?: unknown; direction?: unknown };
    const column = COLUMNS.find((c) => c.id === value.column)?.id;
    const direction = value.direction === 'ascending' || value.direction === 'descending' ? value.direction : null;
    return column !== undefined && direction !== null ? { column: column satisfies Column, direction } : DEFAULT_SORT;
  } catch {
    return DEFAULT_SORT;
  }
}

export const storedSort = (sort: Sort): string => JSON.stringify({ column: sort.column, direction: sort.direction });

/** The part of localStorage used (a test, or a browser that refuses storage, supplies its own). */
export interface PrefStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** localStorage, or nothing remembered where it is refused (private modes, a sandbox). */
export function browserStorage(win: Window): PrefStorage {
  return {
    get: (key) => {
      try {
        return win.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        win.localStorage.setItem(key, value);
      } catch {
        // Not remembered; the view still switches.
      }
    },
  };
}

export const memoryStorage = (initial: Record<string, string> = {}): PrefStorage & { held: Record<string, string> } => {
  const held = { ...initial };
  return { held, get: (key) => held[key] ?? null, set: (key, value) => void (held[key] = value) };
};
