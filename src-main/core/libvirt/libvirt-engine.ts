/**
 * The libvirt adapter, over our own binding. Structure comes from libvirt's lifecycle events (on the
 * binding's event-loop thread), batched so a burst costs one domain list; figures come from one bulk
 * stats call per sample for all domains — nothing per domain on that path. Snapshots are re-listed when
 * a domain changes, when the local snapshot folder says so, and on a slow sweep. When libvirtd goes away
 * the connection's close callback says so at once; a call past its deadline means the same. The adapter
 * retries on its own. Without libvirt on the machine the engine reports 'unavailable' and stays quiet.
 */
import { availability, Connection, ErrorCode, SnapshotCreateFlags, type DomainEvent, type DomainSummary } from '@neighborhood/libvirt';
import type { Action, ActionDone, HostUsage } from '../../contract';
import type { CpuTimes } from '../proc-parsers';
import { ActionError } from '../actions/action-error';
import { TenantQueues } from '../actions/tenant-queue';
import type { EngineAdapter, EngineReport, HostFacts } from '../engine';
import { EngineLink, untilLost } from '../engine-link';
import { KeyBatcher } from '../key-batcher';
import { reportError } from '../report-error';
import { actionLabel, libvirtActionError, planSnapshotCreate, revertFlags, snapshotNamed, stateAfterRevert, VM_OPS, type VmNow } from './libvirt-actions';
import { domainRates, readDomainStats, type DomainRates, type DomainReading } from './domain-stats';
import { parseDomainXml, type DomainXmlFacts } from './domain-xml';
import { isLocalUri, libvirtHint, resolveLibvirtUri } from './libvirt-endpoint';
import { isLibvirtConnectionLoss } from './libvirt-errors';
import { nodeUsage } from './node-usage';
import { snapshotDescriptionProblem } from '../../shared/snapshot-name';
import { SnapshotDirWatch } from './snapshot-watch';
import { withSnapshotDescription } from './snapshot-description';
import { revertBlocked } from './snapshot-rules';
import { parseSnapshotXml, type SnapshotXmlFacts } from './snapshot-xml';
import { vmFrom, vmState, type SnapshotEntry, type SnapshotHost } from './vm-model';

interface Domain {
  summary: DomainSummary;
  facts: DomainXmlFacts;
  snapshots: SnapshotEntry[];
  reading?: DomainReading;
  rates: DomainRates | null;
}

const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Events within this window after the first are re-read together. */
const EVENT_BATCH_MS = 50;
/** Snapshots made by other tools on engines we cannot watch show within this long. */
const SNAPSHOT_SWEEP_MS = 15_000;

export interface LibvirtEngineOptions {
  /** Default: LIBVIRT_DEFAULT_URI, else qemu:///system. */
  uri?: string;
  /** What the user calls it (default "libvirt"). */
  name?: string;
  /** Whether the binding loaded (default: the binding's own answer); lets a test stand in for a machine without libvirt. */
  availability?: typeof availability;
  /** Deadline for each query (ms); past it the connection counts as lost. Default: the binding's. */
  queryTimeoutMs?: number;
}

export class LibvirtEngine implements EngineAdapter {
  readonly kind = 'libvirt' as const;
  readonly endpoint: string;
  readonly local: boolean;
  readonly name: string | undefined;
  private readonly link = new EngineLink(() => void this.connect());
  private readonly availability: typeof availability;
  private readonly queryTimeoutMs: number | undefined;
  private readonly changedDomains: KeyBatcher;
  private readonly changedSnapshots: KeyBatcher;
  private readonly snapshotWatch: SnapshotDirWatch | null;
  private readonly actions = new TenantQueues(() => this.link.changed.emit());
  private snapshotHost: SnapshotHost = { canRevertExternal: false, libvirtVersion: null };

  private version: string | null = null;
  private host: HostFacts | null = null;
  private sampleMs: number | null = null;
  private conn: Connection | null = null;
  private detachers: Array<() => void> = [];
  private domains = new Map<string, Domain>();
  /** Snapshot XML rarely changes (only a redefine does): read each once, forget on a change. */
  private snapshotFacts = new Map<string, SnapshotXmlFacts>();
  private lastSnapshotSweep = 0;
  private sampling: Promise<void> | null = null;
  /** A remote host's own use, from its node stats (this machine's comes from /proc instead). */
  private hostUsage: HostUsage | null = null;
  private nodeTimes: CpuTimes | null = null;

