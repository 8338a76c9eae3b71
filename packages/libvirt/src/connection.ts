// Connection: the typed wrapper over one native connection. It converts errors into
// LibvirtError, maps option objects onto libvirt flags, and keeps the listener sets for close
// callbacks and lifecycle events (the native side registers with libvirt only while someone listens).
import { CLOSE_REASONS, DomainXmlFlags, EVENT_NAMES, SnapshotDeleteFlags, UndefineFlags } from './constants';
import { ErrorCode, LibvirtError } from './errors';
import { loadNative, type NativeConnection } from './native';
import type {
  CloseReasonName,
  DomainEvent,
  DomainEventName,
  DomainStatsRecord,
  DomainSummary,
  NodeCpuStats,
  NodeInfo,
  NodeMemoryStats,
  SnapshotInfo,
} from './types';

// Listener errors must not break delivery to the others; rethrow them outside the loop, as an
// EventEmitter would surface them.
function callEach<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (err) {
      queueMicrotask(() => {
        throw err;
      });
    }
  }
}

/** An open libvirt connection. Every method runs off the JS thread and rejects with LibvirtError. */
export class Connection {
  /** The URI this connection was opened with. */
  readonly uri: string;
  readonly #native: NativeConnection;
  readonly #closeListeners = new Set<(reason: CloseReasonName) => void>();
  readonly #eventListeners = new Set<(e: DomainEvent) => void>();
  // Registration changes run in order; every call waits for them, so an action issued after
  // onDomainEvent() cannot produce an event before the registration is in place.
  #events: Promise<void> = Promise.resolve();
  #eventsRegistered = false;
  #eventsError: LibvirtError | null = null;
  #closing: Promise<void> | null = null;

  private constructor(uri: string, native: NativeConnection, hub: { target: Connection | null }) {
    this.uri = uri;
    this.#native = native;
    hub.target = this;
  }

  /** Opens a connection (virConnectOpen / virConnectOpenReadOnly), watching for its close and keeping it alive. */
  static async open(uri: string, options: { readOnly?: boolean } = {}): Promise<Connection> {
    const loaded = loadNative();
    if (!loaded.ok) {
      throw new LibvirtError(`libvirt binding not available: ${loaded.reason}`, ErrorCode.UNAVAILABLE, 0, 2);
    }
    // The dispatcher exists before the native connection (a close can arrive at any time);
    // it finds its Connection through `hub` once constructed.
    const hub: { target: Connection | null } = { target: null };
    const dispatch = (kind: string, ...args: unknown[]): void => {
      const target = hub.target;
      if (target) target.#dispatch(kind, args);
    };
    try {
      const native = await loaded.binding.open(uri, options.readOnly === true, dispatch);
      return new Connection(uri, native, hub);
    } catch (err) {
      throw LibvirtError.from(err);
    }
  }

  /** Listens for libvirt closing the connection ('error' | 'eof' | 'keepalive' | 'client'); returns the unsubscribe. */
  onClose(listener: (reason: CloseReasonName) => void): () => void {
    this.#closeListeners.add(listener);
    return () => {
      this.#closeListeners.delete(listener);
    };
  }

