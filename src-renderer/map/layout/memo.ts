/**
 * Layout runs only when structure changes. A street keeps one LayoutMemo across frames: each building,
 * house and sign is laid out again only when its key (what shapes it) changes, and the whole street only
 * when one of its plots or the width does — otherwise the very same layout objects come back, so Svelte
 * skips everything drawn from them. Live figures never enter a key.
 *
 * Entries of engines and VMs that are gone are dropped after each street (`sweep`), so the memo holds
 * only what is on the map.
 */
import type { Container, Vm } from '../../../src-main/contract';
import { buildingInput, keepUnchangedUnits, layoutBuilding, sameBuildingInput, type BuildingInput, type BuildingLayout } from './building';
import { houseKey, layoutHouse, type HouseLayout } from './house';

interface Kept<T> {
  key: string;
  value: T;
  /** The street pass that last used it. */
  seen: number;
}

export class LayoutMemo {
  readonly #buildings = new Map<string, { input: BuildingInput; width: number; value: BuildingLayout; seen: number }>();
  readonly #houses = new Map<string, Kept<HouseLayout>>();
  readonly #other = new Map<string, Kept<unknown>>();
  #pass = 0;
  /** How many layouts were computed (not reused): tests prove the memo with it. */
  computed = 0;

  /** Starts a street pass: what it does not touch is swept at the end. */
  begin(): void {
    this.#pass += 1;
  }

  building(
    engineId: string,
    containers: readonly Container[],
    hostMemoryBytes: number,
    kernel: string,
    title: string,
    maxWidth: number,
    name: string | null = null,
    tag: string | null = null,
  ): BuildingLayout {
    const kept = this.#buildings.get(engineId);
    const input = buildingInput(containers, hostMemoryBytes, kernel, title, kept?.input ?? null, name, tag);
    if (kept && kept.width === maxWidth && sameBuildingInput(kept.input, input)) {
      kept.seen = this.#pass;
      return kept.value;
    }
    this.computed += 1;
    const value = keepUnchangedUnits(kept?.value ?? null, layoutBuilding(input, maxWidth));
    this.#buildings.set(engineId, { input, width: maxWidth, value, seen: this.#pass });
    return value;
  }

  house(id: string, vm: Vm, hostMemoryBytes: number): HouseLayout {
    return this.#keep(this.#houses, id, houseKey(vm, hostMemoryBytes), () => layoutHouse(vm, hostMemoryBytes));
  }

  /** Anything else whose key says when it changes (a sign, the street itself). */
  other<T>(id: string, key: string, compute: () => T): T {
    return this.#keep(this.#other as Map<string, Kept<T>>, id, key, compute);
  }

  /** What was kept under this id last (by `other` or `keep`). */
  last<T>(id: string): T | null {
    return (this.#other.get(id)?.value as T | undefined) ?? null;
  }

  /** Keeps a value under this id for the next pass (the caller compares it itself). */
  keep(id: string, value: unknown): void {
    this.#other.set(id, { key: '', value, seen: this.#pass });
  }

  /** Drops what the pass did not use (engines and VMs that are gone). */
  sweep(): void {
    for (const map of [this.#buildings, this.#houses, this.#other] as Map<string, { seen: number }>[]) {
      for (const [id, kept] of map) if (kept.seen !== this.#pass) map.delete(id);
    }
  }

  #keep<T>(map: Map<string, Kept<T>>, id: string, key: string, compute: () => T): T {
    const kept = map.get(id);
    if (kept && kept.key === key) {
      kept.seen = this.#pass;
      return kept.value;
    }
    this.computed += 1;
    const value = compute();
    map.set(id, { key, value, seen: this.#pass });
    return value;
  }
}
