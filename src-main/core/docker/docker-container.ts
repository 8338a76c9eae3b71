/**
 * Pure mapping from Docker's inspect and list answers to the world's Container. Every string here came
 * from the engine and stays untrusted text: it is copied, never interpreted.
 */
import type { Container, ContainerState, PortBinding } from '../../contract';

/** The part of `GET /containers/{id}/json` we read. */
export interface InspectJson {
  Id: string;
  Name?: string;
  Created?: string;
  Path?: string;
  Args?: string[];
  State?: { Status?: string; StartedAt?: string; Running?: boolean; Paused?: boolean; ExitCode?: number; Pid?: number };
  Config?: { Image?: string; Labels?: Record<string, string> | null };
  HostConfig?: { NanoCpus?: number; CpuQuota?: number; CpuPeriod?: number; Memory?: number };
  NetworkSettings?: {
    Ports?: Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | null;
    Networks?: Record<string, unknown> | null;
  };
}

const STATES: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export function containerState(status: string | undefined): ContainerState {
  return STATES.find((s) => s === status) ?? 'dead';
}

/** CPU limit in cores: --cpus sets NanoCpus; older tools set a CFS quota over a period. */
export function cpuLimitCores(host: InspectJson['HostConfig']): number | null {
  if (host?.NanoCpus && host.NanoCpus > 0) return host.NanoCpus / 1e9;
  if (host?.CpuQuota && host.CpuQuota > 0) return host.CpuQuota / (host.CpuPeriod && host.CpuPeriod > 0 ? host.CpuPeriod : 100_000);
  return null;
}

export function portBindings(ports: NonNullable<InspectJson['NetworkSettings']>['Ports']): PortBinding[] {
  const out: PortBinding[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, protocol = 'tcp'] = key.split('/');
    const containerPort = Number(port);
    if (!Number.isFinite(containerPort)) continue;
    if (!bindings || bindings.length === 0) {
      out.push({ containerPort, protocol, hostIp: null, hostPort: null });
      continue;
    }
    for (const b of bindings) {
      const hostPort = b.HostPort ? Number(b.HostPort) : NaN;
      out.push({ containerPort, protocol, hostIp: b.HostIp || null, hostPort: Number.isFinite(hostPort) ? hostPort : null });
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

/** Docker's zero time means "never". */
const timeOrNull = (t: string | undefined): string | null => (!t || t.startsWith('0001-01-01') ? null : t);

/**
 * A status line from inspect alone, for a container an event just changed: Docker's own line ("Up 3
 * minutes") comes with the next list, one sample later; until then this says the same thing more briefly.
 */
export function statusFromInspect(state: InspectJson['State']): string {
  switch (state?.Status) {
    case 'running':
      return 'Up';
    case 'paused':
      return 'Up (Paused)';
    case 'restarting':
      return 'Restarting';
    case 'exited':
      return `Exited (${state.ExitCode ?? 0})`;
    case 'created':
      return 'Created';
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    default:
      return state?.Status ?? '';
  }
}

/**
 * The container as the world shows it, before live figures. `statusLine` is Docker's "Up 3 minutes"
 * from the list call (inspect lacks it).
 */
export function containerFromInspect(json: InspectJson, statusLine: string): Container {
  const memory = json.HostConfig?.Memory;
  return {
    id: json.Id,
    name: (json.Name ?? '').replace(/^\//, '') || json.Id.slice(0, 12),
    image: json.Config?.Image ?? '',
    command: [json.Path ?? '', ...(json.Args ?? [])].filter((s) => s !== '').join(' '),
    state: containerState(json.State?.Status),
    status: statusLine,
    createdAt: json.Created ?? '',
    startedAt: timeOrNull(json.State?.StartedAt),
    labels: { ...(json.Config?.Labels ?? {}) },
    ports: portBindings(json.NetworkSettings?.Ports),
    networks: Object.keys(json.NetworkSettings?.Networks ?? {}).sort(),
    cpuLimitCores: cpuLimitCores(json.HostConfig),
    memoryLimitBytes: memory && memory > 0 ? memory : null,
    stats: null,
    activity: null,
    pod: null,
  };
}
