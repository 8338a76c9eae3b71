/**
 * Pure assembly of a world frame from what each engine reports: engines on one machine become one host,
 * and each host gets its accounting. The hub calls this for every frame it publishes.
 */
import type { Engine, EngineKind, Host, HostUsage, World } from '../contract';
import { account } from './accounting';
import { DEFAULT_ENGINE_NAMES, engineId, type EngineReport, type HostFacts } from './engine';
import { isThisMachine, localHostId, remoteHostId, sameRemoteMachine } from './host-identity';
import type { LocalMachine } from './local-machine';

export interface EngineEntry {
  kind: EngineKind;
  endpoint: string;
  local: boolean;
  report: EngineReport;
  /** What the user calls it; default: the kind's own name. */
  name?: string;
}

export interface WorldInput {
  seq: number;
  at: number;
  sampleIntervalSeconds: number;
  engines: readonly EngineEntry[];
  local: LocalMachine | null;
  localUsage: HostUsage | null;
}

interface Group {
  id: string;
  thisMachine: boolean;
  facts: HostFacts[];
  entries: EngineEntry[];
}

function placeEngines(engines: readonly EngineEntry[], local: LocalMachine | null): Group[] {
  const groups: Group[] = [];
  const join = (id: string, thisMachine: boolean, entry: EngineEntry): void => {
    let group = groups.find((g) => g.id === id);
    if (!group) groups.push((group = { id, thisMachine, facts: [], entries: [] }));
    group.entries.push(entry);
    if (entry.report.host) group.facts.push(entry.report.host);
  };
  for (const entry of engines) {
    const facts = entry.report.host;
    if (facts && local && isThisMachine(facts, local)) join(localHostId(local), true, entry);
    else if (facts) {
      const twin = groups.find((g) => !g.thisMachine && g.facts.some((f) => sameRemoteMachine(f, facts)));
      join(twin?.id ?? remoteHostId(facts), false, entry);
    } else if (entry.local && local) {
      // Never answered yet, but a local socket is on this machine: stand it there, so its status shows.
      join(localHostId(local), true, entry);
    } else join(`endpoint:${entry.endpoint}`, false, entry);
  }
  return groups;
}

function engineOf(entry: EngineEntry): Engine {
  const { report } = entry;
  return {
    id: engineId(entry.kind, entry.endpoint),
    kind: entry.kind,
    draws: entry.kind === 'libvirt' ? 'houses' : 'apartments',
    name: entry.name ?? DEFAULT_ENGINE_NAMES[entry.kind],
    rootless: report.rootless ?? null,
    endpoint: entry.endpoint,
    status: report.status,
    version: report.version,
    sampleMs: report.sampleMs,
    containers: report.containers,
    vms: report.vms,
    hint: report.hint,
  };
}

function hostOf(group: Group, local: LocalMachine | null, localUsage: HostUsage | null): Host {
  const pick = <T>(read: (f: HostFacts) => T, isSet: (v: T) => boolean, fallback: T): T => {
    for (const f of group.facts) {
      const v = read(f);
      if (isSet(v)) return v;
    }
    return fallback;
  };
  const mine = group.thisMachine ? local : null;
  const cpus = pick((f) => f.cpus, (v) => v > 0, mine?.cpus ?? 0);
  const memoryBytes = pick((f) => f.memoryBytes, (v) => v > 0, mine?.memoryBytes ?? 0);
  // This machine's use comes from /proc; a remote host's from an engine that can tell (libvirt's node stats).
  const usage = group.thisMachine ? localUsage : (group.entries.map((e) => e.report.hostUsage ?? null).find((u) => u !== null) ?? null);
  const engines = group.entries.map(engineOf);
  return {
    id: group.id,
    // This machine is named as it names itself; engines disagree (FQDN or short name).
    name: mine?.hostname || pick((f) => f.hostname, (v) => v !== '', group.entries[0]?.endpoint ?? ''),
    cpus,
    memoryBytes,
    kernel: pick((f) => f.kernel, (v) => v !== '', mine?.kernel ?? ''),
    os: pick((f) => f.os, (v) => v !== '', mine?.os ?? ''),
    usage,
    engines,
    accounting: account({
      cpus,
      memoryBytes,
      usage,
      containers: engines.flatMap((e) => e.containers),
      vms: engines.flatMap((e) => e.vms),
    }),
  };
}

export function buildWorld(input: WorldInput): World {
  const groups = placeEngines(input.engines, input.local);
  // This machine first: it is the street a desktop user cares about most.
  groups.sort((a, b) => Number(b.thisMachine) - Number(a.thisMachine));
  return {
    seq: input.seq,
    at: input.at,
    sampleIntervalSeconds: input.sampleIntervalSeconds,
    hosts: groups.map((g) => hostOf(g, input.local, input.localUsage)),
  };
}
