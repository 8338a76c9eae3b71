/**
 * Podman over its Docker-compatible socket, plus what only Podman has: pods, read from the libpod API
 * on the same socket (`GET /v4.0.0/libpod/pods/json`), and whether the service runs rootless. Pure
 * readers of untrusted JSON, and the one call that asks; an engine without the libpod API (Docker, an
 * old Podman) simply has no pods.
 */
import type Docker from 'dockerode';
import type { Container } from '../../contract';
import type { InfoJson } from './docker-host';

export type PodRef = NonNullable<Container['pod']>;

interface PodJson {
  Id?: unknown;
  Name?: unknown;
  Containers?: unknown;
}

/** Each container's pod, from the pod list; anything malformed is skipped. */
export function podsByContainer(pods: unknown): Map<string, PodRef> {
  const out = new Map<string, PodRef>();
  if (!Array.isArray(pods)) return out;
  for (const pod of pods as PodJson[]) {
    if (typeof pod?.Id !== 'string' || pod.Id === '' || !Array.isArray(pod.Containers)) continue;
    const ref: PodRef = { id: pod.Id, name: typeof pod.Name === 'string' && pod.Name !== '' ? pod.Name : pod.Id.slice(0, 12) };
    for (const c of pod.Containers as Array<{ Id?: unknown }>) {
      if (typeof c?.Id === 'string' && c.Id !== '') out.set(c.Id, ref);
    }
  }
  return out;
}

/**
 * Whether the engine runs rootless: libpod's info says so directly (host.security.rootless); the
 * compatible /info lists "name=rootless" among its security options (Docker's rootless mode too).
 */
export function rootlessFrom(libpodInfo: unknown, info: InfoJson): boolean | null {
  const flag = (libpodInfo as { host?: { security?: { rootless?: unknown } } } | null | undefined)?.host?.security?.rootless;
  if (typeof flag === 'boolean') return flag;
  const options = info.SecurityOptions;
  if (!Array.isArray(options)) return null;
  return options.some((o) => typeof o === 'string' && o.split(',').includes('name=rootless'));
}

/** The libpod API's version prefix; Podman 4 and 5 answer it. */
const LIBPOD = '/v4.0.0/libpod';

/** A GET on the libpod API; rejects like any dockerode call (404 where there is no libpod API). */
export function libpodGet(docker: Docker, path: string, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    docker.modem.dial({ path: `${LIBPOD}${path}`, method: 'GET', options: {}, statusCodes: { 200: true, 404: 'not found', 500: 'server error' }, abortSignal: signal }, (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
  });
}
