/**
 * A minimal typed listener set whose subscribe returns its own disposer (so nothing is left attached).
 * A listener that throws is reported and the others still run: one broken subscriber (a closed socket,
 * a bug in a panel) must not stop a frame reaching everyone else, nor unwind the emitter's caller.
 */
import { reportError } from './report-error';

export class Signal<T = void> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly name = 'signal') {}

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        reportError(`a ${this.name} listener threw`, error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
