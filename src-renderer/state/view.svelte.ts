/**
 * What the user is looking at and through: the view (map or table, kept in localStorage), the filter
 * (search words and chips, kept in the page's address so a reload or a shared link keeps it), the
 * table's sort (kept in localStorage), and what follows from them each frame — every tenant as a row,
 * the table's order, and which tenants match (the map lights those and dims the rest).
 * Nothing here is computed unless something reads it: with no filter and the map shown, a frame costs
 * nothing more than before.
 */
import { createContext } from 'svelte';
import { isFiltering, matchingKeys, NO_FILTER, rowFilter, sameKeys, type Filter } from '../search/filter';
import { filterFromSearch, searchWithFilter } from '../search/url-state';
import type { Column } from '../table/cells';
import { buildRows, newRowMemo, type TenantRow } from '../table/rows';
import { nextSort, ranksOf, sortRows, type Ranks, type Sort } from '../table/sort';
import type { AppState } from './app-state.svelte';
import { parseSort, parseViewMode, SORT_KEY, storedSort, VIEW_KEY, type PrefStorage, type ViewMode } from './view-prefs';

/** The page's address, as far as the filter needs it (a test supplies its own). */
export interface Address {
  readonly search: string;
  replace(search: string): void;
}

export function browserAddress(win: Window): Address {
  return {
    get search() {
      return win.location.search;
    },
    replace(search) {
      try {
        const { pathname, hash } = win.location;
        win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
      } catch {
        // Not in the address then (an unusual page origin); the filter still applies.
      }
    },
  };
}

export class ViewState {
  mode = $state<ViewMode>('map');
  filter = $state.raw<Filter>(NO_FILTER);
  sort = $state.raw<Sort>(parseSort(null));

  /** Every tenant, in the world's order. */
  readonly rows: TenantRow[] = $derived.by(() => (this.#app.world === null ? [] : buildRows(this.#app.world, this.#memo)));

  /** The keys of the tenants the filter lets through; null when nothing is filtered. Kept as the same set while it holds the same keys. */
  readonly matching: ReadonlySet<string> | null = $derived.by(() => {
    // Unfiltered, the rows are not even built (the map reads this every frame).
    const next = isFiltering(this.filter) ? matchingKeys(this.rows, this.filter) : null;
    if (sameKeys(this.#lastMatching, next)) return this.#lastMatching;
    this.#lastMatching = next;
    return next;
  });

  /** For the map: whether a tenant is lit; null when nothing is dimmed. Changes only when the matches do. */
  readonly highlight: ((tenantKey: string) => boolean) | null = $derived.by(() => {
    const keys = this.matching;
    // The same function for the same set, however often this is worked out: the map redraws on a new one.
    if (keys !== this.#highlightFor) {
      this.#highlightFor = keys;
      this.#highlight = keys === null ? null : (key: string) => keys.has(key);
    }
    return this.#highlight;
  });

  /** The table: every tenant in the sort's order, less those the filter hides. */
  readonly tableRows: TenantRow[] = $derived.by(() => {
    const sorted = sortRows(this.rows, this.sort, this.#ranks);
    this.#ranks = ranksOf(sorted);
    if (!isFiltering(this.filter)) return sorted;
    return sorted.filter(rowFilter(this.filter));
  });

  readonly #app: AppState;
  readonly #storage: PrefStorage;
  readonly #address: Address;
  readonly #memo = newRowMemo();
  #ranks: Ranks = ranksOf([]);
  #lastMatching: ReadonlySet<string> | null = null;
  #highlightFor: ReadonlySet<string> | null = null;
  #highlight: ((tenantKey: string) => boolean) | null = null;
  /** The search field, to focus from `/` and the menu's Find. */
  #searchField: HTMLInputElement | null = null;

  constructor(app: AppState, storage: PrefStorage, address: Address) {
    this.#app = app;
    this.#storage = storage;
    this.#address = address;
    this.mode = parseViewMode(storage.get(VIEW_KEY));
    this.sort = parseSort(storage.get(SORT_KEY));
    this.filter = filterFromSearch(address.search);
  }

  setMode(mode: ViewMode): void {
    this.mode = mode;
    this.#storage.set(VIEW_KEY, mode);
  }

  setFilter(filter: Filter): void {
    this.filter = filter;
    this.#address.replace(searchWithFilter(this.#address.search, filter));
  }

  sortBy(column: Column): void {
    this.sort = nextSort(this.sort, column);
    this.#storage.set(SORT_KEY, storedSort(this.sort));
  }

  /** The first tenant the filter lets through, in the order shown (the table's, or the map's). */
  firstMatch(): TenantRow | null {
    if (this.mode === 'table') return this.tableRows[0] ?? null;
    const test = rowFilter(this.filter);
    return this.rows.find(test) ?? null;
  }

  registerSearchField(field: HTMLInputElement): () => void {
    this.#searchField = field;
    return () => {
      if (this.#searchField === field) this.#searchField = null;
    };
  }

  focusSearch(): void {
    this.#searchField?.focus();
    this.#searchField?.select();
  }
}

export const [getViewState, setViewState] = createContext<ViewState>();
