/**
 * Pure reading of one Docker stats response (one-shot) into the counters we keep between samples,
 * and the turn of two such readings into the live figures a container shows.
 */
import type { ContainerStats } from '../../contract';
import { coresInUse, percentOfHost, ratePerSecond } from '../rates';

/** The part of Docker's stats JSON we read (cgroup v1 and v2 shapes). */
export interface DockerStatsJson {
  read?: string;
  pids_stats?: { current?: number };
  cpu_stats?: { cpu_usage?: { total_usage?: number } };
  memory_stats?: { usage?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
}

/** Counters from one reading. */
export interface StatsReading {
  /** When dockerd read the counters, epoch ms (its own clock, so network delay doesn't skew rates). */
  readAtMs: number;
  cpuTotalNs: number;
  memoryUsedBytes: number;
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  pids: number;
}

/**
 * Memory in use with the page cache left out, exactly as `docker stats` computes it: cgroup v1 subtracts
 * total_inactive_file, cgroup v2 inactive_file — each only when smaller than usage.
 */
export function memoryUsedNoCache(usage: number, stats: Record<string, number> | undefined): number {
  const v1 = stats?.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats?.inactive_file;
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

export function readStats(json: DockerStatsJson, fallbackNowMs: number): StatsReading {
  const readAt = json.read ? Date.parse(json.read) : NaN;
  let netRx = 0;
  let netTx = 0;
  for (const nic of Object.values(json.networks ?? {})) {
    netRx += nic.rx_bytes ?? 0;
    netTx += nic.tx_bytes ?? 0;
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const entry of json.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.toLowerCase();
    if (op === 'read') blockRead += entry.value ?? 0;
    else if (op === 'write') blockWrite += entry.value ?? 0;
  }
  return {
    // A zero time ("0001-01-01") means the container was not running when read.
    readAtMs: Number.isFinite(readAt) && readAt > 0 ? readAt : fallbackNowMs,
    cpuTotalNs: json.cpu_stats?.cpu_usage?.total_usage ?? 0,
    memoryUsedBytes: memoryUsedNoCache(json.memory_stats?.usage ?? 0, json.memory_stats?.stats),
    netRxBytes: netRx,
    netTxBytes: netTx,
    blockReadBytes: blockRead,
    blockWriteBytes: blockWrite,
    pids: json.pids_stats?.current ?? 0,
  };
}

/** Live figures from two readings of the same container; null without a previous reading. */
export function statsBetween(previous: StatsReading | undefined, current: StatsReading, hostCpus: number): ContainerStats | null {
  if (!previous) return null;
  const seconds = (current.readAtMs - previous.readAtMs) / 1000;
  const cores = coresInUse(previous.cpuTotalNs, current.cpuTotalNs, seconds * 1e9);
  return {
    cpuCores: cores,
    cpuPercentOfHost: percentOfHost(cores, hostCpus),
    memoryUsedBytes: current.memoryUsedBytes,
    netRxBytesPerSec: ratePerSecond(previous.netRxBytes, current.netRxBytes, seconds),
    netTxBytesPerSec: ratePerSecond(previous.netTxBytes, current.netTxBytes, seconds),
    blockReadBytesPerSec: ratePerSecond(previous.blockReadBytes, current.blockReadBytes, seconds),
    blockWriteBytesPerSec: ratePerSecond(previous.blockWriteBytes, current.blockWriteBytes, seconds),
    pids: current.pids,
  };
}
