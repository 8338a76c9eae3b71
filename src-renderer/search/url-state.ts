/**
 * The filter in the page's address (`?q=web&state=running,paused&kind=vm`), so a reload or a shared
 * link keeps it. Other parameters are kept as they are — except `token`, which is never written back
 * (browser mode's token lives in a cookie; an address is shown, logged and shared). Pure: the caller
 * reads `location.search` and writes with `history.replaceState`.
 */
import type { StateGroup, TenantKind } from '../table/rows';
import { KIND_CHIPS, NO_FILTER, STATE_CHIPS, type Filter } from './filter';

const PARAMS = { query: 'q', states: 'state', kinds: 'kind' } as const;
const MAX_QUERY = 500;

function listOf<T extends string>(value: string | null, allowed: readonly { id: T }[]): T[] {
  const words = new Set((value ?? '').split(',').map((w) => w.trim().toLowerCase()));
  return allowed.map((c) => c.id).filter((id) => words.has(id));
}

export function filterFromSearch(search: string): Filter {
  const params = new URLSearchParams(search);
  return {
    query: (params.get(PARAMS.query) ?? NO_FILTER.query).slice(0, MAX_QUERY),
    states: listOf<StateGroup>(params.get(PARAMS.states), STATE_CHIPS),
    kinds: listOf<TenantKind>(params.get(PARAMS.kinds), KIND_CHIPS),
  };
}

/** The search part (with its "?", or '' when empty) that carries `filter` over `search`'s other parameters. */
export function searchWithFilter(search: string, filter: Filter): string {
  const params = new URLSearchParams(search);
  params.delete('token');
  const set = (name: string, value: string): void => {
    if (value === '') params.delete(name);
    else params.set(name, value);
  };
  set(PARAMS.query, filter.query);
  set(PARAMS.states, filter.states.join(','));
  set(PARAMS.kinds, filter.kinds.join(','));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
