/**
 * From one frame's tenants to what their elements show. A frame replaces an engine's whole tenant list,
 * but keeps every unchanged tenant as the same object: `sync` looks again only at tenants that are new
 * objects, makes their view, and reports a change only when the view differs from the one before — so a
 * thousand idle tenants cost one comparison each, and a tenant whose new figures read the same costs one
 * view. What a change does (write an attribute, set a signal) is the caller's.
 */
export class ViewSync<T, V> {
  #views = new Map<string, V>();
  /** The tenant each view was made from. */
  #seen = new Map<string, T>();

  constructor(
    /** A tenant's id (syncEntries names the ids itself). */
    private readonly key: (item: T) => string,
    private readonly view: (item: T) => V,
    private readonly same: (a: V, b: V) => boolean,
    /** Told each view that changed (undefined: the tenant left), with the view before (undefined: it is new). */
    private readonly changed: (id: string, view: V | undefined, before: V | undefined) => void,
  ) {}

  /** The view of the tenant with this id in the last frame synced. */
  get(id: string): V | undefined {
    return this.#views.get(id);
  }

  /** Takes this frame's list. Returns how many views changed. */
  sync(items: readonly T[]): number {
    return this.syncEntries(items.map((item) => [this.key(item), item]));
  }

  /** Takes this frame's tenants by id (for tenants whose id is not in the tenant itself). */
  syncEntries(entries: Iterable<readonly [string, T]>): number {
    const seen = new Map<string, T>();
    let count = 0;
    for (const [id, item] of entries) {
      seen.set(id, item);
      if (this.#seen.get(id) === item) continue;
      const view = this.view(item);
      const before = this.#views.get(id);
      if (before !== undefined && this.same(before, view)) continue;
      this.#views.set(id, view);
      this.changed(id, view, before);
      count += 1;
    }
    for (const [id, before] of this.#views) {
      if (seen.has(id)) continue;
      this.#views.delete(id);
      this.changed(id, undefined, before);
      count += 1;
    }
    this.#seen = seen;
    return count;
  }
}
