// Connection: the typed wrapper over one native connection. It converts errors into
// LibvirtError, maps option objects onto libvirt flags, gives every call a deadline, and keeps the
// listener sets for close callbacks and lifecycle events (the native side registers with libvirt
// only while someone listens).
//
// Lifetimes: the native dispatcher (held by the binding for as long as the native connection
// lives) reaches this object only through a WeakRef, so a Connection dropped without close() is
// collected; the native connection's destructor then tears the libvirt connection down in the
// background. A call in flight keeps its Connection reachable until it settles.
import { CLOSE_REASONS, DomainXmlFlags, EVENT_NAMES, SnapshotDeleteFlags, UndefineFlags } from './constants';
import { checkTimeout, DEFAULT_ACTION_TIMEOUT_MS, DEFAULT_QUERY_TIMEOUT_MS, withDeadline } from './deadline';
import { ErrorCode, LibvirtError } from './errors';
import { callEach, logListenerError, type ListenerErrorHook } from './listeners';
import { loadNative, type NativeConnection } from './native';
import type {
  CallOptions,
  CloseReasonName,
  DomainEvent,
  DomainEventName,
  DomainStatsRecord,
  DomainSummary,
  NodeCpuStats,
  NodeInfo,
  NodeMemoryStats,
  OpenOptions,
  SnapshotInfo,
} from './types';

// virDomainSnapshotXMLFlags: VIR_DOMAIN_SNAPSHOT_XML_SECURE.
const SNAPSHOT_XML_SECURE = 1 << 0;

interface Settings {
  queryTimeoutMs: number;
  actionTimeoutMs: number;
  onListenerError: ListenerErrorHook;
}

/** How the native dispatcher finds its Connection: weakly, so it does not keep it alive. */
interface Hub {
  target: WeakRef<Connection> | null;
}

const closedError = (): LibvirtError => new LibvirtError('the connection is closed', ErrorCode.INVALID_CONN, 0, 2);

/**
 * An open libvirt connection. Every method runs off the JS thread (on the connection's own
 * threads: reads and actions in separate lanes), has a deadline, and rejects with LibvirtError.
 */
export class Connection {
  /** The URI this connection was opened with. */
  readonly uri: string;
  /** Deadline of reads, open and close, in ms. */
  readonly queryTimeoutMs: number;
  /** Default deadline of actions, in ms. */
  readonly actionTimeoutMs: number;
  readonly #native: NativeConnection;
  readonly #onListenerError: ListenerErrorHook;
  readonly #closeListeners = new Set<(reason: CloseReasonName) => void>();
  readonly #eventListeners = new Set<(e: DomainEvent) => void>();
  // Registration changes run in order; every call waits for them, so an action issued after
  // onDomainEvent() cannot produce an event before the registration is in place.
  #events: Promise<void> = Promise.resolve();
  // null: unknown (a registration call missed its deadline), so the next change asks again.
  #eventsRegistered: boolean | null = false;
  #eventsError: LibvirtError | null = null;
  #closing: Promise<void> | null = null;

  private constructor(uri: string, native: NativeConnection, hub: Hub, settings: Settings) {
    this.uri = uri;
    this.queryTimeoutMs = settings.queryTimeoutMs;
    this.actionTimeoutMs = settings.actionTimeoutMs;
    this.#native = native;
    this.#onListenerError = settings.onListenerError;
    hub.target = new WeakRef(this);
  }

