/**
 * How one Docker or Podman engine is reached, made from its EngineConfig: a dockerode client over a unix
 * socket, over TCP (with TLS when the config has its files), or over ssh's stdio. `open()` gives the
 * client for one connection attempt — reading TLS files and checking key files there, asynchronously, so
 * a missing or wrong file is that attempt's reason (naming the file) and a fixed file is picked up by the
 * next retry. `reset()` drops every socket (and ssh child) of a lost connection; `dispose()` for good.
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import type http from 'node:http';
import Docker from 'dockerode';
import type { EngineConfig, SshOptions, TlsFiles } from '../../contract';
import { DockerAgent, DockerHttpsAgent } from './docker-agent';
import { DockerDialError, type FailureContext } from './docker-failure';
import { explainSshFailure, sshArgs } from './docker-ssh';
import { SshDialAgent } from './docker-ssh-agent';
import { checkTlsMaterial, type TlsMaterial } from './docker-tls';
import { parseDockerUrl, type DockerTarget, type ParsedUrl } from './docker-url';

export type DockerConfig = Extract<EngineConfig, { kind: 'docker' | 'podman' }>;

/**
 * Over ssh every socket is a process on both machines: a few, reused. One carries the event stream, one
 * lists and inspects, the rest fetch stats (one-shot stats take dockerd ~1 s each, so a sample of many
 * containers takes several waves there; the kernel fast path is for local engines only).
 */
const SSH_SOCKETS = 8;
const SSH_STATS_CONCURRENCY = 6;
const SSH_INSPECT_CONCURRENCY = 4;
/**
 * Every one-shot stats call in flight shares dockerd's one-second wait: a sweep takes ~1 s whether 5 or
 * 60 containers are asked at once, but 3 s if they queue in 3 waves. High enough for one wave on typical
 * hosts, bounded so thousands of containers don't open thousands of sockets.
 */
const STATS_CONCURRENCY = 64;
const INSPECT_CONCURRENCY = 16;

/**
 * docker-modem fills in whatever we leave out from DOCKER_HOST, DOCKER_CERT_PATH and friends. An engine
 * made from a config is exactly its config: every such option is given, most as "not set".
 */
const NOT_FROM_ENVIRONMENT = {
  socketPath: undefined,
  host: undefined,
  port: undefined,
  protocol: undefined,
  ca: undefined,
  cert: undefined,
  key: undefined,
  username: undefined,
  timeout: undefined,
  pathPrefix: undefined,
  sshOptions: {},
};

const fileError = (err: unknown): string => {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return err instanceof Error ? err.message : String(err);
};

async function readTlsFiles(files: TlsFiles): Promise<TlsMaterial> {
  const one = async (what: string, path: string): Promise<Buffer> => {
    try {
      return await readFile(path);
    } catch (err) {
      throw new DockerDialError(`the TLS ${what} file ${path} cannot be read (${fileError(err)})`, `Check the ${what} path for this engine; Neighborhood reads the file at every connection attempt.`);
    }
  };
  const [ca, cert, key] = await Promise.all([one('CA', files.ca), one('certificate', files.cert), one('key', files.key)]);
  const wrong = checkTlsMaterial({ ca, cert, key }, files);
  if (wrong) throw new DockerDialError(wrong.reason, wrong.hint);
  return { ca, cert, key };
}

async function checkSshFiles(options: SshOptions | null | undefined): Promise<void> {
  const check = async (what: string, path: string | null | undefined): Promise<void> => {
    if (!path) return;
    try {
      await access(path, constants.R_OK);
    } catch (err) {
      throw new DockerDialError(`the ${what} ${path} cannot be read (${fileError(err)})`, `Check the ${what} path for this engine.`);
    }
  };
  await check('identity file', options?.identityFile);
  await check('known_hosts file', options?.knownHostsFile);
}

/** dockerode passes `agent` to every request; its types do not list it. */
function makeDocker(options: Docker.DockerOptions & { agent: http.Agent }): Docker {
  try {
    return new Docker({ ...NOT_FROM_ENVIRONMENT, ...options });
  } catch (err) {
    // docker-modem reads DOCKER_CERT_PATH's files at construction whatever the options say.
    throw new DockerDialError(`the Docker client could not be set up (${err instanceof Error ? err.message : String(err)})`, 'Check DOCKER_HOST and DOCKER_CERT_PATH in the environment Neighborhood was started from.');
  }
}

