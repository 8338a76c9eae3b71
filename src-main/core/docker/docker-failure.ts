/**
 * Why a Docker or Podman engine cannot be reached, in words, with what to do — one answer for the
 * adapter's status and for the Engines dialog's "Test". Pure.
 */
import type { TlsFiles } from '../../contract';
import { describeDockerError, dockerHint } from './docker-host';
import type { Explained } from './docker-ssh';
import { explainTlsFailure } from './docker-tls';

/**
 * A connection that could not be made or was lost for a reason we already put in words (a file that
 * cannot be read, ssh's own refusal). Always the connection's end, never one call's.
 */
export class DockerDialError extends Error {
  readonly code = 'EDIAL';

  constructor(
    readonly reason: string,
    readonly hint: string,
  ) {
    super(reason);
    this.name = 'DockerDialError';
  }
}

export interface FailureContext {
  kind: 'docker' | 'podman';
  /** As the user wrote it (the engine's url, or a socket path). */
  endpoint: string;
  scheme: 'unix' | 'tcp' | 'ssh';
  /** tcp:// host, for certificate names. */
  host: string | null;
  tls: TlsFiles | null;
}

/** Said wherever a plain tcp:// engine is shown, connected or not. */
export const UNENCRYPTED =
  'This connection is unencrypted (plain tcp:// without TLS): anyone on the network between can read and change what passes, including your actions. Use tcp:// with TLS files, or ssh://.';

const isDialError = (err: unknown): err is { reason: string; hint: string } =>
  typeof (err as { reason?: unknown } | undefined)?.reason === 'string' && typeof (err as { hint?: unknown }).hint === 'string' && (err as { code?: unknown }).code === 'EDIAL';

export function explainDockerFailure(err: unknown, ctx: FailureContext): Explained {
  if (isDialError(err)) return { reason: err.reason, hint: err.hint };
  if (ctx.tls) {
    const tls = explainTlsFailure(err, ctx.tls, ctx.host ?? ctx.endpoint, ctx.endpoint);
    if (tls) return tls;
  }
  const reason = describeDockerError(err, ctx.endpoint, ctx.kind === 'podman' ? 'Podman' : 'Docker');
  const code = (err as { code?: unknown } | undefined)?.code;
  let hint: string;
  if (ctx.scheme === 'unix') {
    hint = ctx.kind === 'podman' && code !== 'EACCES'
      ? "Start Podman's service (sudo systemctl start podman.socket, or systemctl --user start podman.socket for rootless; or podman system service). Neighborhood reconnects on its own."
      : dockerHint(err);
  } else {
    const what = ctx.kind === 'podman' ? 'Podman’s service' : 'Docker';
    hint = `Check that ${what} listens at ${ctx.endpoint} and that this machine can reach it. Neighborhood reconnects on its own.`;
  }
  if (ctx.scheme === 'tcp' && !ctx.tls) hint = `${hint} ${UNENCRYPTED}`;
  return { reason, hint };
}
