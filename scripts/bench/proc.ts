/**
 * CPU time of processes, from /proc/<pid>/stat (utime + stime). The kernel reports it in clock ticks of
 * 10 ms (USER_HZ = 100), so one reading of one process is never finer than that: callers measure blocks
 * of several calls, keep the resolution beside every figure, and print "under" rather than a precise zero.
 * Reads are synchronous on purpose: a snapshot is one consistent moment, taken outside any timed call.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const TICK_MS = 10;

export interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in ticks. */
  ticks: number;
  /** cutime + cstime: children this process has waited for, in ticks. */
  childTicks: number;
  /** Start time in ticks after boot: with the pid, a process's identity (pids are reused). */
  start: number;
}

export function readProc(pid: number): Proc | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null; // it ended while we looked
  }
  const close = stat.lastIndexOf(')');
  const f = stat.slice(close + 2).split(' ');
  // Fields from the 3rd (state) on: ppid is the 4th, utime..cstime the 14th..17th, starttime the 22nd.
  return {
    pid,
    ppid: Number(f[1]),
    comm: stat.slice(stat.indexOf('(') + 1, close),
    ticks: Number(f[11]) + Number(f[12]),
    childTicks: Number(f[13]) + Number(f[14]),
    start: Number(f[19]),
  };
}

export type ProcTable = Map<number, Proc>;

export function processTable(): ProcTable {
  const table: ProcTable = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) table.set(p.pid, p);
  }
  return table;
}

const cmdlines = new Map<string, string>();
/** A process's command line (cached by identity: Chromium rewrites its own, but never its --type). */
export function cmdline(p: Proc): string {
  const key = `${p.pid}:${p.start}`;
  let line = cmdlines.get(key);
  if (line === undefined) {
    try {
      line = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      line = '';
    }
    cmdlines.set(key, line);
  }
  return line;
}

export function isDescendant(p: Proc, ancestor: number, table: ProcTable): boolean {
  for (let q: Proc | undefined = p, hops = 0; q && hops < 64; q = table.get(q.ppid), hops++) {
    if (q.ppid === ancestor) return true;
  }
  return false;
}

/** A set of processes whose CPU is added up under one name. */
export interface ProcGroup {
  name: string;
  match(p: Proc, table: ProcTable): boolean;
}

/**
 * The processes of the engine the benchmark talks to (the default socket), not of other daemons on the
 * machine (the lab runs more dockerds for other tests): the dockerd that /var/run/docker.pid names (else
 * the one started without --host), its containerd, and the shims that containerd's address starts.
 */
interface DockerRoles {
  dockerd: number | null;
  containerds: Set<number>;
  shimAddress: string | null;
}

const roleCache = new WeakMap<ProcTable, DockerRoles>();

function pidFile(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** containerd's gRPC address: from the [grpc] section of its --config, else containerd's default. */
function containerdAddress(p: Proc): string {
  const config = /--config[= ](\S+)/.exec(cmdline(p))?.[1];
  if (!config) return '/run/containerd/containerd.sock';
  try {
    const grpc = readFileSync(config, 'utf8').split(/^\[grpc\]$/m)[1] ?? '';
    return /^\s*address\s*=\s*"([^"]+)"/m.exec(grpc)?.[1] ?? `${config.replace(/\/[^/]*$/, '')}/containerd.sock`;
  } catch {
    return `${config.replace(/\/[^/]*$/, '')}/containerd.sock`;
  }
}