  /**
   * Opens a connection (virConnectOpen / virConnectOpenReadOnly), watching for its close and keeping
   * it alive. Rejects with DEADLINE_EXCEEDED if libvirt does not answer within queryTimeoutMs (a
   * connection that opens later is closed at once).
   */
  static async open(uri: string, options: OpenOptions = {}): Promise<Connection> {
    const loaded = loadNative();
    if (!loaded.ok) {
      throw new LibvirtError(`libvirt binding not available: ${loaded.reason}`, ErrorCode.UNAVAILABLE, 0, 2);
    }
    const settings: Settings = {
      queryTimeoutMs: checkTimeout(options.queryTimeoutMs, DEFAULT_QUERY_TIMEOUT_MS, 'queryTimeoutMs'),
      actionTimeoutMs: checkTimeout(options.actionTimeoutMs, DEFAULT_ACTION_TIMEOUT_MS, 'actionTimeoutMs'),
      onListenerError: options.onListenerError ?? logListenerError,
    };
    // The dispatcher exists before the native connection (a close can arrive at any time);
    // it finds its Connection through `hub` once constructed.
    const hub: Hub = { target: null };
    const dispatch = (kind: string, ...args: unknown[]): void => {
      const target = hub.target?.deref();
      if (!target) return;
      try {
        target.#dispatch(kind, args);
      } catch (err) {
        // Called from a native callback: an exception here would end the process.
        console.error('libvirt: delivering a native event failed', err);
      }
    };
    const opening = (async () => {
      try {
        return await loaded.binding.open(uri, options.readOnly === true, dispatch);
      } catch (err) {
        throw LibvirtError.from(err);
      }
    })();
    const native = await withDeadline(`open (${uri})`, settings.queryTimeoutMs, opening, (late) => {
      void late.close().catch(() => undefined);
    });
    return new Connection(uri, native, hub, settings);
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

  /** Resolves once event registration has caught up with the listeners; rejects if libvirt refused it (or missed its deadline). */
  async eventsReady(): Promise<void> {
    await this.#events;
    if (this.#eventsError) throw this.#eventsError;
  }

  /** Whether the connection is open and libvirt still considers it alive (false after close). */
  isAlive(): Promise<boolean> {
    if (this.#closing) return Promise.resolve(false);
    return this.#query('isAlive', (n) => n.isAlive());
  }

  /** The host's name as the hypervisor reports it. */
  hostname(): Promise<string> {
    return this.#query('hostname', (n) => n.hostname());
  }

  /** CPU and memory facts of the host. */
  nodeInfo(): Promise<NodeInfo> {
    return this.#query('nodeInfo', (n) => n.nodeInfo() as Promise<NodeInfo>);
  }

  /** Whole-host memory in KiB (virNodeGetMemoryStats, all cells); total is MemTotal, unlike nodeInfo's. */
  nodeMemoryStats(): Promise<NodeMemoryStats> {
    return this.#query('nodeMemoryStats', (n) => n.nodeMemoryStats() as Promise<NodeMemoryStats>);
  }

  /** Whole-host cumulative CPU time in ns (virNodeGetCPUStats, all CPUs); diff two calls for utilisation. */
  nodeCpuStats(): Promise<NodeCpuStats> {
    return this.#query('nodeCpuStats', (n) => n.nodeCpuStats() as Promise<NodeCpuStats>);
  }

  /** The capabilities XML document. */
  capabilities(): Promise<string> {
    return this.#query('capabilities', (n) => n.capabilities());
  }

  /**
   * The domain capabilities XML (<domainCapabilities>) for the hypervisor's default emulator, arch,
   * machine and virt type: firmware, devices and features a new guest can use (e.g. whether
   * <externalSnapshot/> reverts are supported). test:///default refuses it (NO_SUPPORT).
   */
  domainCapabilities(): Promise<string> {
    return this.#query('domainCapabilities', (n) => n.domainCapabilities());
  }

  /** The libvirt version the daemon (or in-process driver) runs, e.g. "9.0.0". */
  libVersion(): Promise<string> {
    return this.#query('libVersion', (n) => n.libVersion());
  }

  /** The hypervisor's version, e.g. "7.2.0" for QEMU. */
  hypervisorVersion(): Promise<string> {
    return this.#query('hypervisorVersion', (n) => n.hypervisorVersion());
  }

  /** The driver name, e.g. "QEMU" or "TEST". */
  hypervisorType(): Promise<string> {
    return this.#query('hypervisorType', (n) => n.hypervisorType());
  }

  /** Every domain, active and inactive. Domains that vanish while being read are left out. */
  listAllDomains(): Promise<DomainSummary[]> {
    return this.#query('listAllDomains', (n) => n.listAllDomains() as Promise<DomainSummary[]>);
  }

  /** One bulk virConnectGetAllDomainStats call (state, cpu-total, balloon, vcpu, interface, block) over all domains. */
  getAllDomainStats(): Promise<DomainStatsRecord[]> {
    return this.#query('getAllDomainStats', (n) => n.getAllDomainStats() as Promise<DomainStatsRecord[]>);
  }

  /** A domain's XML; `inactive` gives the persistent definition, `secure` includes secrets. */
  domainXml(uuid: string, options: { inactive?: boolean; secure?: boolean } = {}): Promise<string> {
    const flags = (options.inactive ? DomainXmlFlags.INACTIVE : 0) | (options.secure ? DomainXmlFlags.SECURE : 0);
    return this.#query('domainXml', (n) => n.domainXml(uuid, flags));
  }

  /** Defines (or redefines) a persistent domain from XML. */
  defineXml(xml: string, options: CallOptions = {}): Promise<DomainSummary> {
    return this.#action('defineXml', options, (n) => n.defineXml(xml) as Promise<DomainSummary>);
  }

  /** Removes a domain's persistent definition, optionally with its snapshot metadata and NVRAM. */
  undefine(uuid: string, options: { snapshotsMetadata?: boolean; nvram?: boolean } & CallOptions = {}): Promise<void> {
    const flags =
      (options.snapshotsMetadata ? UndefineFlags.SNAPSHOTS_METADATA : 0) | (options.nvram ? UndefineFlags.NVRAM : 0);
    return this.#action('undefine', options, (n) => n.undefine(uuid, flags));
  }

  /** Starts a defined domain (virDomainCreate). */
  start(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('start', options, (n) => n.start(uuid));
  }

  /** Asks the guest to shut down (ACPI); returns before it has. */
  shutdown(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('shutdown', options, (n) => n.shutdown(uuid));
  }

  /** Stops a domain at once (pulls the plug). */
  destroy(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('destroy', options, (n) => n.destroy(uuid));
  }

  /** Pauses a running domain. */
  suspend(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('suspend', options, (n) => n.suspend(uuid));
  }

  /** Resumes a paused domain. */
  resume(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('resume', options, (n) => n.resume(uuid));
  }

  /** Asks the domain to reboot (virDomainReboot, the hypervisor's default method: ACPI for QEMU); returns before it has. */
  reboot(uuid: string, options: CallOptions = {}): Promise<void> {
    return this.#action('reboot', options, (n) => n.reboot(uuid));
  }

  /** A domain's snapshots with parent and current flag, parents before children. */
  listSnapshots(uuid: string): Promise<SnapshotInfo[]> {
    return this.#query('listSnapshots', (n) => n.listSnapshots(uuid) as Promise<SnapshotInfo[]>);
  }

  /**
   * A snapshot's XML (<domainsnapshot>); `secure` includes security-sensitive parts of the embedded
   * domain, as a redefine from this XML needs (virsh snapshot-edit asks the same).
   */
  snapshotXml(uuid: string, name: string, options: { secure?: boolean } = {}): Promise<string> {
    return this.#query('snapshotXml', (n) => n.snapshotXml(uuid, name, options.secure ? SNAPSHOT_XML_SECURE : 0));
  }

  /**
   * Creates a snapshot from <domainsnapshot> XML (see snapshotCreateXml) with SnapshotCreateFlags;
   * resolves to its name. With REDEFINE (| CURRENT for the current one) and a snapshot's own XML,
   * it rewrites that snapshot's metadata, e.g. its description.
   */
  createSnapshot(uuid: string, xml: string, flags = 0, options: CallOptions = {}): Promise<string> {
    return this.#action('createSnapshot', options, (n) => n.createSnapshot(uuid, xml, flags));
  }

  /** Reverts a domain to a snapshot, with SnapshotRevertFlags (SNAPSHOT_REVERT_RISKY asks for FORCE). */
  revertToSnapshot(uuid: string, name: string, flags = 0, options: CallOptions = {}): Promise<void> {
    return this.#action('revertToSnapshot', options, (n) => n.revertToSnapshot(uuid, name, flags));
  }

  /** Deletes a snapshot; `children` also deletes its descendants (otherwise they are re-parented). */
  deleteSnapshot(uuid: string, name: string, options: { children?: boolean } & CallOptions = {}): Promise<void> {
    const flags = options.children ? SnapshotDeleteFlags.CHILDREN : 0;
    return this.#action('deleteSnapshot', options, (n) => n.deleteSnapshot(uuid, name, flags));
  }

  /**
   * Deregisters events and the close callback and frees the connection. From the first call on,
   * listeners are dropped and new calls are refused (INVALID_CONN); the teardown runs on a thread
   * that never waits behind this connection's calls. Rejects with DEADLINE_EXCEEDED if libvirtd
   * does not answer within queryTimeoutMs (the teardown then finishes in the background).
   * Safe to call more than once.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#eventListeners.clear();
      this.#closeListeners.clear();
      const teardown = (async () => {
        try {
          await this.#native.close();
        } catch (err) {
          throw LibvirtError.from(err);
        }
      })();
      await withDeadline('close', this.queryTimeoutMs, teardown);
    })();
    return this.#closing;
  }

  #query<T>(what: string, fn: (native: NativeConnection) => Promise<T>): Promise<T> {
    return this.#call(what, this.queryTimeoutMs, fn);
  }

  // async: a bad timeout rejects like every other failure instead of throwing at the caller.
  async #action<T>(what: string, options: CallOptions, fn: (native: NativeConnection) => Promise<T>): Promise<T> {
    const ms = checkTimeout(options.timeoutMs, this.actionTimeoutMs, 'timeoutMs');
    return this.#call(what, ms, fn);
  }

  // The deadline covers the wait for event registration too: the caller's clock starts now.
  #call<T>(what: string, ms: number, fn: (native: NativeConnection) => Promise<T>): Promise<T> {
    if (this.#closing) return Promise.reject(closedError());
    const work = (async () => {
      await this.#events;
      try {
        return await fn(this.#native);
      } catch (err) {
        throw LibvirtError.from(err);
      }
    })();
    return withDeadline(what, ms, work);
  }

  // Brings libvirt's registration in line with whether anyone listens. Queued, so rapid
  // subscribe/unsubscribe settles on the final state without overlapping native calls.
  #reconcileEvents(): void {
    this.#events = this.#events.then(async () => {
      if (this.#closing) {
        // close() deregisters in its teardown; asking the closed connection again would only queue
        // behind whatever its lanes are still stuck on.
        this.#eventsRegistered = false;
        return;
      }
      const wanted = this.#eventListeners.size > 0;
      if (wanted === this.#eventsRegistered) return;
      try {
        const change = (async () => {
          try {
            await this.#native.setLifecycleEvents(wanted);
          } catch (err) {
            throw LibvirtError.from(err);
          }
        })();
        await withDeadline('event registration', this.queryTimeoutMs, change);
        this.#eventsRegistered = wanted;
        this.#eventsError = null;
      } catch (err) {
        const e = LibvirtError.from(err);
        if (e.code === ErrorCode.DEADLINE_EXCEEDED) this.#eventsRegistered = null;
        this.#eventsError = e;
      }
    });
  }

  #dispatch(kind: string, args: unknown[]): void {
    if (kind === 'close') {
      const reason = CLOSE_REASONS[args[0] as number] ?? 'unknown';
      callEach(this.#closeListeners, reason, 'close', this.#onListenerError);
    } else if (kind === 'lifecycle') {
      const [uuid, name, event, detail] = args as [string, string, number, number];
      const type: DomainEventName = EVENT_NAMES[event] ?? 'unknown';
      callEach(this.#eventListeners, { uuid, name, event, detail, type }, 'domain-event', this.#onListenerError);
    }
  }
}
