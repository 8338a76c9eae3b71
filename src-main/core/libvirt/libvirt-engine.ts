/**
 * The libvirt adapter, over our own binding. Structure comes from libvirt's lifecycle events (on the
 * binding's event-loop thread); figures come from one bulk stats call per sample for all domains.
 * When libvirtd goes away the connection's close callback says so at once; the adapter retries on its
 * own. Without libvirt on the machine the engine reports 'unavailable' with the reason and stays quiet.
 */
import { availability, Connection, type DomainEvent, type DomainSummary } from '@neighborhood/libvirt';
import type { Snapshot } from '../../contract';
import type { EngineAdapter, EngineReport, HostFacts } from '../engine';
import { EngineLink } from '../engine-link';
import { domainRates, readDomainStats, type DomainRates, type DomainReading } from './domain-stats';
import { parseDomainXml, type DomainXmlFacts } from './domain-xml';
import { isLocalUri, libvirtHint, resolveLibvirtUri } from './libvirt-endpoint';
import { parseSnapshotXml, type SnapshotXmlFacts } from './snapshot-xml';
import { vmFrom } from './vm-model';

interface Domain {
  summary: DomainSummary;
  facts: DomainXmlFacts;
  snapshots: Snapshot[];
  reading?: DomainReading;
  rates: DomainRates | null;
}

const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export interface LibvirtEngineOptions {
  /** Default: LIBVIRT_DEFAULT_URI, else qemu:///system. */
  uri?: string;
  /** Whether the binding loaded (default: the binding's own answer); lets a test stand in for a machine without libvirt. */
  availability?: typeof availability;
}

export class LibvirtEngine implements EngineAdapter {
  readonly kind = 'libvirt' as const;
  readonly endpoint: string;
  readonly local: boolean;
  private readonly link = new EngineLink(() => void this.connect());

  private version: string | null = null;
  private host: HostFacts | null = null;
  private sampleMs: number | null = null;
  private conn: Connection | null = null;
  private detachers: Array<() => void> = [];
  private domains = new Map<string, Domain>();
  /** Snapshot XML never changes for a given snapshot: read each once. */
  private snapshotFacts = new Map<string, SnapshotXmlFacts>();

  private readonly availability: typeof availability;

  constructor(options: LibvirtEngineOptions = {}) {
    this.endpoint = options.uri ?? resolveLibvirtUri(process.env.LIBVIRT_DEFAULT_URI);
    this.local = isLocalUri(this.endpoint);
    this.availability = options.availability ?? availability;
  }

