/**
 * Pure helpers for what the Docker engine says about itself and for explaining why it can't be reached.
 */
import type { HostFacts } from '../engine';

/** The part of `GET /info` we read. */
export interface InfoJson {
  Name?: string;
  NCPU?: number;
  MemTotal?: number;
  KernelVersion?: string;
  OperatingSystem?: string;
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

/** A human reason for a failed call, naming the endpoint where that helps. */
export function describeDockerError(err: unknown, endpoint: string): string {
  const e = err as { code?: string; message?: string; name?: string; statusCode?: number } | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return `no Docker socket at ${endpoint}`;
    case 'ECONNREFUSED':
      return `connection refused at ${endpoint}`;
    case 'EACCES':
      return `permission denied on ${endpoint}`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `the connection to ${endpoint} was reset`;
  }
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `Docker did not answer at ${endpoint} in time`;
  return e?.message ? String(e.message) : String(err);
}

/** What the user should do; the app reconnects by itself once the engine answers. */
export function dockerHint(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  if (code === 'EACCES') return 'Add your user to the docker group (sudo usermod -aG docker $USER), then log in again.';
  return 'Start Docker (sudo systemctl start docker, or run dockerd). Neighborhood reconnects on its own.';
}