  constructor(options: LibvirtEngineOptions = {}) {
    this.endpoint = options.uri ?? resolveLibvirtUri(process.env.LIBVIRT_DEFAULT_URI);
    this.local = isLocalUri(this.endpoint);
    this.name = options.name;
    this.availability = options.availability ?? availability;
    this.queryTimeoutMs = options.queryTimeoutMs;
    this.changedDomains = new KeyBatcher((uuids) => this.refreshDomains(this.link.now, uuids), EVENT_BATCH_MS, `libvirt domain refresh at ${this.endpoint}`);
    this.changedSnapshots = new KeyBatcher((uuids) => this.refreshSnapshots(this.link.now, uuids), EVENT_BATCH_MS, `libvirt snapshot refresh at ${this.endpoint}`);
    this.snapshotWatch = SnapshotDirWatch.forUri(this.endpoint, (name) => this.snapshotFolderChanged(name));
  }

  start(): void {
    const binding = this.availability();
    if (!binding.available) {
      this.link.unavailable(`libvirt is not available: ${binding.reason}`, libvirtHint(binding.reason, false));
      return;
    }
    this.snapshotWatch?.start();
    void this.connect();
  }

  subscribe(listener: () => void): () => void {
    return this.link.changed.subscribe(listener);
  }

  report(): EngineReport {
    return {
      status: this.link.status,
      version: this.version,
      host: this.host,
      containers: [],
      vms: [...this.domains.values()].map((d) =>
        vmFrom({
          domain: d.summary,
          facts: d.facts,
          snapshots: d.snapshots,
          reading: d.reading,
          rates: d.rates,
          host: this.snapshotHost,
          activity: this.actions.activity(d.summary.uuid),
        }),
      ),
      sampleMs: this.sampleMs,
      hint: this.link.hint,
      hostUsage: this.hostUsage,
    };
  }

  /** The open connection, for actions (snapshots, lifecycle); null while not connected. */
  connection(): Connection | null {
    return this.link.connected ? this.conn : null;
  }

  private async connect(): Promise<void> {
    const gen = this.link.attempt();
    if (gen === null) return;
    let conn: Connection | null = null;
    try {
      conn = await Connection.open(this.endpoint, this.queryTimeoutMs ? { queryTimeoutMs: this.queryTimeoutMs } : {});
      if (!this.link.isCurrent(gen)) {
        await conn.close();
        return;
      }
      this.conn = conn;
      const opened = conn;
      this.detachers = [
        opened.onClose((reason) => this.fail(gen, new Error(`libvirt closed the connection to ${this.endpoint} (${reason})`))),
        opened.onDomainEvent((event) => this.onDomainEvent(gen, event)),
      ];
      const [hostname, node, memory, version, capabilities] = await Promise.all([
        opened.hostname(),
        opened.nodeInfo(),
        // nodeInfo's memory is the NUMA nodes' (5 GiB of a 24 GiB host here); the memory stats' total is MemTotal.
        opened.nodeMemoryStats().catch(() => null),
        opened.libVersion(),
        opened.capabilities().catch(() => ''),
      ]);
      if (!this.link.isCurrent(gen)) return;
      // libvirt 9.9 and later announce that they can revert external snapshots.
      this.snapshotHost = { canRevertExternal: capabilities.includes('<externalSnapshot'), libvirtVersion: version };
      const memoryBytes = (memory?.totalKiB ?? node.memoryKiB) * 1024;
      this.host = { hostname, cpus: node.cpus, memoryBytes, kernel: '', os: '', local: this.local };
      this.version = version;
      await this.resync(gen, opened);
      this.lastSnapshotSweep = Date.now();
      this.link.up(gen);
    } catch (err) {
      if (conn && this.conn !== conn) void conn.close().catch(() => undefined);
      this.fail(gen, err);
    }
  }

  private fail(gen: number, err: unknown): void {
    const reason = describeError(err);
    this.link.down(gen, reason, libvirtHint(reason, true), () => {
      this.detach();
      this.hostUsage = null;
      this.nodeTimes = null;
      this.changedDomains.clear();
      this.changedSnapshots.clear();
      this.domains.clear();
    });
  }

  /**
   * A call failed: lost connection (the one predicate decides, asking libvirt itself where the error
   * alone cannot tell) or this domain's own trouble. Returns whether the connection was lost.
   */
  private async failed(gen: number, conn: Connection, err: unknown, context: string): Promise<boolean> {
    if (await isLibvirtConnectionLoss(conn, err)) {
      this.fail(gen, err);
      return true;
    }
    if (this.link.isCurrent(gen)) reportError(`${context} at ${this.endpoint}`, err);
    return false;
  }

