/**
 * The Docker adapter. Structure comes from Docker's event stream (subscribed before the first list, so
 * nothing is missed in between); figures come from one one-shot stats call per running container per
 * sample, turned into rates against the previous sample. Every call is asynchronous and bounded by a
 * timeout; when the engine goes away the adapter says why and retries on its own.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Docker from 'dockerode';
import pLimit from 'p-limit';
import type { Container } from '../../contract';
import type { EngineAdapter, EngineReport, HostFacts } from '../engine';
import { EngineLink } from '../engine-link';
import { DockerAgent } from './docker-agent';
import { resolveDockerEndpoint, type DockerEndpoint } from './docker-endpoint';
import { containerFromInspect, type InspectJson } from './docker-container';
import { describeDockerError, dockerHint, hostFactsFromInfo, type InfoJson } from './docker-host';
import { readStats, statsBetween, type DockerStatsJson, type StatsReading } from './docker-stats';

/** Container actions that change what the map shows; exec_*, attach, top… do not. */
const STRUCTURAL_ACTIONS = ['create', 'start', 'restart', 'die', 'stop', 'kill', 'pause', 'unpause', 'rename', 'update', 'destroy', 'oom'];
const CALL_TIMEOUT_MS = 5000;
const STATS_TIMEOUT_MS = 10_000;
/**
 * dockerd answers one-shot stats on its collector's 1 s tick, so every call in flight shares one wait:
 * a sweep takes ~1 s whether 5 or 60 containers are asked at once, but 3 s if they queue in 3 waves.
 * High enough for one wave on typical hosts, bounded so thousands of containers don't open thousands of sockets.
 */
const STATS_CONCURRENCY = 64;

/** @types/dockerode lags dockerode: these calls do accept an abort signal (dockerode passes it to the modem). */
interface SignalledDocker {
  info(options: { abortSignal: AbortSignal }): Promise<InfoJson>;
  version(options: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
}
interface SignalledContainer {
  stats(options: { stream: false; 'one-shot': true; abortSignal: AbortSignal }): Promise<DockerStatsJson>;
}

interface DockerEvent {
  Type?: string;
  Action?: string;
  id?: string;
  Actor?: { ID?: string };
}

export interface DockerEngineOptions {
  /** Default: DOCKER_HOST, else ~/.docker/run/docker.sock where it exists, else /var/run/docker.sock. */
  endpoint?: DockerEndpoint;
}

function defaultEndpoint(): DockerEndpoint {
  const user = join(homedir(), '.docker', 'run', 'docker.sock');
  // Construction time only; the check is one stat of a local path.
  return resolveDockerEndpoint(process.env.DOCKER_HOST, existsSync(user) ? user : null);
}

export class DockerEngine implements EngineAdapter {
  readonly kind = 'docker' as const;
  readonly endpoint: string;
  readonly local: boolean;
  private readonly agent = new DockerAgent();
  private readonly docker: Docker;
  private readonly link = new EngineLink(() => void this.connect());
  private readonly limit = pLimit(STATS_CONCURRENCY);

  private version: string | null = null;
  private host: HostFacts | null = null;
  private sampleMs: number | null = null;
  private containers = new Map<string, Container>();
  private readings = new Map<string, StatsReading>();
  private events: AbortController | null = null;
  private openStreams = 0;

  constructor(options: DockerEngineOptions = {}) {
    const endpoint = options.endpoint ?? defaultEndpoint();
    this.local = endpoint.local;
    this.endpoint = endpoint.local ? endpoint.socketPath : endpoint.url;
    // For remote endpoints dockerode reads DOCKER_HOST and its TLS variables itself (and its own agent).
    this.docker = new Docker(endpoint.local ? ({ socketPath: endpoint.socketPath, agent: this.agent } as Docker.DockerOptions) : undefined);
  }

  start(): void {
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
      containers: [...this.containers.values()],
      vms: [],
      sampleMs: this.sampleMs,
      hint: this.link.hint,
    };
  }

  private async connect(): Promise<void> {
    const gen = this.link.attempt();
    if (gen === null) return;
    try {
      const signal = AbortSignal.timeout(CALL_TIMEOUT_MS);
      const docker = this.docker as unknown as SignalledDocker;
      const [info, version] = await Promise.all([docker.info({ abortSignal: signal }), docker.version({ abortSignal: signal })]);
      if (!this.link.isCurrent(gen)) return;
      this.host = hostFactsFromInfo(info, this.local);
      this.version = version.Version;
      await this.openEvents(gen);
      await this.resync(gen);
      this.link.up(gen);
    } catch (err) {
      this.fail(gen, err);
    }
  }

  /** The engine is gone (or broke a call): say why, forget per-connection state, retry soon. */
  private fail(gen: number, err: unknown): void {
    this.link.down(gen, describeDockerError(err, this.endpoint), dockerHint(err), () => {
      this.closeEvents();
      this.containers.clear();
      this.readings.clear();
    });
  }

