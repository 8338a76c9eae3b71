/**
 * The Docker adapter, also Podman's (over its Docker-compatible socket, plus its pods from the libpod
 * API). One adapter per engine, reached as its EngineConfig says: a unix socket, tcp:// (with TLS), or
 * ssh:// through the user's own ssh (see docker-transport). Structure comes from the engine's event
 * stream (subscribed before the first list, so nothing is missed in between); events are hints, batched
 * and re-read by inspect. Figures for a local engine's containers come straight from the kernel (cgroups
 * and /proc, see cgroup/); for remote engines, and for anything unreadable, from one one-shot stats call
 * per container; both become rates against the previous sample.
 * Every call has a deadline. Only a failed ping, list or event stream means the engine is gone (see
 * `isConnectionLoss`); one container's failed call is that container's missing figures.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import pLimit from 'p-limit';
import type { Action, ActionDone, Container } from '../../contract';
import { ActionError } from '../actions/action-error';
import { TenantQueues } from '../actions/tenant-queue';
import type { EngineAdapter, EngineReport, HostFacts } from '../engine';
import { CgroupStatsReader } from '../cgroup/cgroup-reader';
import { EngineLink } from '../engine-link';
import { KeyBatcher } from '../key-batcher';
import { reportError } from '../report-error';
import { CONTAINER_OPS, dockerActionError, needsForceToRemove } from './docker-actions';
import { configFromEndpoint, resolveDockerEndpoint, type DockerEndpoint } from './docker-endpoint';
import { containerFromInspect, statusFromInspect, type InspectJson } from './docker-container';
import { openDockerEvents, type DockerEvent, type DockerEventStream } from './docker-events';
import { explainDockerFailure, UNENCRYPTED } from './docker-failure';
import { hostFactsFromInfo, isConnectionLoss, type InfoJson } from './docker-host';
import { libpodGet, podsByContainer, rootlessFrom, type PodRef } from './docker-pods';
import { readStats, statsBetween, type DockerStatsJson, type StatsReading } from './docker-stats';
import { DockerTransport, type DockerConfig } from './docker-transport';

/** Container actions that change what the map shows; exec_*, attach, top… do not. */
const STRUCTURAL_ACTIONS = ['create', 'start', 'restart', 'die', 'stop', 'kill', 'pause', 'unpause', 'rename', 'update', 'destroy', 'oom'];
/** Podman names some of them its own way on the same stream: a removed container is 'remove', not 'destroy'. */
const PODMAN_ACTIONS = [...STRUCTURAL_ACTIONS, 'remove', 'died', 'init', 'cleanup'];
/** The events after which a container is gone. */
const GONE = new Set(['destroy', 'remove']);
const CALL_TIMEOUT_MS = 5000;
/**
 * dockerd answers one-shot stats on its collector's 1 s tick; a container whose answer takes three
 * ticks is stuck (a frozen cgroup, a wedged shim) and shows no figures this sample rather than holding
 * the whole building back.
 */
const STATS_TIMEOUT_MS = 3000;
/** Events within this window after the first are re-read together. */
const EVENT_BATCH_MS = 50;

/** @types/dockerode lags dockerode: these calls do accept an abort signal (dockerode passes it to the modem). */
interface SignalledDocker {
  info(options: { abortSignal: AbortSignal }): Promise<InfoJson>;
  version(options: { abortSignal: AbortSignal }): Promise<Docker.DockerVersion>;
}
interface SignalledContainer {
  stats(options: { stream: false; 'one-shot': true; abortSignal: AbortSignal }): Promise<DockerStatsJson>;
}

const statusCode = (err: unknown): number | undefined => (err as { statusCode?: number } | undefined)?.statusCode;

export interface DockerEngineOptions {
  /** The engine as configured (docker or podman; unix://, tcp:// with TLS, ssh://). Wins over `endpoint`. */
  config?: DockerConfig;
  /** Default: DOCKER_HOST, else ~/.docker/run/docker.sock where it exists, else /var/run/docker.sock. */
  endpoint?: DockerEndpoint;
  /**
   * Where figures come from: 'auto' reads a local engine's containers from the kernel (cgroups and
   * /proc) and falls back to the stats API per container; 'api' always asks the engine (tests and the
   * benchmark compare the two). Remote engines always use the API. Default 'auto'.
   */
  stats?: 'auto' | 'api';
}