  start(): void {
    const binding = this.availability();
    if (!binding.available) {
      this.link.unavailable(`libvirt is not available: ${binding.reason}`, libvirtHint(binding.reason, false));
      return;
    }
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
      vms: [...this.domains.values()].map((d) => vmFrom(d.summary, d.facts, d.snapshots, d.reading, d.rates)),
      sampleMs: this.sampleMs,
      hint: this.link.hint,
    };
  }

  /** The open connection, for actions (snapshots); null while not connected. */
  connection(): Connection | null {
    return this.link.connected ? this.conn : null;
  }

  private async connect(): Promise<void> {
    const gen = this.link.attempt();
    if (gen === null) return;
    let conn: Connection | null = null;
    try {
      conn = await Connection.open(this.endpoint);
      if (!this.link.isCurrent(gen)) {
        await conn.close();
        return;
      }
      this.conn = conn;
      const opened = conn;
      this.detachers = [
        opened.onClose((reason) => this.fail(gen, new Error(`libvirt closed the connection to ${this.endpoint} (${reason})`))),
        opened.onDomainEvent((event) => void this.onDomainEvent(gen, event)),
      ];
      const [hostname, node, memory, version] = await Promise.all([
        opened.hostname(),
        opened.nodeInfo(),
        // nodeInfo's memory is the NUMA nodes' (5 GiB of a 24 GiB host here); the memory stats' total is MemTotal.
        opened.nodeMemoryStats().catch(() => null),
        opened.libVersion(),
      ]);
      if (!this.link.isCurrent(gen)) return;
      const memoryBytes = (memory?.totalKiB ?? node.memoryKiB) * 1024;
      this.host = { hostname, cpus: node.cpus, memoryBytes, kernel: '', os: '', local: this.local };
      this.version = version;
      await this.resync(gen, opened);
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
      this.domains.clear();
    });
  }

  private detach(): void {
    for (const off of this.detachers.splice(0)) off();
    const conn = this.conn;
    this.conn = null;
    void conn?.close().catch(() => undefined);
  }

  private async resync(gen: number, conn: Connection): Promise<void> {
    const summaries = await conn.listAllDomains();
    const described = await Promise.all(summaries.map((s) => this.describe(conn, s)));
    if (!this.link.isCurrent(gen)) return;
    this.domains = new Map(described.filter((d): d is Domain => d !== null).map((d) => [d.summary.uuid, d]));
  }

  /** Definition and snapshots of one domain; null when it vanished meanwhile. */
  private async describe(conn: Connection, summary: DomainSummary): Promise<Domain | null> {
    try {
      const [xml, snapshots] = await Promise.all([conn.domainXml(summary.uuid), this.readSnapshots(conn, summary.uuid)]);
      const known = this.domains.get(summary.uuid);
      return { summary, facts: parseDomainXml(xml), snapshots, reading: known?.reading, rates: known?.rates ?? null };
    } catch (err) {
      if (await conn.isAlive().catch(() => false)) return null;
      throw err;
    }
  }

  private async readSnapshots(conn: Connection, uuid: string): Promise<Snapshot[]> {
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

  private async onDomainEvent(gen: number, event: DomainEvent): Promise<void> {
    await this.refreshDomains(gen, [event.uuid]);
  }

  /** Re-read some domains (after an event, or when stats show one we don't know). */
  private async refreshDomains(gen: number, uuids: string[]): Promise<void> {
    const conn = this.conn;
    if (!conn || !this.link.isCurrent(gen)) return;
    try {
      const summaries = await conn.listAllDomains();
      const wanted = summaries.filter((s) => uuids.includes(s.uuid));
      const described = await Promise.all(wanted.map((s) => this.describe(conn, s)));
      if (!this.link.isCurrent(gen)) return;
      for (const uuid of uuids) if (!wanted.some((s) => s.uuid === uuid)) this.forget(uuid);
      for (const d of described) if (d) this.domains.set(d.summary.uuid, d);
      this.link.changed.emit();
    } catch (err) {
      this.fail(gen, err);
    }
  }

  private forget(uuid: string): void {
    this.domains.delete(uuid);
    for (const key of this.snapshotFacts.keys()) if (key.startsWith(`${uuid}/`)) this.snapshotFacts.delete(key);
  }

  async sample(): Promise<void> {
    const conn = this.conn;
    if (!this.link.connected || !conn) return;
    const gen = this.link.now;
    const started = performance.now();
    try {
      const records = await conn.getAllDomainStats();
      const at = Date.now();
      if (!this.link.isCurrent(gen)) return;
      const unknown: string[] = [];
      const seen = new Set<string>();
      for (const record of records) {
        seen.add(record.uuid);
        const domain = this.domains.get(record.uuid);
        if (!domain) {
          unknown.push(record.uuid);
          continue;
        }
        const reading = readDomainStats(record.params, at);
        const state = record.params['state.state'];
        domain.rates = domainRates(domain.reading, reading);
        domain.reading = reading;
        if (typeof state === 'number' && state !== domain.summary.state) unknown.push(record.uuid);
      }
      const gone = [...this.domains.keys()].filter((uuid) => !seen.has(uuid));
      // Snapshots taken by other tools (virsh) raise no event: re-list them each sample (one call per VM).
      await Promise.all(
        [...this.domains.values()].map(async (d) => {
          d.snapshots = await this.readSnapshots(conn, d.summary.uuid).catch(() => d.snapshots);
        }),
      );
      if (unknown.length || gone.length) await this.refreshDomains(gen, [...unknown, ...gone]);
      this.sampleMs = performance.now() - started;
    } catch (err) {
      if (!(await conn.isAlive().catch(() => false))) this.fail(gen, err);
    }
  }

  debugCounts(): { connected: boolean; retryPending: boolean; listeners: number; detachers: number } {
    return { connected: this.conn !== null, detachers: this.detachers.length, ...this.link.debugCounts() };
  }

  async dispose(): Promise<void> {
    this.link.dispose();
    const conn = this.conn;
    for (const off of this.detachers.splice(0)) off();
    this.conn = null;
    await conn?.close().catch(() => undefined);
  }
}