  private async openEvents(gen: number): Promise<void> {
    const abort = new AbortController();
    const stream = (await this.docker.getEvents({
      filters: { type: ['container'], event: STRUCTURAL_ACTIONS },
      abortSignal: abort.signal,
    })) as NodeJS.ReadableStream;
    if (!this.link.isCurrent(gen)) {
      abort.abort();
      return;
    }
    this.events = abort;
    this.openStreams++;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (!this.link.isCurrent(gen) || line.trim() === '') return;
      try {
        void this.onEvent(gen, JSON.parse(line) as DockerEvent);
      } catch {
        // A line that is not JSON is not an event we can use; the next sample's list catches up anyway.
      }
    });
    let over = false;
    const ended = (err?: unknown) => {
      if (over) return;
      over = true;
      lines.close();
      if (!abort.signal.aborted) this.fail(gen, err ?? new Error(`the Docker event stream at ${this.endpoint} ended`));
    };
    stream.on('end', () => ended());
    stream.on('close', () => ended());
    // Kept for the stream's whole life: a closing socket can report more than one error. readline
    // re-emits its input's errors, so it needs a listener too or a dying daemon crashes the process.
    stream.on('error', (err: unknown) => ended(err));
    lines.on('error', (err: unknown) => ended(err));
  }

  private closeEvents(): void {
    if (this.events) this.openStreams--;
    this.events?.abort();
    this.events = null;
  }

  /** What is still attached, so tests can prove reconnects leave nothing dangling. */
  debugCounts(): { openEventStreams: number; retryPending: boolean; listeners: number } {
    return { openEventStreams: this.openStreams, ...this.link.debugCounts() };
  }

  private async onEvent(gen: number, event: DockerEvent): Promise<void> {
    const id = event.Actor?.ID ?? event.id;
    if (event.Type !== 'container' || !id) return;
    if (event.Action === 'destroy') {
      this.forget(id);
      this.link.changed.emit();
      return;
    }
    await this.refresh(gen, [id]);
  }

  private forget(id: string): void {
    this.containers.delete(id);
    this.readings.delete(id);
  }

  /** Rebuild the whole picture: after (re)connecting, events may have been missed. */
  private async resync(gen: number): Promise<void> {
    const list = await this.docker.listContainers({ all: true, abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    if (!this.link.isCurrent(gen)) return;
    const fresh = await this.inspectAll(list);
    if (!this.link.isCurrent(gen)) return;
    this.containers = new Map(fresh.map((c) => [c.id, c]));
  }

  /** Re-read some containers after events; a container that no longer exists is dropped. */
  private async refresh(gen: number, ids: string[]): Promise<void> {
    try {
      const list = await this.docker.listContainers({ all: true, filters: { id: ids }, abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      const fresh = await this.inspectAll(list);
      if (!this.link.isCurrent(gen)) return;
      const found = new Set(fresh.map((c) => c.id));
      for (const id of ids) if (!found.has(id) && !fresh.some((c) => c.id.startsWith(id))) this.forget(id);
      for (const c of fresh) this.containers.set(c.id, { ...c, stats: this.containers.get(c.id)?.stats ?? null });
      this.link.changed.emit();
    } catch (err) {
      this.fail(gen, err);
    }
  }

  private async inspectAll(list: Docker.ContainerInfo[]): Promise<Container[]> {
    const inspected = await Promise.all(
      list.map((summary) =>
        this.limit(async () => {
          try {
            const json = (await this.docker.getContainer(summary.Id).inspect({ abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) })) as InspectJson;
            return containerFromInspect(json, summary.Status);
          } catch (err) {
            // Removed between list and inspect: not an engine failure.
            if ((err as { statusCode?: number }).statusCode === 404) return null;
            throw err;
          }
        }),
      ),
    );
    return inspected.filter((c): c is Container => c !== null);
  }

  async sample(): Promise<void> {
    if (!this.link.connected || !this.host) return;
    const gen = this.link.now;
    const started = performance.now();
    try {
      // One list per sample keeps status lines fresh, proves the engine alive, and heals any missed event.
      const list = await this.docker.listContainers({ all: true, abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
      if (!this.link.isCurrent(gen)) return;
      await this.reconcile(gen, list);
      const live = [...this.containers.values()].filter((c) => c.state === 'running' || c.state === 'paused');
      const answers = await Promise.all(live.map((c) => this.limit(() => this.readOne(c.id))));
      if (!this.link.isCurrent(gen)) return;
      const hostCpus = this.host.cpus;
      for (const c of this.containers.values()) {
        const reading = answers[live.indexOf(c)];
        if (!reading) {
          this.readings.delete(c.id);
          if (c.stats) this.containers.set(c.id, { ...c, stats: null });
          continue;
        }
        const stats = statsBetween(this.readings.get(c.id), reading, hostCpus);
        this.readings.set(c.id, reading);
        this.containers.set(c.id, { ...c, stats });
      }
      this.sampleMs = performance.now() - started;
    } catch (err) {
      this.fail(gen, err);
    }
  }

  /** Status lines from the list; containers the events did not tell us about are fetched. */
  private async reconcile(gen: number, list: Docker.ContainerInfo[]): Promise<void> {
    const seen = new Set<string>();
    const unknown: string[] = [];
    for (const summary of list) {
      seen.add(summary.Id);
      const known = this.containers.get(summary.Id);
      if (!known || known.state !== summary.State) unknown.push(summary.Id);
      else if (known.status !== summary.Status) this.containers.set(summary.Id, { ...known, status: summary.Status });
    }
    let removed = false;
    for (const id of this.containers.keys()) {
      if (!seen.has(id)) {
        this.forget(id);
        removed = true;
      }
    }
    if (unknown.length > 0) await this.refresh(gen, unknown);
    else if (removed) this.link.changed.emit();
  }

  private async readOne(id: string): Promise<StatsReading | undefined> {
    try {
      const container = this.docker.getContainer(id) as unknown as SignalledContainer;
      const json = await container.stats({ stream: false, 'one-shot': true, abortSignal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
      return readStats(json, Date.now());
    } catch (err) {
      // A container that stopped or vanished mid-sample has no figures this time; the engine is fine.
      const status = (err as { statusCode?: number }).statusCode;
      if (status === 404 || status === 409) return undefined;
      throw err;
    }
  }

  async dispose(): Promise<void> {
    this.link.dispose();
    this.agent.destroy();
    this.closeEvents();
    this.limit.clearQueue();
  }
}
