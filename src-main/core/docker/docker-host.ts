/**
 * Pure helpers for what the Docker engine says about itself and for explaining why it can't be reached.
 */
import type { HostFacts } from '../engine';
import { isTlsFailure } from './docker-tls';

/** The part of `GET /info` we read. */
export interface InfoJson {
  Name?: string;
  NCPU?: number;
  MemTotal?: number;
  KernelVersion?: string;
  OperatingSystem?: string;
  /** e.g. ["name=seccomp,profile=default", "name=rootless"]. */
  SecurityOptions?: unknown;
}

export function hostFactsFromInfo(info: InfoJson, local: boolean): HostFacts {
  return {
    hostname: info.Name ?? '',
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    kernel: info.KernelVersion ?? '',
    os: info.OperatingSystem ?? '',
    local,
  };
}

/** Socket-level failures: the engine itself cannot be reached, whichever call noticed it. */
const LOST_CODES = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'ECONNRESET', 'EPIPE', 'ENOTCONN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN']);

/**
 * The one predicate that decides "the connection is lost" for the Docker adapter. A failed ping, list
 * or event stream always means it (those calls are how the adapter knows the engine is alive); any
 * other call — one container's stats or inspect — loses the connection only when the failure is at the
 * socket, not in the answer: a 500, a 404 or a timeout there is that container's missing figures.
 * Socket-level includes a failed TLS handshake and an ssh child that ended (EDIAL, with its reason).
 */
export function isConnectionLoss(err: unknown, call: 'liveness' | 'tenant'): boolean {
  if (call === 'liveness') return true;
  const e = err as { code?: unknown; message?: unknown } | undefined;
  if (typeof e?.code === 'string' && (LOST_CODES.has(e.code) || e.code === 'EDIAL')) return true;
  if (isTlsFailure(err)) return true;
  return typeof e?.message === 'string' && /socket hang up/i.test(e.message);
}

/** A human reason for a failed call, naming the endpoint where that helps. */
export function describeDockerError(err: unknown, endpoint: string, engine = 'Docker'): string {
  const e = err as { code?: string; message?: string; name?: string; statusCode?: number } | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return `no ${engine} socket at ${endpoint}`;
    case 'ECONNREFUSED':
      return `connection refused at ${endpoint}`;
    case 'EACCES':
      return `permission denied on ${endpoint}`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `the connection to ${endpoint} was reset`;
  }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `${engine} did not answer at ${endpoint} in time`;
  return e?.message ? String(e.message) : String(err);
}

/** What the user should do; the app reconnects by itself once the engine answers. */
export function dockerHint(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  if (code === 'EACCES') return 'Add your user to the docker group (sudo usermod -aG docker $USER), then log in again.';
  return 'Start Docker (sudo systemctl start docker, or run dockerd). Neighborhood reconnects on its own.';
}
