/**
 * Pure reading of the kernel's cgroup accounting files and a network namespace's interface counters:
 * what `docker stats` reads through dockerd, read here straight from /sys and /proc for a local engine.
 * Both cgroup versions: v1 (one hierarchy per controller) and v2 (one unified hierarchy). Every parser
 * takes untrusted text and answers null (or skips a line) rather than guess.
 */

/** Where one process's cgroups are: its v1 controller paths, or its v2 path. */
export interface CgroupPlacement {
  /** controller → path below that controller's mount (cgroup v1); empty on a pure v2 host. */
  v1: Map<string, string>;
  /** The unified (v2) path, where the process has one. */
  v2: string | null;
}

/** `/proc/<pid>/cgroup`: lines of `hierarchy-id:controllers:path`; v2 is `0::/path`. */
export function parseProcCgroup(text: string): CgroupPlacement {
  const v1 = new Map<string, string>();
  let v2: string | null = null;
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    const controllers = line.slice(first + 1, second);
    const path = line.slice(second + 1).trim();
    if (!path.startsWith('/') || path.includes('/../') || path.endsWith('/..')) continue;
    if (controllers === '') v2 = path;
    else for (const c of controllers.split(',')) if (c && !c.startsWith('name=')) v1.set(c, path);
  }
  return { v1, v2 };
}

/** Which files hold a process's figures, given where the cgroup hierarchies are mounted. */
export interface CgroupFiles {
  version: 1 | 2;
  cpu: string;
  memoryUsage: string;
  memoryStat: string;
  pids: string;
  io: string;
}

export function cgroupFiles(placement: CgroupPlacement, root = '/sys/fs/cgroup'): CgroupFiles | null {
  const { v1, v2 } = placement;
  if (v1.has('memory') && v1.has('cpuacct')) {
    const at = (controller: string, file: string) => `${root}/${controller}${v1.get(controller) ?? ''}/${file}`;
    return {
      version: 1,
      cpu: at('cpuacct', 'cpuacct.usage'),
      memoryUsage: at('memory', 'memory.usage_in_bytes'),
      memoryStat: at('memory', 'memory.stat'),
      pids: v1.has('pids') ? at('pids', 'pids.current') : '',
      io: v1.has('blkio') ? at('blkio', 'blkio.throttle.io_service_bytes_recursive') : '',
    };
  }
  if (v2 !== null && v1.size === 0) {
    const at = (file: string) => `${root}${v2 === '/' ? '' : v2}/${file}`;
    return { version: 2, cpu: at('cpu.stat'), memoryUsage: at('memory.current'), memoryStat: at('memory.stat'), pids: at('pids.current'), io: at('io.stat') };
  }
  return null;
}

const integer = (text: string): number | null => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
};

/** A file of one integer (memory.current, pids.current, cpuacct.usage). */
export const parseSingleNumber = integer;

/** `key value` lines (memory.stat, cpu.stat) into a map; malformed lines are skipped. */
export function parseKeyValues(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [key, value, extra] = line.trim().split(/\s+/);
    if (!key || value === undefined || extra !== undefined) continue;
    const n = integer(value);
    if (n !== null) out[key] = n;
  }
  return out;
}

/** cgroup v2 cpu.stat: total CPU time in ns (usage_usec × 1000). */
export function cpuNsFromCpuStat(text: string): number | null {
  const usec = parseKeyValues(text).usage_usec;
  return usec === undefined ? null : usec * 1000;
}

/** Bytes read and written over all devices. */
export interface IoBytes {
  read: number;
  write: number;
}

/** cgroup v2 io.stat: `MAJ:MIN rbytes=… wbytes=… rios=…` per device. */
export function parseIoStatV2(text: string): IoBytes {
  let read = 0;
  let write = 0;
  for (const line of text.split('\n')) {
    for (const field of line.trim().split(/\s+/).slice(1)) {
      const [key, value] = field.split('=');
      const n = integer(value ?? '');
      if (n === null) continue;
      if (key === 'rbytes') read += n;
      else if (key === 'wbytes') write += n;
    }
  }
  return { read, write };
}

/** cgroup v1 blkio.*io_service_bytes_recursive: `MAJ:MIN Read N` per device and op, then `Total N`. */
export function parseBlkioV1(text: string): IoBytes {
  let read = 0;
  let write = 0;
  for (const line of text.split('\n')) {
    const [device, op, value, extra] = line.trim().split(/\s+/);
    if (!device?.includes(':') || extra !== undefined) continue;
    const n = integer(value ?? '');
    if (n === null) continue;
    if (op === 'Read') read += n;
    else if (op === 'Write') write += n;
  }
  return { read, write };
}

/** `/proc/<pid>/net/dev` of a container's namespace: bytes received and sent over all but loopback. */
export function parseNetDev(text: string): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const line of text.split('\n').slice(2)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    if (name === 'lo' || name === '') continue;
    const fields = line.slice(colon + 1).trim().split(/\s+/);
    const r = integer(fields[0] ?? '');
    const t = integer(fields[8] ?? '');
    if (r === null || t === null) continue;
    rx += r;
    tx += t;
  }
  return { rx, tx };
}
