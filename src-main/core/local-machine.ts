/**
 * This machine: its identity (so engines on it become one host) and what it uses in all (so the
 * ground can show the host's own share). Read from /etc and /proc, asynchronously.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { HostUsage } from '../contract';
import { busyCores, parseMeminfo, parseProcStat, type CpuTimes } from './proc-parsers';

export interface LocalMachine {
  machineId: string;
  hostname: string;
  cpus: number;
  memoryBytes: number;
  kernel: string;
  os: string;
}

async function firstReadable(paths: string[]): Promise<string | null> {
  for (const path of paths) {
    try {
      const text = (await readFile(path, 'utf8')).trim();
      if (text) return text;
    } catch {
      // try the next one
    }
  }
  return null;
}

export async function readLocalMachine(): Promise<LocalMachine> {
  const machineId = (await firstReadable(['/etc/machine-id', '/var/lib/dbus/machine-id'])) ?? `hostname-${os.hostname()}`;
  const osRelease = await firstReadable(['/etc/os-release']);
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(osRelease ?? '')?.[1];
  return {
    machineId,
    hostname: os.hostname(),
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    kernel: os.release(),
    os: pretty ?? `${os.type()} ${os.release()}`,
  };
}

/** Samples whole-host CPU and memory use; CPU needs two readings, so the first answer has 0 cores. */
export class LocalUsageProbe {
  private previous: CpuTimes | null = null;
  private latest: HostUsage | null = null;

  constructor(private readonly cpus: number) {}

  async sample(): Promise<HostUsage | null> {
    try {
      const [stat, meminfo] = await Promise.all([readFile('/proc/stat', 'utf8'), readFile('/proc/meminfo', 'utf8')]);
      const times = parseProcStat(stat);
      const memory = parseMeminfo(meminfo);
      if (!times || !memory) return this.latest;
      const cores = this.previous ? busyCores(this.previous, times, this.cpus) : 0;
      this.previous = times;
      this.latest = { cpuCores: cores, memoryUsedBytes: memory.usedBytes };
    } catch {
      // Not Linux or /proc hidden: the host's own share stays unknown.
    }
    return this.latest;
  }

  usage(): HostUsage | null {
    return this.latest;
  }
}