export class DockerTransport {
  readonly kind: 'docker' | 'podman';
  /** How the engine is named in ids and text: the url, or (for the older socket-path callers) the path. */
  readonly endpoint: string;
  readonly local: boolean;
  /** False only for tcp:// without TLS; the adapter says so wherever the engine is shown. */
  readonly encrypted: boolean;
  readonly context: FailureContext;
  readonly statsConcurrency: number;
  readonly inspectConcurrency: number;
  private readonly parsed: ParsedUrl;
  private agent: http.Agent | null = null;
  /** The ssh agent, kept after dispose so its children can still be counted. */
  private ssh: SshDialAgent | null = null;
  private client: Docker | null = null;
  private disposed = false;

  constructor(
    readonly config: DockerConfig,
    endpoint: string = config.url,
  ) {
    this.kind = config.kind;
    this.endpoint = endpoint;
    this.parsed = parseDockerUrl(config.url, Boolean(config.tls));
    const target: DockerTarget | null = this.parsed.ok ? this.parsed.target : null;
    this.local = target?.scheme === 'unix';
    this.encrypted = target?.scheme !== 'tcp' || Boolean(config.tls);
    const ssh = target?.scheme === 'ssh';
    this.statsConcurrency = ssh ? SSH_STATS_CONCURRENCY : STATS_CONCURRENCY;
    this.inspectConcurrency = ssh ? SSH_INSPECT_CONCURRENCY : INSPECT_CONCURRENCY;
    this.context = {
      kind: config.kind,
      endpoint,
      scheme: target?.scheme ?? 'tcp',
      host: target && target.scheme !== 'unix' ? target.host : null,
      tls: target?.scheme === 'tcp' && config.tls ? config.tls : null,
    };
  }

  /** The client for a new connection attempt; rejects with a DockerDialError saying why there is none. */
  async open(): Promise<Docker> {
    if (this.disposed) throw new DockerDialError('the engine is no longer watched', '');
    if (!this.parsed.ok) throw new DockerDialError(this.parsed.reason, 'Correct the engine’s address.');
    const target = this.parsed.target;
    switch (target.scheme) {
      case 'unix':
        this.client ??= makeDocker({ socketPath: target.socketPath, agent: (this.agent ??= new DockerAgent()) });
        return this.client;
      case 'tcp': {
        if (!this.config.tls) {
          this.client ??= makeDocker({ host: target.host, port: target.port, protocol: 'http', agent: (this.agent ??= new DockerAgent()) });
          return this.client;
        }
        // Read at every attempt: a renewed certificate is used by the next retry without a restart.
        const tls = await readTlsFiles(this.config.tls);
        if (this.disposed) throw new DockerDialError('the engine is no longer watched', '');
        this.agent?.destroy();
        const agent = (this.agent = new DockerHttpsAgent(tls));
        this.client = makeDocker({ host: target.host, port: target.port, protocol: 'https', ca: tls.ca, cert: tls.cert, key: tls.key, agent });
        return this.client;
      }
      case 'ssh': {
        await checkSshFiles(this.config.ssh);
        if (this.disposed) throw new DockerDialError('the engine is no longer watched', '');
        if (!this.client) {
          const ssh = this.config.ssh;
          const engine = this.kind;
          const agent = new SshDialAgent(
            { command: 'ssh', args: sshArgs(target, ssh, engine), explain: (stderr, exit) => explainSshFailure(stderr, exit, target, ssh, engine) },
            SSH_SOCKETS,
          );
          this.agent = this.ssh = agent;
          // The host and port only name the pool and the Host header; ssh does the dialling.
          this.client = makeDocker({ host: target.host, port: target.port ?? 22, protocol: 'http', agent });
        }
        return this.client;
      }
    }
  }

  /** Drops every pooled socket (and so every ssh child): the connection they belonged to is gone. */
  reset(): void {
    this.agent?.destroy();
  }

  /** ssh children alive now: each ssh socket in use or kept for reuse. */
  liveSshChildren(): number {
    return this.ssh?.liveChildren ?? 0;
  }

  /** Closes every socket; resolves once every ssh child has exited (SIGKILL follows SIGTERM after 2 s). */
  async dispose(): Promise<void> {
    this.disposed = true;
    const agent = this.agent;
    this.agent = null;
    this.client = null;
    agent?.destroy();
    if (agent instanceof SshDialAgent) await agent.exited(3000);
  }
}
