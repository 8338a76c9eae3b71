/**
 * The Engines dialog's "Test" for a Docker or Podman config: connect once (ping, info, version, each
 * with the deadline), say who answered ("Docker 24.0.7 on box (2 CPUs, 8 GiB)") or exactly why not — the
 * same reasons and hints the map shows — and close everything it opened (sockets, ssh children).
 */
import type Docker from 'dockerode';
import type { EngineTestResult } from '../../contract';
import { explainDockerFailure, UNENCRYPTED } from './docker-failure';
import type { InfoJson } from './docker-host';
import { DockerTransport, type DockerConfig } from './docker-transport';

const TEST_DEADLINE_MS = 10_000;
const GiB = 1024 ** 3;

interface SignalledDocker {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  info(options: { abortSignal: AbortSignal }): Promise<InfoJson>;
  version(options: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
}

/** Rejects with the signal's reason once it aborts (opening the client reads files; that has no signal of its own). */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export function describeCapacity(cpus: number, memoryBytes: number): string {
  const gib = memoryBytes / GiB;
  return `${cpus} CPU${cpus === 1 ? '' : 's'}, ${gib.toFixed(gib < 10 ? 1 : 0).replace(/\.0$/, '')} GiB`;
}

export async function testDockerConfig(config: DockerConfig): Promise<EngineTestResult> {
  const transport = new DockerTransport(config);
  const deadline = AbortSignal.timeout(TEST_DEADLINE_MS);
  try {
    const docker = (await beforeDeadline(transport.open(), deadline)) as unknown as SignalledDocker;
    const [, info, version] = await Promise.all([docker.ping({ abortSignal: deadline }), docker.info({ abortSignal: deadline }), docker.version({ abortSignal: deadline })]);
    const name = config.kind === 'podman' ? 'Podman' : 'Docker';
    const host = info.Name ?? null;
    const message = `${name} ${version.Version} on ${host ?? 'an unnamed host'} (${describeCapacity(info.NCPU ?? 0, info.MemTotal ?? 0)})`;
    return { ok: true, message: transport.encrypted ? message : `${message}. ${UNENCRYPTED}`, version: version.Version, host };
  } catch (err) {
    const why = explainDockerFailure(err, transport.context);
    return { ok: false, message: `${why.reason}. ${why.hint}`, version: null, host: null };
  } finally {
    await transport.dispose();
  }
}
