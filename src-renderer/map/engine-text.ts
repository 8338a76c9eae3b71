/**
 * The words the UI uses for an engine and its status, in one place so the status line, the plot
 * signs and the full-window message say the same thing.
 */
import type { Engine, EngineKind } from '../../src-main/contract';

const NAMES: Record<EngineKind, string> = { docker: 'Docker', podman: 'Podman', libvirt: 'libvirt' };

export function engineName(kind: EngineKind): string {
  return NAMES[kind];
}

/** "Docker 26.1.5", or just "Docker" before the engine told its version. */
export function engineTitle(engine: Engine): string {
  return engine.version ? `${engineName(engine.kind)} ${engine.version}` : engineName(engine.kind);
}

/** Whether the engine's tenants stand as detached houses (VMs) rather than apartments: the core says so. */
export function housesEngine(engine: Engine): boolean {
  return engine.draws === 'houses';
}

/**
 * The status line: title, the state word (connected / connecting / unreachable / unavailable) and
 * the reason, e.g. "Docker · unreachable: connect ENOENT /var/run/docker.sock".
 */
export function statusLine(engine: Engine): string {
  const status = engine.status;
  switch (status.state) {
    case 'connected':
      return `${engineTitle(engine)} · connected`;
    case 'connecting':
      return `${engineName(engine.kind)} · connecting…`;
    case 'unreachable':
    case 'unavailable':
      return `${engineName(engine.kind)} · ${status.state}: ${status.reason}`;
  }
}

/** What the sign on an empty plot says, e.g. "libvirt is not available: …". */
export function signSentence(engine: Engine): string {
  const name = engineName(engine.kind);
  const status = engine.status;
  switch (status.state) {
    case 'connected':
      return housesEngine(engine) ? `No VMs on ${engine.endpoint}` : `No containers on ${engine.endpoint}`;
    case 'connecting':
      return `${name} connecting…`;
    case 'unreachable':
      return `${name} is unreachable: ${status.reason}`;
    case 'unavailable':
      return `${name} is not available: ${status.reason}`;
  }
}

/** Whether the engine will try again on its own. */
export function retrying(engine: Engine): boolean {
  return engine.status.state === 'unreachable' && engine.status.nextRetryAt !== null;
}
