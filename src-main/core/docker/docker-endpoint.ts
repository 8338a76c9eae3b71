/**
 * Where to reach Docker without any configuration: DOCKER_HOST where set, else the user's Docker
 * Desktop socket where it exists, else the system socket. Pure, so it is tested by table.
 */
export type DockerEndpoint =
  | { local: true; socketPath: string }
  /** tcp://, ssh://, https://: dockerode reads DOCKER_HOST (and its TLS variables) itself. */
  | { local: false; url: string };

export const SYSTEM_SOCKET = '/var/run/docker.sock';

export function resolveDockerEndpoint(dockerHost: string | undefined, userSocket: string | null): DockerEndpoint {
  const fallback = userSocket ?? SYSTEM_SOCKET;
  if (!dockerHost) return { local: true, socketPath: fallback };
  if (dockerHost.startsWith('unix://')) return { local: true, socketPath: dockerHost.slice('unix://'.length) || fallback };
  return { local: false, url: dockerHost.includes('//') ? dockerHost : `tcp://${dockerHost}` };
}