  private detach(): void {
    for (const off of this.detachers.splice(0)) off();
    const conn = this.conn;
    this.conn = null;
    void conn?.close().catch(() => undefined);
  }

  private async resync(gen: number, conn: Connection): Promise<void> {
    const summaries = await conn.listAllDomains();
    const described = await Promise.all(summaries.map((s) => this.describe(gen, conn, s)));
    if (!this.link.isCurrent(gen)) return;
    this.domains = new Map(described.filter((d): d is Domain => d !== null).map((d) => [d.summary.uuid, d]));
  }

  /** Definition and snapshots of one domain; null when it could not be read (vanished meanwhile, or its own error). */
  private async describe(gen: number, conn: Connection, summary: DomainSummary): Promise<Domain | null> {
    try {
      const [xml, snapshots] = await Promise.all([conn.domainXml(summary.uuid), this.readSnapshots(conn, summary.uuid)]);
      const known = this.domains.get(summary.uuid);
      return { summary, facts: parseDomainXml(xml), snapshots, reading: known?.reading, rates: known?.rates ?? null };
    } catch (err) {
      if (await isLibvirtConnectionLoss(conn, err)) throw err;
      // A domain undefined between the list and this read is simply gone; anything else is worth a line.
      if (this.link.isCurrent(gen) && (err as { code?: unknown }).code !== ErrorCode.NO_DOMAIN) reportError(`reading domain ${summary.name} at ${this.endpoint}`, err);
      return null;
    }
  }

  private async readSnapshots(conn: Connection, uuid: string): Promise<SnapshotEntry[]> {
    const list = await conn.listSnapshots(uuid);
    return Promise.all(
      list.map(async (s) => {
        const key = `${uuid}/${s.name}`;
        let facts = this.snapshotFacts.get(key);
        if (!facts) {
          facts = parseSnapshotXml(await conn.snapshotXml(uuid, s.name));
          this.snapshotFacts.set(key, facts);
        }
        return { name: s.name, parent: s.parent, current: s.current, ...facts };
      }),
    );
  }

  private onDomainEvent(gen: number, event: DomainEvent): void {
    if (this.link.isCurrent(gen) && typeof event.uuid === 'string' && event.uuid !== '') this.changedDomains.add(event.uuid);
  }

  /** Another tool changed a domain's snapshots (seen in the local metadata folder): re-read them, XML too. */
  /** `name` null: the watch lost events, so any domain's snapshots may have changed. */
  private snapshotFolderChanged(name: string | null): void {
    for (const d of this.domains.values()) {
      if (name !== null && d.summary.name !== name) continue;
      this.forgetSnapshotFacts(d.summary.uuid);
      this.changedSnapshots.add(d.summary.uuid);
    }
  }

  /** Re-read some domains (after events, or when stats show one we don't know): one list for the batch. */
  private async refreshDomains(gen: number, uuids: string[]): Promise<void> {
    const conn = this.conn;
    if (!conn || !this.link.isCurrent(gen)) return;
    let summaries: DomainSummary[];
    try {
      summaries = await conn.listAllDomains();
    } catch (err) {
      await this.failed(gen, conn, err, 'listing domains');
      return;
    }
    const wanted = summaries.filter((s) => uuids.includes(s.uuid));
    let described: Array<Domain | null>;
    try {
      described = await Promise.all(wanted.map((s) => this.describe(gen, conn, s)));
    } catch (err) {
      await this.failed(gen, conn, err, 'reading domains');
      return;
    }
    if (!this.link.isCurrent(gen)) return;
    for (const uuid of uuids) if (!wanted.some((s) => s.uuid === uuid)) this.forget(uuid);
    for (const d of described) if (d) this.domains.set(d.summary.uuid, d);
    this.link.changed.emit();
  }