  /** Listens for domain lifecycle events; the first listener registers with libvirt, the last one's unsubscribe deregisters. */
  onDomainEvent(listener: (e: DomainEvent) => void): () => void {
    this.#eventListeners.add(listener);
    this.#reconcileEvents();
    return () => {
      if (this.#eventListeners.delete(listener)) this.#reconcileEvents();
    };
  }

  /** Resolves once event registration has caught up with the listeners; rejects if libvirt refused it. */
  async eventsReady(): Promise<void> {
    await this.#events;
    if (this.#eventsError) throw this.#eventsError;
  }

  /** Whether the connection is open and libvirt still considers it alive (false after close). */
  isAlive(): Promise<boolean> {
    return this.#call((n) => n.isAlive());
  }

  /** The host's name as the hypervisor reports it. */
  hostname(): Promise<string> {
    return this.#call((n) => n.hostname());
  }

  /** CPU and memory facts of the host. */
  nodeInfo(): Promise<NodeInfo> {
    return this.#call((n) => n.nodeInfo() as Promise<NodeInfo>);
  }

  /** Whole-host memory in KiB (virNodeGetMemoryStats, all cells); total is MemTotal, unlike nodeInfo's. */
  nodeMemoryStats(): Promise<NodeMemoryStats> {
    return this.#call((n) => n.nodeMemoryStats() as Promise<NodeMemoryStats>);
  }

  /** Whole-host cumulative CPU time in ns (virNodeGetCPUStats, all CPUs); diff two calls for utilisation. */
  nodeCpuStats(): Promise<NodeCpuStats> {
    return this.#call((n) => n.nodeCpuStats() as Promise<NodeCpuStats>);
  }

  /** The capabilities XML document. */
  capabilities(): Promise<string> {
    return this.#call((n) => n.capabilities());
  }

  /** The libvirt version the daemon (or in-process driver) runs, e.g. "9.0.0". */
  libVersion(): Promise<string> {
    return this.#call((n) => n.libVersion());
  }

  /** The hypervisor's version, e.g. "7.2.0" for QEMU. */
  hypervisorVersion(): Promise<string> {
    return this.#call((n) => n.hypervisorVersion());
  }

  /** The driver name, e.g. "QEMU" or "TEST". */
  hypervisorType(): Promise<string> {
    return this.#call((n) => n.hypervisorType());
  }

  /** Every domain, active and inactive. Domains that vanish while being read are left out. */
  listAllDomains(): Promise<DomainSummary[]> {
    return this.#call((n) => n.listAllDomains() as Promise<DomainSummary[]>);
  }

  /** One bulk virConnectGetAllDomainStats call (state, cpu-total, balloon, vcpu, interface, block) over all domains. */
  getAllDomainStats(): Promise<DomainStatsRecord[]> {
    return this.#call((n) => n.getAllDomainStats() as Promise<DomainStatsRecord[]>);
  }

  /** A domain's XML; `inactive` gives the persistent definition, `secure` includes secrets. */
  domainXml(uuid: string, options: { inactive?: boolean; secure?: boolean } = {}): Promise<string> {
    const flags = (options.inactive ? DomainXmlFlags.INACTIVE : 0) | (options.secure ? DomainXmlFlags.SECURE : 0);
    return this.#call((n) => n.domainXml(uuid, flags));
  }

  /** Defines (or redefines) a persistent domain from XML. */
  defineXml(xml: string): Promise<DomainSummary> {
    return this.#call((n) => n.defineXml(xml) as Promise<DomainSummary>);
  }

  /** Removes a domain's persistent definition, optionally with its snapshot metadata and NVRAM. */
  undefine(uuid: string, options: { snapshotsMetadata?: boolean; nvram?: boolean } = {}): Promise<void> {
    const flags =
      (options.snapshotsMetadata ? UndefineFlags.SNAPSHOTS_METADATA : 0) | (options.nvram ? UndefineFlags.NVRAM : 0);
    return this.#call((n) => n.undefine(uuid, flags));
  }

  /** Starts a defined domain (virDomainCreate). */
  start(uuid: string): Promise<void> {
    return this.#call((n) => n.start(uuid));
  }

  /** Asks the guest to shut down (ACPI); returns before it has. */
  shutdown(uuid: string): Promise<void> {
    return this.#call((n) => n.shutdown(uuid));
  }

  /** Stops a domain at once (pulls the plug). */
  destroy(uuid: string): Promise<void> {
    return this.#call((n) => n.destroy(uuid));
  }

  /** Pauses a running domain. */
  suspend(uuid: string): Promise<void> {
    return this.#call((n) => n.suspend(uuid));
  }

  /** Resumes a paused domain. */
  resume(uuid: string): Promise<void> {
    return this.#call((n) => n.resume(uuid));
  }

  /** A domain's snapshots with parent and current flag, parents before children. */
  listSnapshots(uuid: string): Promise<SnapshotInfo[]> {
    return this.#call((n) => n.listSnapshots(uuid) as Promise<SnapshotInfo[]>);
  }

  /** A snapshot's XML (<domainsnapshot>). */
  snapshotXml(uuid: string, name: string): Promise<string> {
    return this.#call((n) => n.snapshotXml(uuid, name, 0));
  }

  /** Creates a snapshot from <domainsnapshot> XML (see snapshotCreateXml) with SnapshotCreateFlags; resolves to its name. */
  createSnapshot(uuid: string, xml: string, flags = 0): Promise<string> {
    return this.#call((n) => n.createSnapshot(uuid, xml, flags));
  }

  /** Reverts a domain to a snapshot, with SnapshotRevertFlags. */
  revertToSnapshot(uuid: string, name: string, flags = 0): Promise<void> {
    return this.#call((n) => n.revertToSnapshot(uuid, name, flags));
  }

  /** Deletes a snapshot; `children` also deletes its descendants (otherwise they are re-parented). */
  deleteSnapshot(uuid: string, name: string, options: { children?: boolean } = {}): Promise<void> {
    const flags = options.children ? SnapshotDeleteFlags.CHILDREN : 0;
    return this.#call((n) => n.deleteSnapshot(uuid, name, flags));
  }

  /** Deregisters events and the close callback and frees the connection. Safe to call more than once. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#eventListeners.clear();
      this.#closeListeners.clear();
      await this.#events;
      try {
        await this.#native.close();
      } catch (err) {
        throw LibvirtError.from(err);
      }
    })();
    return this.#closing;
  }

  async #call<T>(fn: (native: NativeConnection) => Promise<T>): Promise<T> {
    await this.#events;
    try {
      return await fn(this.#native);
    } catch (err) {
      throw LibvirtError.from(err);
    }
  }

  // Brings libvirt's registration in line with whether anyone listens. Queued, so rapid
  // subscribe/unsubscribe settles on the final state without overlapping native calls.
  #reconcileEvents(): void {
    this.#events = this.#events.then(async () => {
      const wanted = this.#eventListeners.size > 0 && this.#closing === null;
      if (wanted === this.#eventsRegistered) return;
      try {
        await this.#native.setLifecycleEvents(wanted);
        this.#eventsRegistered = wanted;
        this.#eventsError = null;
      } catch (err) {
        this.#eventsError = LibvirtError.from(err);
      }
    });
  }

  #dispatch(kind: string, args: unknown[]): void {
    if (kind === 'close') {
      const reason = CLOSE_REASONS[args[0] as number] ?? 'unknown';
      callEach(this.#closeListeners, reason);
    } else if (kind === 'lifecycle') {
      const [uuid, name, event, detail] = args as [string, string, number, number];
      const type: DomainEventName = EVENT_NAMES[event] ?? 'unknown';
      callEach(this.#eventListeners, { uuid, name, event, detail, type });
    }
  }
}
