/**
 * Writes what each tenant's element says — its state and the action running on it (data-state,
 * data-busy) at once, its accessible name (aria-label) in idle time — straight onto the element.
 * Hundreds of tenants' names change in a busy second, mostly in their figures ("12% CPU, 40 MiB of
 * 64 MiB"): formatting and writing them is the largest part of a frame that nobody sees, so it waits
 * for the browser's next idle moment (well within a second), and a tenant that gets the focus or the
 * pointer has its name brought up to date on the spot, before anyone can read it. Svelte still makes the
 * elements and owns every other attribute; each registers here when it is mounted.
 */

/** What a tenant says now. `label` is only called when the name is written. */
export interface TenantWords {
  /** The engine's state word. */
  state: string;
  /** The running action's kind (e.g. "container:stop"), or null. */
  busy: string | null;
  /** The accessible name, starting "Container <name>" or "VM <name>". */
  label: () => string;
}

/** The part of an element the writer uses (tests supply their own). */
export interface Writable {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** When to write names: in idle time by default (tests run it by hand). */
export type Later = (work: (deadline: () => number) => void) => void;

/**
 * Names are written a few ms at a time, even when the browser offers a longer idle period: a frame that
 * arrives meanwhile waits at most that long.
 */
const SLICE_MS = 4;

const slice = (idle?: IdleDeadline): (() => number) => {
  const end = performance.now() + SLICE_MS;
  return () => Math.min(end - performance.now(), idle && !idle.didTimeout ? idle.timeRemaining() : Infinity);
};

/** The browser's idle callback, at most half a second away (then a slice anyway); a timer where there is none. */
export const idleLater: Later = (work) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback((idle) => work(slice(idle)), { timeout: 500 });
  else setTimeout(() => work(slice()), 50);
};

interface Written {
  state: string | null;
  busy: string | null;
  label: string | null;
}

export class TenantWriter {
  readonly #words = new Map<string, TenantWords>();
  readonly #elements = new Map<string, Writable>();
  readonly #written = new WeakMap<Writable, Written>();
  /** Tenants whose name may be out of date, in the order they changed. */
  readonly #stale = new Set<string>();
  #scheduled = false;

  constructor(private readonly later: Later = idleLater) {}

  /** This tenant's words now (undefined: it left the map). State and action are written at once. */
  set(key: string, words: TenantWords | undefined): void {
    if (words === undefined) {
      this.#words.delete(key);
      this.#stale.delete(key);
      return;
    }
    this.#words.set(key, words);
    const element = this.#elements.get(key);
    if (!element) return;
    this.#writeMarks(element, words);
    this.#stale.add(key);
    this.#schedule();
  }

  /**
   * An element mounted for this tenant; returns its unregister. It comes with its bare name ("Container
   * web"); the figures follow with the next idle moment.
   */
  register(key: string, element: Writable): () => void {
    this.#elements.set(key, element);
    const words = this.#words.get(key);
    if (words) {
      this.#writeMarks(element, words);
      this.#stale.add(key);
      this.#schedule();
    }
    return () => {
      if (this.#elements.get(key) === element) this.#elements.delete(key);
    };
  }

  /** Brings this tenant's name up to date now (it got the focus or the pointer: someone is about to read it). */
  flush(key: string): void {
    if (!this.#stale.has(key)) return;
    this.#stale.delete(key);
    const element = this.#elements.get(key);
    const words = this.#words.get(key);
    if (element && words) this.#writeLabel(element, words);
  }

  /** Writes stale names while the deadline leaves time (one at least); what is left waits for the next idle moment. */
  drain(timeLeft: () => number): void {
    this.#scheduled = false;
    let first = true;
    for (const key of this.#stale) {
      if (!first && timeLeft() <= 0) break;
      first = false;
      this.flush(key);
    }
    if (this.#stale.size > 0) this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.later((deadline) => this.drain(deadline));
  }

  #written_(element: Writable): Written {
    let written = this.#written.get(element);
    if (!written) this.#written.set(element, (written = { state: null, busy: null, label: null }));
    return written;
  }

  #writeMarks(element: Writable, words: TenantWords): void {
    const written = this.#written_(element);
    if (written.state !== words.state) element.setAttribute('data-state', (written.state = words.state));
    if (written.busy !== words.busy || written.label === null) {
      if (words.busy === null) element.removeAttribute('data-busy');
      else element.setAttribute('data-busy', words.busy);
      written.busy = words.busy;
    }
  }

  #writeLabel(element: Writable, words: TenantWords): void {
    const written = this.#written_(element);
    const label = words.label();
    if (written.label !== label) element.setAttribute('aria-label', (written.label = label));
  }
}