  /** Re-list some domains' snapshots (parents and the current one change with every take, revert and delete). */
  private async refreshSnapshots(gen: number, uuids: string[]): Promise<void> {
    const conn = this.conn;
    if (!conn || !this.link.isCurrent(gen)) return;
    let changed = false;
    for (const uuid of uuids) {
      const domain = this.domains.get(uuid);
      if (!domain) continue;
      try {
        const snapshots = await this.readSnapshots(conn, uuid);
        if (!this.link.isCurrent(gen)) return;
        if (JSON.stringify(snapshots) !== JSON.stringify(domain.snapshots)) {
          domain.snapshots = snapshots;
          changed = true;
        }
      } catch (err) {
        // The domain went away meanwhile: its own refresh will drop it.
        if ((err as { code?: unknown }).code === ErrorCode.NO_DOMAIN) this.changedDomains.add(uuid);
        else if (await this.failed(gen, conn, err, `listing the snapshots of ${domain.summary.name}`)) return;
      }
    }
    if (changed) this.link.changed.emit();
  }

  /** Asks for a domain's snapshots to be re-listed soon (after an action of ours on it). */
  snapshotsChanged(uuid: string): void {
    this.forgetSnapshotFacts(uuid);
    this.changedSnapshots.add(uuid);
  }

  private forgetSnapshotFacts(uuid: string): void {
    for (const key of this.snapshotFacts.keys()) if (key.startsWith(`${uuid}/`)) this.snapshotFacts.delete(key);
  }

  private forget(uuid: string): void {
    this.domains.delete(uuid);
    this.forgetSnapshotFacts(uuid);
  }

  sample(): Promise<void> {
    this.sampling ??= this.sampleOnce().finally(() => {
      this.sampling = null;
    });
    return this.sampling;
  }

