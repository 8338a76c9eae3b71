/**
 * One signal per tenant, for what changes seldom (a house's look, an action running): an element that
 * reads its own cell wakes only when that tenant's cell is set, never for the rest of the frame.
 */
import { Cell } from './cell.svelte';

export class LiveCells<V> {
  readonly #cells = new Map<string, Cell<V>>();

  /** The value for this id (undefined when none); reading it subscribes to this id alone. */
  get(id: string): V | undefined {
    let cell = this.#cells.get(id);
    if (cell === undefined) this.#cells.set(id, (cell = new Cell<V>()));
    return cell.value;
  }

  set(id: string, value: V | undefined): void {
    let cell = this.#cells.get(id);
    if (cell === undefined) {
      if (value === undefined) return;
      this.#cells.set(id, (cell = new Cell<V>()));
    }
    cell.value = value;
    // A tenant that left: its reader has seen undefined; nothing needs the cell any more.
    if (value === undefined) this.#cells.delete(id);
  }
}
