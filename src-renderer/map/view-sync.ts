/**
 * From one frame's tenants to what their elements show. A frame replaces an engine's whole tenant list,
 * but keeps every unchanged tenant as the same object: `sync` looks again only at tenants that are new
 * objects, makes their view, and reports a change only when the view differs from the one before — so a
 * thousand idle tenants cost one comparison each, and a tenant whose new figures read the same costs one
 * view. What a change does (write an attribute, set a signal) is the caller's. Nothing is allocated per
 * tenant and frame: entries are kept and marked with the frame's generation.
 */
interface Entry<T, V> {
  item: T;
  view: V;
  /** The last sync that saw it. */
  generation: number;
}

export class ViewSync<T, V> {
  readonly #entries = new Map<string, Entry<T, V>>();
  #generation = 0;
  #changes = 0;

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
    return this.#entries.get(id)?.view;
  }

  /** Takes this frame's list. Returns how many views changed. */
  sync(items: readonly T[]): number {
    this.#begin();
    for (const item of items) this.#take(this.key(item), item);
    return this.#end();
  }

  /** Takes this frame's tenants by id (for tenants whose id is not in the tenant itself). */
  syncEntries(entries: Iterable<readonly [string, T]>): number {
    this.#begin();
    for (const [id, item] of entries) this.#take(id, item);
    return this.#end();
  }

  #begin(): void {
    this.#generation += 1;
    this.#changes = 0;
  }

  #take(id: string, item: T): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) {
      const view = this.view(item);
      this.#entries.set(id, { item, view, generation: this.#generation });
      this.changed(id, view, undefined);
      this.#changes += 1;
      return;
    }
    entry.generation = this.#generation;
    if (entry.item === item) return;
    entry.item = item;
    const view = this.view(item);
    if (this.same(entry.view, view)) return;
    const before = entry.view;
    entry.view = view;
    this.changed(id, view, before);
    this.#changes += 1;
  }

  #end(): number {
    for (const [id, entry] of this.#entries) {
      if (entry.generation === this.#generation) continue;
      this.#entries.delete(id);
      this.changed(id, undefined, entry.view);
      this.#changes += 1;
    }
    return this.#changes;
  }
}