function dockerRoles(table: ProcTable): DockerRoles {
  let roles = roleCache.get(table);
  if (roles) return roles;
  const dockerds = [...table.values()].filter((p) => p.comm === 'dockerd');
  const fromFile = pidFile('/var/run/docker.pid');
  const dockerd =
    dockerds.find((p) => p.pid === fromFile) ??
    dockerds.find((p) => !/\s(--host|-H)[= ]/.test(cmdline(p))) ??
    (dockerds.length === 1 ? dockerds[0] : undefined);
  const containerdProcs = [...table.values()].filter((p) => p.comm === 'containerd');
  // dockerd's own containerd, else (a system containerd) one that no other dockerd started.
  let mine = containerdProcs.filter((p) => dockerd && p.ppid === dockerd.pid);
  if (mine.length === 0) mine = containerdProcs.filter((p) => table.get(p.ppid)?.comm !== 'dockerd');
  roles = { dockerd: dockerd?.pid ?? null, containerds: new Set(mine.map((p) => p.pid)), shimAddress: mine[0] ? containerdAddress(mine[0]) : null };
  roleCache.set(table, roles);
  return roles;
}

const shimAddress = (p: Proc): string | undefined => /\s-address\s+(\S+)/.exec(cmdline(p))?.[1];

export const DOCKERD: ProcGroup = { name: 'dockerd', match: (p, t) => p.comm === 'dockerd' && dockerRoles(t).dockerd === p.pid };
export const CONTAINERD: ProcGroup = { name: 'containerd', match: (p, t) => p.comm === 'containerd' && dockerRoles(t).containerds.has(p.pid) };
/** `containerd-shim-runc-v2`, one per container (comm is cut at 15 characters). */
export const SHIMS: ProcGroup = {
  name: 'containerd-shim*',
  match: (p, t) => p.comm.startsWith('containerd-shim') && shimAddress(p) === dockerRoles(t).shimAddress,
};
/** The system libvirtd (its pid file), else every libvirtd. */
export const LIBVIRTD: ProcGroup = {
  name: 'libvirtd',
  match: (p, t) => {
    if (p.comm !== 'libvirtd') return false;
    const pid = pidFile('/var/run/libvirtd.pid');
    return pid === null || t.get(pid)?.comm !== 'libvirtd' || pid === p.pid;
  },
};
export const DOCKER_ENGINE = [DOCKERD, CONTAINERD, SHIMS];

/** What the groups matched in the process table now, e.g. "dockerd 1, containerd 1, containerd-shim* 100". */
export function describeGroups(groups: ProcGroup[]): string {
  const t = processTable();
  return groups.map((g) => `${g.name} ${[...t.values()].filter((p) => g.match(p, t)).length}`).join(', ');
}

export const pidGroup = (name: string, pid: number): ProcGroup => ({ name, match: (p) => p.pid === pid });

export interface CpuSnapshot {
  at: number;
  /** By process identity: its group and ticks. */
  procs: Map<string, { group: string; ticks: number }>;
}

/** One reading of every process in the groups (the first group that matches a process owns it). */
export function snapshot(groups: ProcGroup[]): CpuSnapshot {
  const table = processTable();
  const procs = new Map<string, { group: string; ticks: number }>();
  for (const p of table.values()) {
    const group = groups.find((g) => g.match(p, table));
    if (group) procs.set(`${p.pid}:${p.start}`, { group: group.name, ticks: p.ticks });
  }
  return { at: performance.now(), procs };
}

export interface GroupCpu {
  /** CPU used between the snapshots, ms. */
  ms: number;
  /** Processes seen at the end. */
  processes: number;
}

/**
 * CPU per group between two snapshots. A process that started in between counts from zero; one that ended
 * in between is lost (engines' processes do not end while a part measures).
 */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot, groups: ProcGroup[]): Record<string, GroupCpu> {
  const out: Record<string, GroupCpu> = {};
  for (const g of groups) out[g.name] = { ms: 0, processes: 0 };
  for (const [key, end] of b.procs) {
    const cpu = out[end.group];
    if (!cpu) continue;
    cpu.ms += (end.ticks - (a.procs.get(key)?.ticks ?? 0)) * TICK_MS;
    cpu.processes++;
  }
  return out;
}

/** CPU of the children this process has waited for (a CLI run with execFile counts once it exited), ms. */
export function waitedChildrenMs(): number {
  return (readProc(process.pid)?.childTicks ?? 0) * TICK_MS;
}
