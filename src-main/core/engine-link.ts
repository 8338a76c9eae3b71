/**
 * The connection bookkeeping every adapter shares: its status and hint, a generation number that makes
 * answers from a lost connection harmless, the one retry timer, and the change signal the hub listens to.
 * Adapters keep what is theirs (sockets, streams, tenants) and tell the link what happened.
 */
import type { EngineStatus } from '../contract';
import { RetryTimer } from './retry-timer';
import { Signal } from './signal';

export class EngineLink {
  readonly changed = new Signal('engine change');
  private current: EngineStatus = { state: 'connecting' };
  private currentHint: string | null = null;
  private generation = 0;
  private disposed = false;
  private readonly retry: RetryTimer;
  private lost = new AbortController();

  constructor(reconnect: () => void) {
    this.retry = new RetryTimer(reconnect);
  }

  get status(): EngineStatus {
    return this.current;
  }

  /** What the user should do; null while connected. */
  get hint(): string | null {
    return this.current.state === 'connected' ? null : this.currentHint;
  }

  get connected(): boolean {
    return this.current.state === 'connected';
  }

  /** The generation answers must carry to count. */
  get now(): number {
    return this.generation;
  }

  /**
   * Aborted the moment the connection as it is now is lost (or the link disposed): work that must not
   * outlive its connection (an action waiting on a call that may never return) races it.
   */
  get lostSignal(): AbortSignal {
    return this.lost.signal;
  }

  /** Starts a connection attempt; null once disposed. */
  attempt(): number | null {
    return this.disposed ? null : ++this.generation;
  }

  /** Whether an answer of this generation still belongs to the live connection. */
  isCurrent(generation: number): boolean {
    return !this.disposed && generation === this.generation;
  }

  /** The attempt succeeded. */
  up(generation: number): void {
    if (!this.isCurrent(generation)) return;
    this.retry.reset();
    this.current = { state: 'connected' };
    this.currentHint = null;
    this.changed.emit();
  }

  /**
   * The connection of this generation is gone (or never came): `forget` drops the adapter's
   * per-connection state, then the status says why and a retry is scheduled. A stale report is ignored.
   */
  down(generation: number, reason: string, hint: string, forget: () => void): void {
    if (!this.isCurrent(generation)) return;
    this.generation++;
    this.lost.abort(new Error(reason));
    this.lost = new AbortController();
    forget();
    const since = this.current.state === 'unreachable' ? this.current.since : Date.now();
    this.current = { state: 'unreachable', reason, since, nextRetryAt: this.retry.schedule() };
    this.currentHint = hint;
    this.changed.emit();
  }

  /** The engine cannot be used on this machine at all; nothing is retried. */
  unavailable(reason: string, hint: string): void {
    this.current = { state: 'unavailable', reason };
    this.currentHint = hint;
    this.changed.emit();
  }

  debugCounts(): { retryPending: boolean; listeners: number } {
    return { retryPending: this.retry.pending, listeners: this.changed.size };
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.lost.abort(new Error('the engine is no longer watched'));
    this.retry.cancel();
    this.changed.clear();
  }
}

/** Settles like `work`, or rejects with `lost()` as soon as `signal` aborts (the connection is gone). */
export function untilLost<T>(work: Promise<T>, signal: AbortSignal, lost: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(lost());
  return new Promise<T>((resolve, reject) => {
    const onLost = () => reject(lost());
    signal.addEventListener('abort', onLost, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onLost);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onLost);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
