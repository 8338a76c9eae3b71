/**
 * The one small interface every engine adapter (Docker, libvirt, later Podman) implements. An adapter
 * owns its connection: it connects, notices when the engine goes away, retries on its own and tells
 * the hub through `subscribe`. The hub only asks it to sample and reads its report.
 */
import type { Action, ActionDone, Container, EngineKind, EngineStatus, HostUsage, Vm } from '../contract';

/** What an engine tells about the machine it runs on; the hub merges engines into hosts with it. */
export interface HostFacts {
  hostname: string;
  cpus: number;
  memoryBytes: number;
  /** Kernel release; '' when the engine cannot tell (libvirt). */
  kernel: string;
  os: string;
  /** Whether the endpoint is on this machine (a unix socket, a local libvirt URI). */
  local: boolean;
}

export interface EngineReport {
  status: EngineStatus;
  version: string | null;
  /** Null until the first successful connection. Kept while unreachable, so the host stays on the map. */
  host: HostFacts | null;
  containers: Container[];
  vms: Vm[];
  sampleMs: number | null;
  hint: string | null;
  /** Podman: whether it runs rootless (null elsewhere or unknown). */
  rootless?: boolean | null;
  /** What the whole machine uses, where this engine can tell (remote libvirt's node stats); null otherwise. */
  hostUsage?: HostUsage | null;
}

export interface EngineAdapter {
  readonly kind: EngineKind;
  readonly endpoint: string;
  /** What the user calls it; default: the kind's own name ("Docker", "Podman", "libvirt"). */
  readonly name?: string;
  /** Whether the endpoint is on this machine; lets the hub place the engine before it ever answers. */
  readonly local: boolean;
  /** Start connecting; from here on the adapter keeps itself connected until disposed. */
  start(): void;
  /** Refresh live figures. Resolves (never rejects) — a failure shows in the report's status. */
  sample(): Promise<void>;
  report(): EngineReport;
  /** Called after any change worth a new frame (structure, status). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * Carries out an action on a tenant of this engine (already validated in shape). Actions on one tenant
   * run one at a time in the order asked; other tenants and sampling never wait on them. Rejects with an
   * ActionError whose message and code say why.
   */
  act(action: Action): Promise<ActionDone>;
  /** Stop timers, streams and connections; nothing of the adapter stays alive afterwards. */
  dispose(): Promise<void>;
}

export const engineId = (kind: EngineKind, endpoint: string): string => `${kind}:${endpoint}`;

export const DEFAULT_ENGINE_NAMES: Record<EngineKind, string> = { docker: 'Docker', podman: 'Podman', libvirt: 'libvirt' };
