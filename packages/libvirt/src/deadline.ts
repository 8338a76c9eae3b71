// Deadlines: every call races a ref'd timer. The native side brings results back through an
// unref'd channel, so this timer is what keeps the process alive while a call is in flight, and
// a call libvirt never answers keeps it alive no longer than its deadline.
import { ErrorCode, LibvirtError } from './errors';

/** Default deadline of reads (host facts, listings, XML, bulk stats, open, close). */
export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;
/** Default deadline of actions (lifecycle, define, snapshots: a memory snapshot of a big guest is slow). */
export const DEFAULT_ACTION_TIMEOUT_MS = 10 * 60_000;
/** The longest delay setTimeout honours. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** "15 s", "10 min", "250 ms". */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** `value` if it is a usable deadline, `fallback` if undefined; anything else is an INVALID_ARG error. */
export function checkTimeout(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new LibvirtError(`${what} must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}]`, ErrorCode.INVALID_ARG);
  }
  return value;
}

/** The error a call rejects with when libvirt does not answer `what` within `ms`. */
export function deadlineError(what: string, ms: number): LibvirtError {
  return new LibvirtError(`libvirt did not answer ${what} within ${formatDuration(ms)}`, ErrorCode.DEADLINE_EXCEEDED, 0, 2);
}

/**
 * Settles like `work`, or rejects with DEADLINE_EXCEEDED after `ms`, whichever comes first. The
 * timer is cleared as soon as `work` settles; an outcome of `work` after the deadline is ignored
 * (`onLate`, if given, receives a late success, e.g. to close a connection nobody will use).
 */
export function withDeadline<T>(what: string, ms: number, work: Promise<T>, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      reject(deadlineError(what, ms));
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        if (expired) onLate?.(value);
        else resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        // The native call's own rejection, passed on unchanged (callers convert it to a LibvirtError).
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(err);
      },
    );
  });
}