  private async sampleOnce(): Promise<void> {
    const conn = this.conn;
    if (!this.link.connected || !conn) return;
    const gen = this.link.now;
    const started = performance.now();
    let records: Awaited<ReturnType<Connection['getAllDomainStats']>>;
    try {
      records = await conn.getAllDomainStats();
    } catch (err) {
      await this.failed(gen, conn, err, 'reading domain stats');
      return;
    }
    const at = Date.now();
    if (!this.link.isCurrent(gen)) return;
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record.uuid);
      const domain = this.domains.get(record.uuid);
      if (!domain) {
        this.changedDomains.add(record.uuid);
        continue;
      }
      const reading = readDomainStats(record.params, at);
      const state = record.params['state.state'];
      domain.rates = domainRates(domain.reading, reading);
      domain.reading = reading;
      // A state change whose event we missed: re-read the domain.
      if (typeof state === 'number' && state !== domain.summary.state) this.changedDomains.add(record.uuid);
    }
    for (const uuid of this.domains.keys()) if (!seen.has(uuid)) this.changedDomains.add(uuid);
    if (!this.local && this.host) await this.sampleNode(gen, conn, this.host.cpus);
    // Snapshots made by other tools raise no event: a slow sweep catches those no folder watch saw.
    if (at - this.lastSnapshotSweep >= SNAPSHOT_SWEEP_MS) {
      this.lastSnapshotSweep = at;
      for (const uuid of this.domains.keys()) this.changedSnapshots.add(uuid);
    }
    this.sampleMs = performance.now() - started;
  }

  act(action: Action): Promise<ActionDone> {
    if (action.kind === 'container') return Promise.reject(new ActionError('A libvirt engine runs VMs, not containers.', 'not-supported'));
    if (!this.link.connected || !this.conn) return Promise.reject(new ActionError(`libvirt at ${this.endpoint} is not connected; nothing was changed.`, 'not-connected'));
    const known = this.domains.get(action.uuid);
    if (!known) return Promise.reject(new ActionError('That VM is no longer there.', 'not-found'));
    const key = action.kind === 'vm' ? `vm:${action.op}` : action.kind;
    return this.actions.run(action.uuid, actionLabel(action, known.summary.name), key, async () => {
      // Checked when its turn comes: an action queued behind another sees what that one left.
      const domain = this.domains.get(action.uuid);
      const conn = this.conn;
      if (!domain || !conn) throw new ActionError('That VM is no longer there.', 'not-found');
      const gen = this.link.now;
      const lost = () =>
        new ActionError(`The connection to libvirt was lost during “${actionLabel(action, domain.summary.name)}”; it may or may not have happened. The map shows ${domain.summary.name} as libvirt reports it once reconnected.`, 'connection-lost');
      // A snapshot action is checked against the snapshots as they are now, not as last listed
      // (the take just before it in the queue, or one made with virsh a moment ago).
      if (action.kind !== 'vm') {
        try {
          domain.snapshots = await this.readSnapshots(conn, action.uuid);
        } catch (err) {
          if (!this.link.isCurrent(gen) || (await isLibvirtConnectionLoss(conn, err))) throw lost();
          throw libvirtActionError(err, domain.summary.name);
        }
      }
      const vm: VmNow = { name: domain.summary.name, state: vmState(domain.summary.state), facts: domain.facts, snapshots: domain.snapshots };
      const started = performance.now();
      try {
        // A call can outlive its connection (libvirt answers a call in flight only when it finishes):
        // the action fails as soon as the connection is lost rather than at the call's deadline.
        const message = await untilLost(this.perform(conn, action, vm), this.link.lostSignal, lost);
        return { message, ms: Math.round(performance.now() - started) };
      } catch (err) {
        if (err instanceof ActionError) throw err;
        if (!this.link.isCurrent(gen) || (await isLibvirtConnectionLoss(conn, err))) throw lost();
        throw libvirtActionError(err, vm.name);
      } finally {
        // Snapshots raise no event: the tree is re-read before the action answers, so what the user
        // sees next is what libvirt confirmed. The domain itself changes through its events.
        if (action.kind !== 'vm') {
          this.forgetSnapshotFacts(action.uuid);
          await this.refreshSnapshots(gen, [action.uuid]);
        }
        this.changedDomains.add(action.uuid);
      }
    });
  }

  /** Carries out one action on a VM; resolves to what happened, in words. */
  private async perform(conn: Connection, action: Exclude<Action, { kind: 'container' }>, vm: VmNow): Promise<string> {
    const { uuid } = action;
    switch (action.kind) {
      case 'vm':
        await VM_OPS[action.op].call(conn, uuid);
        return `${vm.name} ${VM_OPS[action.op].done}.`;
      case 'snapshot-create': {
        const plan = planSnapshotCreate(vm, action);
        await conn.createSnapshot(uuid, plan.xml, plan.flags);
        return `Snapshot “${action.name}” of ${vm.name} taken.`;
      }
      case 'snapshot-revert': {
        const snapshot = snapshotNamed(vm, action);
        const blocked = revertBlocked(snapshot, this.snapshotHost.canRevertExternal, this.snapshotHost.libvirtVersion);
        if (blocked) throw new ActionError(`${blocked} Nothing was changed.`, 'refused');
        await conn.revertToSnapshot(uuid, action.name, revertFlags(action.force));
        return `${vm.name} reverted to “${action.name}”; it is ${stateAfterRevert(snapshot.state)}.`;
      }
      case 'snapshot-delete': {
        snapshotNamed(vm, action);
        await conn.deleteSnapshot(uuid, action.name, { children: action.children });
        return `Snapshot “${action.name}”${action.children ? ' and its children' : ''} deleted.`;
      }
      case 'snapshot-describe': {
        const snapshot = snapshotNamed(vm, action);
        const problem = snapshotDescriptionProblem(action.description);
        if (problem) throw new ActionError(`${problem} Nothing was changed.`, 'refused');
        const xml = withSnapshotDescription(await conn.snapshotXml(uuid, action.name, { secure: true }), action.description);
        if (xml === null) throw new ActionError(`libvirt described “${action.name}” in a form Neighborhood does not edit; nothing was changed.`, 'refused');
        await conn.createSnapshot(uuid, xml, SnapshotCreateFlags.REDEFINE | (snapshot.current ? SnapshotCreateFlags.CURRENT : 0));
        return `Description of “${action.name}” saved.`;
      }
    }
  }

  /** A remote host's own CPU and memory use; on failure it is simply unknown this sample. */
  private async sampleNode(gen: number, conn: Connection, cpus: number): Promise<void> {
    try {
      const [cpu, memory] = await Promise.all([conn.nodeCpuStats(), conn.nodeMemoryStats()]);
      if (!this.link.isCurrent(gen)) return;
      const next = nodeUsage(this.nodeTimes, cpu, memory, cpus);
      this.nodeTimes = next.times;
      this.hostUsage = next.usage;
    } catch (err) {
      this.hostUsage = null;
      await this.failed(gen, conn, err, 'reading the host’s CPU and memory use');
    }
  }

  debugCounts(): { connected: boolean; retryPending: boolean; listeners: number; detachers: number } {
    return { connected: this.conn !== null, detachers: this.detachers.length, ...this.link.debugCounts() };
  }

  async dispose(): Promise<void> {
    this.link.dispose();
    this.changedDomains.stop();
    this.changedSnapshots.stop();
    this.snapshotWatch?.close();
    const conn = this.conn;
    for (const off of this.detachers.splice(0)) off();
    this.conn = null;
    await conn?.close().catch(() => undefined);
  }
}
