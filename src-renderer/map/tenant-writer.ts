/**
 * Writes what each tenant's element says — its accessible name, its state and the action running on it
 * (aria-label, data-state, data-busy) — straight onto the element. Hundreds of tenants' names change in a
 * busy second; through Svelte each would wake a reactive chain, here each is one comparison and, when the
 * words changed, one setAttribute. Svelte still makes the elements (and owns every other attribute); each
 * registers here when it is mounted and gets its words at once.
 */
export interface TenantWords {
  /** The accessible name, starting "Container <name>" or "VM <name>". */
  label: string;
  /** The engine's state word. */
  state: string;
  /** The running action's kind (e.g. "container:stop"), or null. */
  busy: string | null;
}

/** The part of an element the writer uses (tests supply their own). */
export interface Writable {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

export class TenantWriter {
  readonly #words = new Map<string, TenantWords>();
  readonly #elements = new Map<string, Writable>();
  readonly #written = new WeakMap<Writable, TenantWords>();

  /** This tenant's words now (undefined: it left the map); written at once where its element is mounted. */
  set(key: string, words: TenantWords | undefined): void {
    if (words === undefined) {
      this.#words.delete(key);
      return;
    }
    this.#words.set(key, words);
    const element = this.#elements.get(key);
    if (element) this.#write(element, words);
  }

  /** An element mounted for this tenant; returns its unregister. */
  register(key: string, element: Writable): () => void {
    this.#elements.set(key, element);
    const words = this.#words.get(key);
    if (words) this.#write(element, words);
    return () => {
      if (this.#elements.get(key) === element) this.#elements.delete(key);
    };
  }

  #write(element: Writable, words: TenantWords): void {
    const before = this.#written.get(element);
    if (before?.label !== words.label) element.setAttribute('aria-label', words.label);
    if (before?.state !== words.state) element.setAttribute('data-state', words.state);
    if (before === undefined || before.busy !== words.busy) {
      if (words.busy === null) element.removeAttribute('data-busy');
      else element.setAttribute('data-busy', words.busy);
    }
    this.#written.set(element, words);
  }
}
