/**
 * The engines this machine has, found without configuration, the way their own tools find them:
 * DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH) or else the current Docker context
 * (~/.docker/config.json and ~/.docker/contexts), else Docker Desktop's user socket or the system socket;
 * Podman's rootful and rootless sockets where they exist; LIBVIRT_DEFAULT_URI or qemu:///system (and
 * qemu:///session for a non-root user where it answers — that check is the caller's). Pure: every fact
 * about the machine comes in through `MachineFacts`.
 */
import { createHash } from 'node:crypto';
import type { EngineConfig, TlsFiles } from '../../contract';

export interface MachineFacts {
  env: Record<string, string | undefined>;
  home: string;
  uid: number;
  /** A file's text, or null when it does not exist or cannot be read. */
  readText(path: string): string | null;
  /** Whether a path exists (a socket, a certificate). */
  exists(path: string): boolean;
}

type LibvirtConfig = Extract<EngineConfig, { kind: 'libvirt' }>;

const SYSTEM_DOCKER = '/var/run/docker.sock';
const ROOTFUL_PODMAN = '/run/podman/podman.sock';

/** Docker's endpoint string as an EngineConfig url: unix:///…, tcp://…, ssh://… (a bare host:port is tcp). */
export function normalizeDockerUrl(host: string): string {
  const h = host.trim();
  if (h.startsWith('unix://') || h.startsWith('tcp://') || h.startsWith('ssh://')) return h;
  if (h.startsWith('/')) return `unix://${h}`;
  return `tcp://${h}`;
}

function tlsIn(dir: string, facts: MachineFacts): TlsFiles | null {
  const files = { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem` };
  return facts.exists(files.ca) && facts.exists(files.cert) && facts.exists(files.key) ? files : null;
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown } };
}

/** The Docker CLI's current context, when it names one other than "default". */
function dockerContext(facts: MachineFacts): EngineConfig | null {
  let current: unknown;
  try {
    current = (JSON.parse(facts.readText(`${facts.home}/.docker/config.json`) ?? '{}') as { currentContext?: unknown }).currentContext;
  } catch {
    return null;
  }
  const name = facts.env.DOCKER_CONTEXT || (typeof current === 'string' ? current : '');
  if (!name || name === 'default') return null;
  const digest = createHash('sha256').update(name).digest('hex');
  let meta: ContextMeta;
  try {
    meta = JSON.parse(facts.readText(`${facts.home}/.docker/contexts/meta/${digest}/meta.json`) ?? 'null') as ContextMeta;
  } catch {
    return null;
  }
  const host = meta?.Endpoints?.docker?.Host;
  if (typeof host !== 'string' || host === '') return null;
  const url = normalizeDockerUrl(host);
  const tls = url.startsWith('tcp://') ? tlsIn(`${facts.home}/.docker/contexts/tls/${digest}/docker`, facts) : null;
  return { kind: 'docker', name: `Docker (${name})`, url, ...(tls ? { tls } : {}) };
}

function dockerEngine(facts: MachineFacts): EngineConfig {
  const host = facts.env.DOCKER_HOST?.trim();
  if (host) {
    const url = normalizeDockerUrl(host);
    const certs = facts.env.DOCKER_CERT_PATH || `${facts.home}/.docker`;
    // DOCKER_TLS_VERIFY asks for TLS; its certificates live in DOCKER_CERT_PATH. Verification is never turned off.
    const tls = url.startsWith('tcp://') && (facts.env.DOCKER_TLS_VERIFY || facts.env.DOCKER_CERT_PATH) ? tlsIn(certs, facts) : null;
    return { kind: 'docker', name: 'Docker', url, ...(tls ? { tls } : {}) };
  }
  const context = dockerContext(facts);
  if (context) return context;
  const desktop = `${facts.home}/.docker/run/docker.sock`;
  return { kind: 'docker', name: 'Docker', url: `unix://${facts.exists(desktop) ? desktop : SYSTEM_DOCKER}` };
}

function podmanEngines(facts: MachineFacts, dockerUrl: string): EngineConfig[] {
  const out: EngineConfig[] = [];
  const candidates: Array<[string, string]> = [[ROOTFUL_PODMAN, 'Podman']];
  const runtime = facts.env.XDG_RUNTIME_DIR || (facts.uid > 0 ? `/run/user/${facts.uid}` : '');
  if (runtime && facts.uid > 0) candidates.push([`${runtime}/podman/podman.sock`, 'Podman (rootless)']);
  for (const [path, name] of candidates) {
    const url = `unix://${path}`;
    // DOCKER_HOST may already point at Podman's socket: one engine, not two.
    if (url !== dockerUrl && facts.exists(path)) out.push({ kind: 'podman', name, url });
  }
  return out;
}

/** libvirt's candidates; qemu:///session is only a candidate (for a non-root user) until it answers. */
export function libvirtCandidates(facts: MachineFacts): { main: LibvirtConfig; session: LibvirtConfig | null } {
  const uri = facts.env.LIBVIRT_DEFAULT_URI?.trim() || 'qemu:///system';
  const session = facts.uid > 0 && uri !== 'qemu:///session' ? ({ kind: 'libvirt', name: 'libvirt (session)', uri: 'qemu:///session' } as const) : null;
  return { main: { kind: 'libvirt', name: 'libvirt', uri }, session };
}

/** Everything found, without the session check (see libvirtCandidates). */
export function discoverEngines(facts: MachineFacts): EngineConfig[] {
  const docker = dockerEngine(facts);
  const docker0 = docker.kind !== 'libvirt' ? docker.url : '';
  return [docker, ...podmanEngines(facts, docker0), libvirtCandidates(facts).main];
}
