// The plain data shapes the binding returns.

/** Host facts from virNodeGetInfo. */
export interface NodeInfo {
  model: string;
  memoryKiB: number;
  cpus: number;
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

/**
 * Whole-host memory from virNodeGetMemoryStats (all NUMA cells), in KiB. Unlike NodeInfo.memoryKiB
 * (which some hosts report for one NUMA node), totalKiB is the host's MemTotal.
 */
export interface NodeMemoryStats {
  totalKiB: number;
  freeKiB: number;
  /** null when the driver does not report it. */
  buffersKiB: number | null;
  /** null when the driver does not report it. */
  cachedKiB: number | null;
}

/** Whole-host CPU time from virNodeGetCPUStats (all CPUs summed): cumulative nanoseconds since boot. */
export interface NodeCpuStats {
  kernelNs: number;
  userNs: number;
  idleNs: number;
  /** null when the driver does not report it. */
  iowaitNs: number | null;
}

/** One domain as listAllDomains/defineXml report it. */
export interface DomainSummary {
  uuid: string;
  name: string;
  /** Hypervisor id; -1 when inactive. */
  id: number;
  active: boolean;
  persistent: boolean;
  /** virDomainState (see DomainState). */
  state: number;
  /** The state's reason (virDomainRunningReason, virDomainShutoffReason, ...). */
  reason: number;
  maxMemoryKiB: number;
  memoryKiB: number;
  vcpus: number;
  cpuTimeNs: number;
}

/**
 * One domain's raw typed parameters from virConnectGetAllDomainStats, keyed as libvirt names them
 * ('state.state', 'cpu.time', 'balloon.current', 'vcpu.0.time', 'net.count', 'block.0.rd.bytes', ...).
 * Integers of every width are numbers (exact up to 2^53).
 */
export interface DomainStatsRecord {
  uuid: string;
  name: string;
  params: Record<string, number | string | boolean>;
}

/** One snapshot of a domain; listSnapshots returns parents before their children. */
export interface SnapshotInfo {
  name: string;
  /** The parent snapshot's name; null for a root. */
  parent: string | null;
  current: boolean;
}

/** The names a lifecycle event's type can have (virDomainEventType). */
export type DomainEventName =
  | 'defined'
  | 'undefined'
  | 'started'
  | 'suspended'
  | 'resumed'
  | 'stopped'
  | 'shutdown'
  | 'pmsuspended'
  | 'crashed'
  | 'unknown';

/** A domain lifecycle event (VIR_DOMAIN_EVENT_ID_LIFECYCLE). */
export interface DomainEvent {
  uuid: string;
  name: string;
  /** virDomainEventType (see DomainEventType). */
  event: number;
  /** The event's detail (virDomainEventStartedDetailType, ...). */
  detail: number;
  type: DomainEventName;
}

/** Why libvirt closed a connection (virConnectCloseReason). */
export type CloseReasonName = 'error' | 'eof' | 'keepalive' | 'client' | 'unknown';

/** Options of Connection.open. */
export interface OpenOptions {
  /** Open read-only (virConnectOpenReadOnly): no actions, but allowed to more users. */
  readOnly?: boolean;
  /** Deadline of every read (host facts, listings, XML, stats), of open itself and of close; default 15 s. */
  queryTimeoutMs?: number;
  /** Default deadline of every action (lifecycle, define, snapshots); default 10 min. */
  actionTimeoutMs?: number;
  /**
   * Receives exceptions thrown by onClose/onDomainEvent listeners (which never propagate, and
   * never stop delivery to the other listeners). Default: console.error with context.
   */
  onListenerError?: (err: unknown, source: 'close' | 'domain-event') => void;
}

/** Per-call options of the actions. */
export interface CallOptions {
  /** This call's deadline, instead of the connection's actionTimeoutMs. */
  timeoutMs?: number;
}
