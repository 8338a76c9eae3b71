/**
 * One signal per tenant, holding what its element shows (a view of the tenant). A frame replaces an
 * engine's whole tenant list, so anything that reads the list wakes up for every tenant; an element that
 * reads its own cell wakes up only when its view changed. `sync` looks again only at tenants that are new
 * objects (frames keep unchanged tenants as the same objects) and sets a cell only when the view it makes
 * differs — so a thousand idle tenants cost one comparison each, and no Svelte work at all.
 */
import { Cell } from './cell.svelte';

export class LiveCells<T, V> {
  readonly #cells = new Map<string, Cell<V>>();
  /** The tenant each cell's view was made from. */
  #seen = new Map<string, T>();

  constructor(
    /** A tenant's id (syncEntries names the ids itself). */
    private readonly key: (item: T) => string,
    private readonly view: (item: T) => V,
    private readonly same: (a: V, b: V) => boolean,
  ) {}

  /** The view of the tenant with this id (undefined when it is not in the list); subscribes to that tenant only. */
  get(id: string): V | undefined {
    let cell = this.#cells.get(id);
    if (cell === undefined) this.#cells.set(id, (cell = new Cell<V>()));
    return cell.value;
  }

  /** Takes this frame's list. Returns how many cells changed. */
  sync(items: readonly T[]): number {
    return this.syncEntries(items.map((item) => [this.key(item), item]));
  }

  /** Takes this frame's tenants by id (for tenants whose id is not in the tenant itself). */
  syncEntries(entries: Iterable<readonly [string, T]>): number {
    const seen = new Map<string, T>();
    let changed = 0;
    for (const [id, item] of entries) {
      seen.set(id, item);
      if (this.#seen.get(id) === item) continue;
      const view = this.view(item);
      let cell = this.#cells.get(id);
      if (cell === undefined) this.#cells.set(id, (cell = new Cell<V>()));
      if (cell.value === undefined || !this.same(cell.value, view)) {
        cell.value = view;
        changed += 1;
      }
    }
    for (const [id, cell] of this.#cells) {
      if (seen.has(id)) continue;
      if (cell.value !== undefined) changed += 1;
      cell.value = undefined;
      this.#cells.delete(id);
    }
    this.#seen = seen;
    return changed;
  }
}
