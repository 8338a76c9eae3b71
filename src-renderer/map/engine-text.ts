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

/** Podman's mode in a word ("rootless" or "rootful"); null for other engines, or where it is not known. */
export function podmanMode(engine: Engine): 'rootless' | 'rootful' | null {
  if (engine.kind !== 'podman' || engine.rootless === null) return null;
  return engine.rootless ? 'rootless' : 'rootful';
}

/** The engine's own name where it says more than its kind ("build box", "Podman (rootless)"), else null. */
export function ownName(engine: Engine): string | null {
  return engine.name !== '' && engine.name !== engineName(engine.kind) ? engine.name : null;
}

/**
 * What an engine's building is called: kind and version, and Podman's mode unless its name already says
 * it — "Docker 26.1.5", "Podman 4.3.1 · rootless". The roof puts the engine's own name (ownName) first.
 */
export function buildingTitle(engine: Engine): string {
  const mode = podmanMode(engine);
  const said = mode !== null && (ownName(engine)?.toLowerCase().includes(mode) ?? false);
  return mode === null || said ? engineTitle(engine) : `${engineTitle(engine)} · ${mode}`;
}

/**
 * What a connected engine wants its user to know (a plain tcp:// connection is unencrypted), or null. The
 * hint of an engine that is not connected says how to bring it back, and is shown with its status instead.
 */
export function connectedHint(engine: Engine): string | null {
  return engine.status.state === 'connected' && engine.hint ? engine.hint : null;
}

/**
 * The word on a building's roof for its connected engine's hint: "unencrypted" for plain tcp:// (the one
 * connection that has a hint while connected), else "note"; null without one.
 */
export function roofTag(engine: Engine): string | null {
  if (connectedHint(engine) === null) return null;
  return engine.endpoint.startsWith('tcp://') ? 'unencrypted' : 'note';
}

/**
 * The live part of a sign: "retrying in 3 s", counted down from the engine's next retry to `now` (epoch
 * ms); "retrying now…" once that time has come (the attempt is under way); null when it will not retry.
 */
export function retryCountdown(engine: Engine, now: number): string | null {
  const status = engine.status;
  if (status.state !== 'unreachable' || status.nextRetryAt === null) return null;
  const seconds = Math.ceil((status.nextRetryAt - now) / 1000);
  return seconds > 0 ? `retrying in ${seconds} s` : 'retrying now…';
}
