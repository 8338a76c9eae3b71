/**
 * What the renderer benchmark says about the machine it ran on, so its milliseconds can be read: the load
 * while it ran (other work steals the renderer's time), a fixed piece of work timed here (how fast this
 * CPU is now), and the CPU time the page's main thread really used per frame (immune to waiting for the
 * CPU, unlike every wall-clock figure). Linux only for the last (from /proc); null elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const TICKS_PER_SECOND = 100;

export interface MachineNote {
  cpus: number;
  /** One-minute load average at the start and the end. */
  load: [number, number];
  /** A fixed piece of work (parsing a 1 MB world-like JSON five times), CPU ms per parse. */
  calibrationMs: number;
}

export function loadNow(): number {
  return loadavg()[0] ?? Number.NaN;
}

/** Parses a fixed 1 MB JSON (shaped like a world frame's tenants) five times; CPU ms per parse. */
export function calibrate(): number {
  const tenants = Array.from({ length: 1500 }, (_, i) => ({
    id: i.toString(16).padStart(64, '0'),
    name: `web-${i}`,
    state: 'running',
    labels: { 'com.example': 'bench' },
    stats: { cpuCores: i / 1000, cpuPercentOfHost: i / 64000, memoryUsedBytes: 1_000_000 + i, netRxBytesPerSec: i, netTxBytesPerSec: i, pids: 3 },
    networks: ['bridge'],
    command: '/docker-entrypoint.sh nginx -g daemon off;',
    image: 'nginx:1.27',
  }));
  const text = JSON.stringify({ tenants });
  const start = process.cpuUsage();
  for (let i = 0; i < 5; i += 1) JSON.parse(text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / 5;
}

export function machineNote(loadBefore: number, calibrationMs: number): MachineNote {
  return { cpus: availableParallelism(), load: [loadBefore, loadNow()], calibrationMs };
}

function parentOf(pid: string): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * CPU ms used so far by the main threads of the renderer processes under `rootPid` (Chromium's renderer
 * runs the page's JavaScript, style, layout and paint on its main thread); null without /proc.
 */
export function rendererMainThreadCpuMs(rootPid: number): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    let ancestor: string | null = pid;
    for (let hops = 0; ancestor !== null && ancestor !== String(rootPid) && hops < 12; hops += 1) ancestor = parentOf(ancestor);
    if (ancestor !== String(rootPid)) continue;
    try {
      // The main thread is the process's first thread: /proc/PID/task/PID.
      const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // It ended meanwhile.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
