// @neighborhood/libvirt — a small N-API binding over libvirt's C API (connections, bulk stats,
// snapshots, lifecycle events) with a typed wrapper. Importing never throws: when the addon is
// missing, availability() says why and Connection.open() rejects with that reason.
import { loadNative, type NativeCounts } from './native';

export { Connection } from './connection';
export { LibvirtError, ErrorCode } from './errors';
export { DEFAULT_QUERY_TIMEOUT_MS, DEFAULT_ACTION_TIMEOUT_MS } from './deadline';
export type { ListenerSource } from './listeners';
export type { NativeCounts } from './native';
export {
  DomainState,
  SnapshotCreateFlags,
  SnapshotRevertFlags,
  SnapshotDeleteFlags,
  DomainXmlFlags,
  UndefineFlags,
  DomainEventType,
  CloseReason,
} from './constants';
export { escapeXml, snapshotCreateXml } from './xml';
export type {
  NodeInfo,
  NodeMemoryStats,
  NodeCpuStats,
  DomainSummary,
  DomainStatsRecord,
  SnapshotInfo,
  DomainEvent,
  DomainEventName,
  CloseReasonName,
  OpenOptions,
  CallOptions,
} from './types';

/** Whether the native binding loaded; if not, a human-readable reason (e.g. libvirt-dev missing). */
export function availability(): { available: true } | { available: false; reason: string } {
  const loaded = loadNative();
  return loaded.ok ? { available: true } : { available: false, reason: loaded.reason };
}

/** The version of the libvirt library loaded into this process (e.g. "9.0.0"), or null when unavailable. */
export function libraryVersion(): string | null {
  const loaded = loadNative();
  return loaded.ok ? loaded.binding.libraryVersion() : null;
}

/** libvirt's constants as compiled into the addon (for tests that check the TS copies), or null. */
export function nativeConstants(): Record<string, Record<string, number>> | null {
  const loaded = loadNative();
  return loaded.ok ? loaded.binding.constants : null;
}

/**
 * The binding's live worker threads, jobs waiting for one, and connection states still alive
 * (null when unavailable). For tests that prove closing or dropping connections leaves nothing behind.
 */
export function debugCounts(): NativeCounts | null {
  const loaded = loadNative();
  return loaded.ok ? loaded.binding.debugCounts() : null;
}