function defaultEndpoint(): DockerEndpoint {
  const user = join(homedir(), '.docker', 'run', 'docker.sock');
  // Construction time only; the check is one stat of a local path.
  return resolveDockerEndpoint(process.env.DOCKER_HOST, existsSync(user) ? user : null);
}

/** What the user calls each kind in sentences. */
const KIND_NAMES = { docker: 'Docker', podman: 'Podman' } as const;

export class DockerEngine implements EngineAdapter {
  readonly kind: 'docker' | 'podman';
  readonly name: string;
  readonly endpoint: string;
  readonly local: boolean;
  private readonly transport: DockerTransport;
  /** The client of the current connection attempt; null before the first. */
  private client: Docker | null = null;
  private readonly link = new EngineLink(() => void this.connect());
  private readonly statsLimit: ReturnType<typeof pLimit>;
  private readonly inspectLimit: ReturnType<typeof pLimit>;
  private readonly changed: KeyBatcher;
  private readonly cgroups: CgroupStatsReader | null;
  /** Each running container's init process, for its cgroup and network namespace. */
  private readonly initPids = new Map<string, number>();
  private readonly statsPaths = { kernel: 0, api: 0 };
  private readonly actions = new TenantQueues(() => this.link.changed.emit());

  private version: string | null = null;
  private rootless: boolean | null = null;
  /** Podman: each container's pod (from the libpod API); empty for Docker. */
  private pods = new Map<string, PodRef>();
  /** The engine has no libpod API (Docker, an old Podman): pods are not asked for again this connection. */
  private noLibpod = false;
  private host: HostFacts | null = null;
  private sampleMs: number | null = null;
  private containers = new Map<string, Container>();
  private readings = new Map<string, StatsReading>();
  private events: DockerEventStream | null = null;
  private openStreams = 0;
  /** The sample in progress: a new one never starts while it runs. */
  private sampling: Promise<void> | null = null;

  constructor(options: DockerEngineOptions = {}) {
    if (options.config) {
      this.transport = new DockerTransport(options.config);
    } else {
      const legacy = configFromEndpoint(options.endpoint ?? defaultEndpoint(), process.env, homedir());
      this.transport = new DockerTransport(legacy.config, legacy.label);
    }
    this.kind = this.transport.kind;
    this.name = this.transport.config.name;
    this.local = this.transport.local;
    this.endpoint = this.transport.endpoint;
    this.statsLimit = pLimit(this.transport.statsConcurrency);
    this.inspectLimit = pLimit(this.transport.inspectConcurrency);
    this.changed = new KeyBatcher((ids) => this.refresh(this.link.now, ids), EVENT_BATCH_MS, `${KIND_NAMES[this.kind]} refresh at ${this.endpoint}`);
    // The kernel fast path reads this machine's cgroups: only for an engine on this machine.
    this.cgroups = this.local && options.stats !== 'api' ? new CgroupStatsReader() : null;
  }

