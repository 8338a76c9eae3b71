/**
 * Events are hints: a burst of them (40 containers from one `compose up`, a VM's start) names the same
 * tenants again and again. The batcher collects the keys an event names and hands them over in one batch
 * shortly after the first, never running two flushes at once; keys that arrive during a flush form the
 * next batch. So a burst costs a handful of refreshes, not one per event.
 */
import { reportError } from './report-error';

export class KeyBatcher {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stopped = false;

  constructor(
    private readonly flush: (keys: string[]) => Promise<void>,
    private readonly delayMs = 50,
    private readonly name = 'refresh',
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.schedule();
  }

  /** Forget a key that no longer needs refreshing (e.g. the tenant was destroyed). */
  drop(key: string): void {
    this.pending.delete(key);
  }

  /** Drop everything pending (a lost connection); the batcher stays usable. */
  clear(): void {
    this.pending.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** For good: nothing runs afterwards. */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  get busy(): boolean {
    return this.running || this.timer !== null;
  }

  private schedule(): void {
    if (this.timer || this.running || this.stopped || this.pending.size === 0) return;
    this.timer = setTimeout(() => void this.run(), this.delayMs);
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const keys = [...this.pending];
    this.pending.clear();
    this.running = true;
    try {
      await this.flush(keys);
    } catch (error) {
      reportError(`the ${this.name} of ${keys.length} changed tenants failed`, error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
