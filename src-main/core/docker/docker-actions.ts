/**
 * What each container action asks Docker, how long it may take, and how it is said — before (the
 * activity label), after (the result) and when Docker refuses (its own message and status code).
 */
import type Docker from 'dockerode';
import type { ContainerOp } from '../../contract';
import { ActionError } from '../actions/action-error';

/** Seconds Docker gives a container between SIGTERM and SIGKILL, as `docker stop` does. */
const STOP_GRACE_S = 10;

interface OpSpec {
  /** While it runs: "Stopping". */
  doing: string;
  /** When done: "stopped". */
  done: string;
  deadlineMs: number;
  call(container: Docker.Container, signal: AbortSignal, force: boolean): Promise<unknown>;
}

// @types/dockerode lags dockerode: every call below accepts an abort signal in its options.
type Signalled = Record<'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'remove', (options: Record<string, unknown>) => Promise<unknown>>;
const call = (c: Docker.Container) => c as unknown as Signalled;

export const CONTAINER_OPS: Record<ContainerOp, OpSpec> = {
  start: { doing: 'Starting', done: 'started', deadlineMs: 30_000, call: (c, abortSignal) => call(c).start({ abortSignal }) },
  stop: { doing: 'Stopping', done: 'stopped', deadlineMs: (STOP_GRACE_S + 20) * 1000, call: (c, abortSignal) => call(c).stop({ t: STOP_GRACE_S, abortSignal }) },
  restart: { doing: 'Restarting', done: 'restarted', deadlineMs: (STOP_GRACE_S + 30) * 1000, call: (c, abortSignal) => call(c).restart({ t: STOP_GRACE_S, abortSignal }) },
  pause: { doing: 'Pausing', done: 'paused', deadlineMs: 15_000, call: (c, abortSignal) => call(c).pause({ abortSignal }) },
  unpause: { doing: 'Resuming', done: 'resumed', deadlineMs: 15_000, call: (c, abortSignal) => call(c).unpause({ abortSignal }) },
  remove: { doing: 'Removing', done: 'removed', deadlineMs: 30_000, call: (c, abortSignal, force) => call(c).remove({ force, abortSignal }) },
};

/** States in which a container has a running process that remove must stop first. */
export const needsForceToRemove = (state: string): boolean => state === 'running' || state === 'paused' || state === 'restarting';

/**
 * Docker's refusal as the user should read it: its own message (docker-modem wraps it as
 * "(HTTP code 409) unexpected - <message>"), with its status as the code.
 */
export function dockerActionError(err: unknown, name: string, op: ContainerOp): ActionError {
  const e = err as { statusCode?: unknown; json?: { message?: unknown } | null; message?: unknown; name?: unknown } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new ActionError(`Docker did not finish ${CONTAINER_OPS[op].doing.toLowerCase()} ${name} in time; look at the container's state before trying again.`, 'docker:0');
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 0;
  const own = typeof e?.json?.message === 'string' ? e.json.message : typeof e?.message === 'string' ? e.message.replace(/^\(HTTP code \d+\) [^-]*- /, '') : String(err);
  const verb = op === 'unpause' ? 'resume' : op;
  return new ActionError(`Docker refused to ${verb} ${name}: ${own.trim()}`, `docker:${status}`);
}