  /** The current connection's client; the adapter only calls it while connected or connecting. */
  private get docker(): Docker {
    if (!this.client) throw new Error(`no ${KIND_NAMES[this.kind]} client yet for ${this.endpoint}`);
    return this.client;
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
      containers: [...this.containers.values()].map((c) => {
        const activity = this.actions.activity(c.id);
        return activity ? { ...c, activity } : c;
      }),
      vms: [],
      sampleMs: this.sampleMs,
      // A plain tcp:// engine says so even while connected: nothing else on the map would.
      hint: this.link.hint ?? (this.transport.encrypted ? null : UNENCRYPTED),
      rootless: this.rootless,
    };
  }

  private async connect(): Promise<void> {
    const gen = this.link.attempt();
    if (gen === null) return;
    try {
      const client = await this.transport.open();
      if (!this.link.isCurrent(gen)) return;
      this.client = client;
      const signal = AbortSignal.timeout(CALL_TIMEOUT_MS);
      const docker = client as unknown as SignalledDocker;
      const [info, version, libpodInfo] = await Promise.all([
        docker.info({ abortSignal: signal }),
        docker.version({ abortSignal: signal }),
        // Podman says directly whether it is rootless; without a libpod API the compatible /info tells.
        this.kind === 'podman' ? libpodGet(client, '/info', signal).catch(() => null) : Promise.resolve(null),
      ]);
      if (!this.link.isCurrent(gen)) return;
      // A remote engine's facts say local: false, so it stands on its own street (see host-identity).
      this.host = hostFactsFromInfo(info, this.local);
      this.version = version.Version;
      this.rootless = this.kind === 'podman' ? rootlessFrom(libpodInfo, info) : null;
      this.noLibpod = this.kind !== 'podman';
      await this.openEvents(gen);
      await this.resync(gen);
      this.link.up(gen);
    } catch (err) {
      this.fail(gen, err);
    }
  }

  /** The engine is gone (or broke a liveness call): say why, forget per-connection state, retry soon. */
  private fail(gen: number, err: unknown): void {
    const why = explainDockerFailure(err, this.transport.context);
    this.link.down(gen, why.reason, why.hint, () => {
      this.closeEvents();
      this.changed.clear();
      this.containers.clear();
      this.readings.clear();
      this.pods.clear();
      // Sockets (and ssh children) of the lost connection: the retry opens its own.
      this.transport.reset();
    });
  }

  /** A failed call: the connection's end when `isConnectionLoss` says so, else only this call's. */
  private failed(gen: number, err: unknown, call: 'liveness' | 'tenant'): boolean {
    if (!isConnectionLoss(err, call)) return false;
    this.fail(gen, err);
    return true;
  }

  private async openEvents(gen: number): Promise<void> {
    const stream = await openDockerEvents(this.docker, {
      filters: { type: ['container'], event: this.kind === 'podman' ? PODMAN_ACTIONS : STRUCTURAL_ACTIONS },
      connectTimeoutMs: CALL_TIMEOUT_MS,
      onEvent: (event) => {
        if (this.link.isCurrent(gen)) this.onEvent(event);
      },
      onEnd: (error) => this.fail(gen, error ?? new Error(`the ${KIND_NAMES[this.kind]} event stream at ${this.endpoint} ended`)),
    });
    if (!this.link.isCurrent(gen)) {
      stream.close();
      return;
    }
    this.events = stream;
    this.openStreams++;
  }

  private closeEvents(): void {
    if (!this.events) return;
    this.openStreams--;
    this.events.close();
    this.events = null;
  }

  /** What is still attached, so tests can prove reconnects leave nothing dangling. */
  debugCounts(): { openEventStreams: number; retryPending: boolean; listeners: number; refreshPending: boolean; sshChildren: number } {
    return { openEventStreams: this.openStreams, refreshPending: this.changed.busy, sshChildren: this.transport.liveSshChildren(), ...this.link.debugCounts() };
  }

  /** How many container readings came from the kernel and how many from the stats API, so far. */
  statsSources(): { kernel: number; api: number } {
    return { ...this.statsPaths };
  }

  private onEvent(event: DockerEvent): void {
    const id = event.Actor?.ID ?? event.id;
    if (event.Type !== 'container' || typeof id !== 'string' || id === '') return;
    if (event.Action !== undefined && GONE.has(event.Action)) {
      this.changed.drop(id);
      this.forget(id);
      this.link.changed.emit();
      return;
    }
    this.changed.add(id);
  }

  private forget(id: string): void {
    this.containers.delete(id);
    this.readings.delete(id);
    this.initPids.delete(id);
  }

  /** Rebuild the whole picture: after (re)connecting, events may have been missed. */
  private async resync(gen: number): Promise<void> {
    const list = await this.docker.listContainers({ all: true, abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    if (!this.link.isCurrent(gen)) return;
    await this.readPods(gen);
    const fresh = await Promise.all(list.map((summary) => this.inspectOne(gen, summary.Id, summary.Status)));
    if (!this.link.isCurrent(gen)) return;
    // A container removed between the list and its inspect (undefined) or unreadable this time (null) is left out.
    this.containers = new Map(fresh.filter((c): c is Container => c != null).map((c) => [c.id, c]));
  }

  /**
   * Re-read some containers (after events, or ones a list showed changed): inspect only — Docker's own
   * status line arrives with the next sample's list. A container that no longer exists is dropped.
   */
  private async refresh(gen: number, ids: string[], statusLines?: ReadonlyMap<string, string>): Promise<void> {
    if (!this.link.isCurrent(gen)) return;
    // A new container may be in a pod: pod membership is set when a container is created.
    if (ids.some((id) => !this.containers.has(id))) await this.readPods(gen);
    const fresh = await Promise.all(ids.map((id) => this.inspectOne(gen, id, statusLines?.get(id))));
    if (!this.link.isCurrent(gen)) return;
    ids.forEach((id, i) => {
      const c = fresh[i];
      if (c === null) return;
      if (c === undefined) this.forget(id);
      else this.containers.set(c.id, { ...c, stats: this.containers.get(c.id)?.stats ?? null });
    });
    this.link.changed.emit();
  }

  /**
   * One container as the world shows it; undefined when it no longer exists, null when it could not be
   * read this time (it keeps what we knew). `statusLine` from a list, else one made from inspect.
   */
  private inspectOne(gen: number, id: string, statusLine: string | undefined): Promise<Container | null | undefined> {
    return this.inspectLimit(async () => {
      if (!this.link.isCurrent(gen)) return null;
      try {
        const json = (await this.docker.getContainer(id).inspect({ abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) })) as InspectJson;
        const pid = json.State?.Pid;
        if (typeof pid === 'number' && pid > 0) this.initPids.set(json.Id, pid);
        else this.initPids.delete(json.Id);
        const known = this.containers.get(json.Id);
        const line = statusLine ?? (known && known.state === json.State?.Status ? known.status : statusFromInspect(json.State));
        return { ...containerFromInspect(json, line), pod: this.pods.get(json.Id) ?? null };
      } catch (err) {
        if (statusCode(err) === 404) return undefined;
        if (!this.failed(gen, err, 'tenant')) reportError(`inspecting Docker container ${id.slice(0, 12)} at ${this.endpoint}`, err);
        return null;
      }
    });
  }

  /**
   * Podman's pods, one call for all; the answer is kept until the next. An engine without the libpod API
   * is not asked again this connection; any other failure keeps what we knew.
   */
  private async readPods(gen: number): Promise<void> {
    if (this.noLibpod) return;
    try {
      const pods = podsByContainer(await libpodGet(this.docker, '/pods/json', AbortSignal.timeout(CALL_TIMEOUT_MS)));
      if (this.link.isCurrent(gen)) this.pods = pods;
    } catch (err) {
      if (statusCode(err) === 404) this.noLibpod = true;
      else if (!this.failed(gen, err, 'tenant')) reportError(`listing Podman's pods at ${this.endpoint}`, err);
    }
  }

  sample(): Promise<void> {
    this.sampling ??= this.sampleOnce().finally(() => {
      this.sampling = null;
    });
    return this.sampling;
  }

  private async sampleOnce(): Promise<void> {
    if (!this.link.connected || !this.host) return;
    const gen = this.link.now;
    const started = performance.now();
    let list: Docker.ContainerInfo[];
    try {
      // One list per sample keeps status lines fresh, proves the engine alive, and heals any missed event.
      list = await this.docker.listContainers({ all: true, abortSignal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    } catch (err) {
      this.failed(gen, err, 'liveness');
      return;
    }
    if (!this.link.isCurrent(gen)) return;
    await this.reconcile(gen, list);
    const live = [...this.containers.values()].filter((c) => c.state === 'running' || c.state === 'paused');
    // The kernel first, for every container it can answer for at once; the stats API for the rest.
    const fromKernel = await this.readFromKernel(live.map((c) => c.id));
    const answers = await Promise.all(live.map((c, i) => {
      const known = fromKernel[i];
      return known ? Promise.resolve(known) : this.statsLimit(() => this.readFromApi(gen, c.id));
    }));
    this.cgroups?.retain(new Set(live.map((c) => this.initPids.get(c.id) ?? 0)));
    if (!this.link.isCurrent(gen)) return;
    const hostCpus = this.host.cpus;
    const byId = new Map(live.map((c, i) => [c.id, answers[i]]));
    for (const c of this.containers.values()) {
      const reading = byId.get(c.id);
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
  }

  /** Status lines from the list; containers the events did not tell us about are re-read. */
  private async reconcile(gen: number, list: Docker.ContainerInfo[]): Promise<void> {
    const seen = new Map<string, string>();
    const unknown: string[] = [];
    for (const summary of list) {
      seen.set(summary.Id, summary.Status);
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
    if (unknown.length > 0) await this.refresh(gen, unknown, seen);
    else if (removed) this.link.changed.emit();
  }

  /** Counters from the kernel, where the engine is local and the files are readable; null for the rest. */
  private async readFromKernel(ids: readonly string[]): Promise<Array<StatsReading | null>> {
    if (!this.cgroups) return ids.map(() => null);
    const readings = await this.cgroups.readMany(ids.map((id) => this.initPids.get(id) ?? 0), Date.now());
    this.statsPaths.kernel += readings.filter((r) => r !== null).length;
    return readings;
  }

  /** One container's counters from the stats API; undefined when it has none this time (stopped, vanished, stuck, or the engine refused). */
  private async readFromApi(gen: number, id: string): Promise<StatsReading | undefined> {
    if (!this.link.isCurrent(gen)) return undefined;
    this.statsPaths.api++;
    try {
      const container = this.docker.getContainer(id) as unknown as SignalledContainer;
      const json = await container.stats({ stream: false, 'one-shot': true, abortSignal: AbortSignal.timeout(STATS_TIMEOUT_MS) });
      return readStats(json, Date.now());
    } catch (err) {
      // A container that stopped or vanished mid-sample has no figures this time; the engine is fine.
      const status = statusCode(err);
      if (status !== 404 && status !== 409) this.failed(gen, err, 'tenant');
      return undefined;
    }
  }

  act(action: Action): Promise<ActionDone> {
    const name = KIND_NAMES[this.kind];
    if (action.kind !== 'container') return Promise.reject(new ActionError(`A ${name} engine runs containers only.`, 'not-supported'));
    if (!this.link.connected) return Promise.reject(new ActionError(`${name} at ${this.endpoint} is not connected; nothing was changed.`, 'not-connected'));
    const known = this.containers.get(action.containerId);
    if (!known) return Promise.reject(new ActionError('That container is no longer there.', 'not-found'));
    const spec = CONTAINER_OPS[action.op];
    return this.actions.run(known.id, `${spec.doing} ${known.name}`, `container:${action.op}`, async () => {
      // Checked when its turn comes: an action queued behind "stop" sees the stopped container.
      const c = this.containers.get(known.id) ?? known;
      if (action.op === 'remove' && needsForceToRemove(c.state) && action.force !== true) {
        throw new ActionError(`${c.name} is ${c.state}: removing it stops it first. Confirm with force to do that; nothing was changed.`, 'refused');
      }
      const gen = this.link.now;
      const started = performance.now();
      try {
        await spec.call(this.docker.getContainer(c.id), AbortSignal.timeout(spec.deadlineMs), action.force === true);
      } catch (err) {
        if (!this.link.isCurrent(gen) || isConnectionLoss(err, 'tenant')) {
          throw new ActionError(`The connection to ${name} was lost while ${spec.doing.toLowerCase()} ${c.name}; it may or may not have happened. The map shows the container as ${name} reports it once reconnected.`, 'connection-lost');
        }
        // Docker refused (or gave up): the container is as it was.
        throw dockerActionError(err, c.name, action.op);
      }
      return { message: `${c.name} ${spec.done}.`, ms: Math.round(performance.now() - started) };
    });
  }

  async dispose(): Promise<void> {
    this.link.dispose();
    this.changed.stop();
    this.closeEvents();
    this.statsLimit.clearQueue();
    this.inspectLimit.clearQueue();
    this.client = null;
    await this.transport.dispose();
  }
}
