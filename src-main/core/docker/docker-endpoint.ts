/**
 * Where to reach Docker without any configuration: DOCKER_HOST where set, else the user's Docker
 * Desktop socket where it exists, else the system socket. Pure, so it is tested by table. (Engines
 * found on the machine are the engines/ discovery's; this serves the callers that still give an endpoint.)
 */
import type { TlsFiles } from '../../contract';
import type { DockerConfig } from './docker-transport';

export type DockerEndpoint =
  | { local: true; socketPath: string }
  /** tcp://, ssh://: TLS files come from DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, as the Docker CLI reads them. */
  | { local: false; url: string };

export const SYSTEM_SOCKET = '/var/run/docker.sock';

export function resolveDockerEndpoint(dockerHost: string | undefined, userSocket: string | null): DockerEndpoint {
  const fallback = userSocket ?? SYSTEM_SOCKET;
  if (!dockerHost) return { local: true, socketPath: fallback };
  if (dockerHost.startsWith('unix://')) return { local: true, socketPath: dockerHost.slice('unix://'.length) || fallback };
  return { local: false, url: dockerHost.includes('//') ? dockerHost : `tcp://${dockerHost}` };
}

/**
 * The config an endpoint stands for, and the name the engine has had so far (a socket's path, so ids
 * stay what they were). A tcp:// endpoint uses TLS where the Docker CLI would: DOCKER_TLS_VERIFY or
 * DOCKER_CERT_PATH set, with ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (default ~/.docker).
 */
export function configFromEndpoint(endpoint: DockerEndpoint, env: Record<string, string | undefined>, home: string): { config: DockerConfig; label: string } {
  if (endpoint.local) return { config: { kind: 'docker', name: 'Docker', url: `unix://${endpoint.socketPath}` }, label: endpoint.socketPath };
  const wantsTls = endpoint.url.startsWith('tcp://') && Boolean(env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH);
  const dir = env.DOCKER_CERT_PATH || `${home}/.docker`;
  const tls: TlsFiles | null = wantsTls ? { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem` } : null;
  return { config: { kind: 'docker', name: 'Docker', url: endpoint.url, ...(tls ? { tls } : {}) }, label: endpoint.url };
}
