/** Pure parsers for the Linux /proc files the local host probe reads. */

export interface CpuTimes {
  /** All jiffies across CPUs. */
  total: number;
  /** Jiffies spent idle or waiting for I/O. */
  idle: number;
}

/** The aggregate `cpu` line of /proc/stat. */
export function parseProcStat(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest and guest_nice are already inside user/nice).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  if (fields.some((n) => !Number.isFinite(n))) return null;
  return { total: user + nice + system + idle + iowait + irq + softirq + steal, idle: idle + iowait };
}

/** Cores busy between two /proc/stat readings. */
export function busyCores(previous: CpuTimes, current: CpuTimes, cpus: number): number {
  const total = current.total - previous.total;
  if (total <= 0) return 0;
  const busy = total - (current.idle - previous.idle);
  return Math.max(0, Math.min(cpus, (busy / total) * cpus));
}

/** Bytes in use: MemTotal − MemAvailable (what `free` calls used, cache that can be dropped excluded). */
export function parseMeminfo(text: string): { totalBytes: number; usedBytes: number } | null {
  const kib = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m?.[1] ? Number(m[1]) * 1024 : undefined;
  };
  const total = kib('MemTotal');
  const available = kib('MemAvailable');
  if (total === undefined || available === undefined) return null;
  return { totalBytes: total, usedBytes: Math.max(0, total - available) };
}
