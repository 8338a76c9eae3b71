/**
 * Which engines the map watches: each one's connection as the user configures it (or as it was found
 * on this machine), kept in the settings. Paths to TLS files and SSH keys are kept; the files themselves
 * never leave the disk, and no password is ever asked for or stored. Types only.
 */

/** TLS client material for a `tcp://` Docker or Podman endpoint, as paths to PEM files; verification is always on. */
export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/** For `ssh://` endpoints: the user's ssh does the rest (agent, config, known_hosts). */
export interface SshOptions {
  /** A private key to use instead of ssh's defaults. */
  identityFile?: string | null;
  /** A known_hosts file to check the host key against instead of ~/.ssh/known_hosts. */
  knownHostsFile?: string | null;
}

export type EngineConfig =
  /** `url`: unix:///path/to.sock, tcp://host:port (with `tls`) or ssh://user@host[:port]. */
  | { kind: 'docker' | 'podman'; name: string; url: string; tls?: TlsFiles | null; ssh?: SshOptions | null }
  /** `uri`: any libvirt URI (qemu:///system, qemu:///session, qemu+ssh://user@host/system, qemu+tls://host/system…). */
  | { kind: 'libvirt'; name: string; uri: string };

export interface EngineEntry {
  /** The engine's id in the world (`${kind}:${endpoint}`). */
  id: string;
  config: EngineConfig;
  /** Found on this machine without configuration (DOCKER_HOST, the Docker context, Podman's sockets, libvirt's default). */
  discovered: boolean;
}

/** What "Test" found: who answered, or exactly why nothing did. */
export interface EngineTestResult {
  ok: boolean;
  /** "Docker 24.0.7 on box (2 CPUs, 8 GiB)", or the reason it failed and what to do. */
  message: string;
  version: string | null;
  host: string | null;
}
