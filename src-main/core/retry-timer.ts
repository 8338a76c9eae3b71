/**
 * One pending retry at most, with a backoff that stays short: the map must come back within 5 s of an
 * engine's return, so the longest wait is 2 s. Owning the timer here keeps reconnects from stacking up
 * (a second failure while a retry is pending does not add another timer).
 */
export const RETRY_DELAYS_MS = [250, 500, 1000, 2000] as const;

export class RetryTimer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private dueAt: number | null = null;

  constructor(
    private readonly run: () => void,
    private readonly delays: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  /** Schedule the retry unless one is pending; returns when it will run (epoch ms). */
  schedule(): number {
    if (this.timer && this.dueAt !== null) return this.dueAt;
    const delay = this.delays[Math.min(this.attempts, this.delays.length - 1)] ?? 1000;
    this.attempts++;
    this.dueAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      this.run();
    }, delay);
    return this.dueAt;
  }

  /** After a success: the next failure starts from the shortest delay again. */
  reset(): void {
    this.cancel();
    this.attempts = 0;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }

  get pending(): boolean {
    return this.timer !== null;
  }
}
