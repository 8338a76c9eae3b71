/**
 * FOR THE RENDERER BENCHMARK ONLY. `FakeEngineForRendererBenchmark` is not an engine anyone can use: it
 * talks to no daemon and exists so `scripts/bench-renderer` can feed the real core (hub, diff, browser
 * mode's server) with thousands of tenants this machine could never run. Nothing in src-main imports it.
 *
 * The fleet lives like a busy one, on one clock at 1 Hz: most running containers' CPU and memory move a
 * little every second (rounded as the real adapters round them, so a truly idle one stays unchanged), VMs
 * burn CPU and balloon, and now and then (FLEET_CHURN) a container stops or starts, or one is removed and
 * another created. Deterministic for a given seed, so two runs feed the same figures.
 */
import type { Action, ActionDone, Container, ContainerStats, EngineKind, Vm } from '../../src-main/contract';
import { ActionError } from '../../src-main/core/actions/action-error';
import type { EngineAdapter, EngineReport, HostFacts } from '../../src-main/core/engine';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** A small seeded PRNG (mulberry32): the same seed feeds the same fleet. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

/**
 * How often, in the whole fleet, a container stops (and, apart, one starts), and one is removed while
 * another is created: "now and then", a few a minute — not a constant stream.
 */
export const FLEET_CHURN = { stopStartEverySeconds: 10, replaceEverySeconds: 30 };

/** Per container engine and second: the chance of each kind of change. */
interface Churn {
  stopStart: number;
  replace: number;
}
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const logUniform = (random: Random, low: number, high: number): number => Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
/** As the real adapters round (core/rates): a thousandth of a core, a hundredth of a percent, whole bytes. */
const cores = (value: number): number => Math.round(Math.max(0, value) * 1000) / 1000;
const hex = (random: Random, digits: number): string => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
const percent = (value: number): number => Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;

const WORDS = ['api', 'web', 'worker', 'cache', 'db', 'queue', 'auth', 'search', 'billing', 'mail', 'cron', 'proxy', 'metrics', 'logs', 'media'];
const IMAGES = ['nginx:1.27', 'redis:7', 'postgres:16', 'node:22-slim', 'python:3.12-slim', 'busybox:latest', 'grafana/grafana:11', 'rabbitmq:3'];
const LIMITS = [64 * MiB, 128 * MiB, 256 * MiB, 512 * MiB, GiB, 2 * GiB, 4 * GiB];

/** What one container is doing, besides what the contract shows: where its figures wander around. */
interface Habit {
  /** The CPU it tends to, cores. */
  cpu: number;
  /** The memory it tends to, bytes. */
  memory: number;
  /** An idle one's figures do not move from second to second. */
  idle: boolean;
}

export interface FakeFleetOptions {
  containers: number;
  vms: number;
  /** Machines to spread them over; each gets two buildings and one street of houses. */
  hosts?: number;
  seed?: number;
  /** Containers stop, start, go and come now and then (default); false: only figures move. */
  churn?: boolean;
}

export class FakeEngineForRendererBenchmark implements EngineAdapter {
  readonly local = false;
  #containers: Container[] = [];
  #vms: Vm[] = [];
  readonly #habits = new Map<string, Habit>();
  readonly #listeners = new Set<() => void>();
  #created = 0;

  constructor(
    readonly kind: EngineKind,
    readonly endpoint: string,
    private readonly host: HostFacts,
    private readonly random: Random,
    counts: { containers: number; vms: number },
    private readonly churn: Churn | null,
  ) {
    for (let i = 0; i < counts.containers; i += 1) this.#containers.push(this.#newContainer());
    for (let i = 0; i < counts.vms; i += 1) this.#vms.push(this.#newVm(i));
  }

  start(): void {
    // Connected from the start: there is nothing to connect to.
  }

  /** Figures move on the fleet's clock (tick), not on the hub's sampling loop. */
  async sample(): Promise<void> {}

  report(): EngineReport {
    return {
      status: { state: 'connected' },
      version: this.kind === 'libvirt' ? '9.0.0 (fake)' : '26.1.5 (fake)',
      host: this.host,
      containers: this.#containers,
      vms: this.#vms,
      sampleMs: 1,
      hint: null,
    };
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async act(_action: Action): Promise<ActionDone> {
    throw new ActionError('The renderer benchmark’s fake engine does not act.', 'not-supported');
  }

  async dispose(): Promise<void> {
    this.#listeners.clear();
  }

  /** One second of life: new objects for what changed (as the real adapters build them), the rest kept. */
  tick(): void {
    const r = this.random;
    this.#containers = this.#containers.map((c) => (c.state === 'running' && !this.#habits.get(c.id)?.idle ? this.#wander(c) : c));
    this.#vms = this.#vms.map((vm) => (vm.state === 'running' ? this.#wanderVm(vm) : vm));
    const churn = this.churn;
    if (churn === null || this.#containers.length === 0) return this.#notify();
    // Now and then one stops, one starts …
    if (r() < churn.stopStart) this.#flip('running', (c) => ({ ...c, state: 'exited', status: 'Exited (0) 1 second ago', stats: null }));
    if (r() < churn.stopStart) this.#flip('exited', (c) => ({ ...c, state: 'running', status: 'Up 1 second', startedAt: new Date().toISOString(), stats: this.#stats(c) }));
    // … and less often one goes and another comes.
    if (r() < churn.replace) {
      const gone = Math.floor(r() * this.#containers.length);
      this.#habits.delete(this.#containers[gone]!.id);
      this.#containers = [...this.#containers.slice(0, gone), ...this.#containers.slice(gone + 1), this.#newContainer()];
    }
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  #flip(from: Container['state'], change: (c: Container) => Container): void {
    const candidates = this.#containers.flatMap((c, i) => (c.state === from ? [i] : []));
    if (candidates.length === 0) return;
    const i = pick(this.random, candidates);
    this.#containers = this.#containers.map((c, j) => (j === i ? change(c) : c));
  }

  #newContainer(): Container {
    const r = this.random;
    const n = (this.#created += 1);
    const id = `${this.endpoint.replace(/\W/g, '')}${String(n).padStart(6, '0')}`.padEnd(64, '0');
    const name = `${pick(r, WORDS)}-${pick(r, WORDS)}-${n}`;
    const busy = r() < 0.08;
    const roll = r();
    const state: Container['state'] = roll < 0.88 ? 'running' : roll < 0.94 ? 'exited' : roll < 0.97 ? 'paused' : 'created';
    this.#habits.set(id, {
      cpu: busy ? logUniform(r, 0.2, 1.6) : logUniform(r, 0.0005, 0.05),
      memory: logUniform(r, 4 * MiB, 1.5 * GiB),
      // About one in five does nothing at all from one second to the next.
      idle: !busy && r() < 0.2,
    });
    const container: Container = {
      id,
      name,
      image: pick(r, IMAGES),
      command: '/docker-entrypoint.sh',
      state,
      status: state === 'running' ? 'Up 2 hours' : state === 'paused' ? 'Up 2 hours (Paused)' : state === 'created' ? 'Created' : 'Exited (0) 3 hours ago',
      createdAt: '2026-01-01T00:00:00Z',
      startedAt: state === 'created' ? null : '2026-01-01T00:00:01Z',
      labels: { 'com.example.bench': 'renderer' },
      ports: r() < 0.3 ? [{ containerPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 30000 + n }] : [],
      networks: ['bridge'],
      cpuLimitCores: r() < 0.4 ? pick(r, [0.25, 0.5, 1, 2]) : null,
      memoryLimitBytes: r() < 0.55 ? pick(r, LIMITS) : null,
      stats: null,
      activity: null,
      pod: null,
    };
    return state === 'running' || state === 'paused' ? { ...container, stats: this.#stats(container) } : container;
  }

  #stats(c: Container): ContainerStats {
    const habit = this.#habits.get(c.id) ?? { cpu: 0.01, memory: 32 * MiB, idle: false };
    const memory = c.memoryLimitBytes === null ? habit.memory : Math.min(habit.memory, c.memoryLimitBytes * 0.9);
    return {
      cpuCores: cores(habit.cpu),
      cpuPercentOfHost: percent((habit.cpu / this.host.cpus) * 100),
      memoryUsedBytes: Math.round(memory),
      netRxBytesPerSec: Math.round(habit.cpu * 40_000),
      netTxBytesPerSec: Math.round(habit.cpu * 12_000),
      blockReadBytesPerSec: 0,
      blockWriteBytesPerSec: Math.round(habit.cpu * 4_000),
      pids: 3,
    };
  }

  /** A running container's second: CPU within ±30 % of its habit, memory within ±2 %, rates after CPU. */
  #wander(c: Container): Container {
    const r = this.random;
    const habit = this.#habits.get(c.id);
    if (!habit || !c.stats) return c;
    const cpu = habit.cpu * (0.7 + 0.6 * r());
    const limit = c.memoryLimitBytes ?? Infinity;
    const memory = Math.min(limit * 0.95, (c.stats.memoryUsedBytes || habit.memory) * (0.98 + 0.04 * r()) * 0.5 + habit.memory * 0.5);
    return {
      ...c,
      stats: {
        ...c.stats,
        cpuCores: cores(cpu),
        cpuPercentOfHost: percent((cpu / this.host.cpus) * 100),
        memoryUsedBytes: Math.round(memory),
        netRxBytesPerSec: Math.round(cpu * 40_000 * (0.5 + r())),
        netTxBytesPerSec: Math.round(cpu * 12_000 * (0.5 + r())),
        blockWriteBytesPerSec: r() < 0.3 ? Math.round(cpu * 4_000 * r()) : 0,
      },
    };
  }

  #newVm(i: number): Vm {
    const r = this.random;
    const roll = r();
    const state: Vm['state'] = roll < 0.85 ? 'running' : roll < 0.95 ? 'shutoff' : 'paused';
    const memoryBytes = pick(r, [512 * MiB, GiB, 2 * GiB, 4 * GiB, 8 * GiB, 16 * GiB]);
    const vcpus = pick(r, [1, 1, 2, 2, 4, 8]);
    const snapshots = Math.floor(r() * 4);
    return {
      uuid: `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-8${hex(r, 3)}-${hex(r, 12)}`,
      name: `vm-${pick(r, WORDS)}-${i}`,
      description: 'A benchmark house (fake).',
      state,
      vcpus,
      memoryBytes,
      memoryUsedBytes: state === 'shutoff' ? null : Math.round(memoryBytes * (0.3 + 0.5 * r())),
      cpuCores: state === 'running' ? cores(vcpus * r() * 0.5) : null,
      guestOs: pick(r, ['Debian 12', 'Ubuntu 24.04', 'Fedora 41', null]),
      disks: [{ target: 'vda', device: 'disk', path: `/var/lib/libvirt/images/bench-${i}.qcow2`, format: 'qcow2', capacityBytes: 20 * GiB, allocationBytes: 3 * GiB, readBytesPerSec: 0, writeBytesPerSec: 0 }],
      nics: [{ mac: '52:54:00:00:00:01', type: 'network', source: 'default', model: 'virtio', rxBytesPerSec: 0, txBytesPerSec: 0 }],
      snapshots: Array.from({ length: snapshots }, (_, s) => ({
        name: `snap-${s}`,
        description: '',
        createdAt: 1_767_225_600 + s * 3600,
        state: 'running',
        parent: s === 0 ? null : `snap-${s - 1}`,
        current: s === snapshots - 1,
        hasMemory: true,
        external: false,
        revertBlocked: null,
      })),
      snapshotRules: { take: null, memory: null, diskOnly: null },
      persistent: true,
      activity: null,
    };
  }

  #wanderVm(vm: Vm): Vm {
    const r = this.random;
    const cpu = vm.cpuCores ?? 0;
    const used = vm.memoryUsedBytes ?? vm.memoryBytes * 0.5;
    return {
      ...vm,
      cpuCores: cores(Math.min(vm.vcpus, Math.max(0, cpu + (r() - 0.5) * 0.2 * vm.vcpus))),
      memoryUsedBytes: Math.round(Math.min(vm.memoryBytes, Math.max(vm.memoryBytes * 0.1, used * (0.99 + 0.02 * r())))),
    };
  }
}

/**
 * The whole fake fleet: per host two container engines (two buildings) and one libvirt engine (a street of
 * houses), the tenants split evenly, all on one 1 Hz clock so each second is one frame.
 */
export class FakeFleetForRendererBenchmark {
  readonly engines: FakeEngineForRendererBenchmark[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(options: FakeFleetOptions) {
    const hosts = Math.max(1, options.hosts ?? 2);
    const random = seededRandom(options.seed ?? 42);
    // Two container engines per host share the fleet's churn.
    const churn: Churn | null =
      options.churn === false ? null : { stopStart: 1 / (FLEET_CHURN.stopStartEverySeconds * hosts * 2), replace: 1 / (FLEET_CHURN.replaceEverySeconds * hosts * 2) };
    const share = (total: number, parts: number, i: number): number => Math.floor(total / parts) + (i < total % parts ? 1 : 0);
    for (let h = 0; h < hosts; h += 1) {
      const facts: HostFacts = { hostname: `bench-host-${h + 1}`, cpus: 64, memoryBytes: 512 * GiB, kernel: '6.1.0-bench', os: 'Debian GNU/Linux 12 (benchmark fake)', local: false };
      for (const wing of [0, 1]) {
        const containers = share(options.containers, hosts * 2, h * 2 + wing);
        this.engines.push(new FakeEngineForRendererBenchmark('docker', `fake://bench-host-${h + 1}/docker-${wing === 0 ? 'a' : 'b'}`, facts, random, { containers, vms: 0 }, churn));
      }
      const vms = share(options.vms, hosts, h);
      this.engines.push(new FakeEngineForRendererBenchmark('libvirt', `fake+qemu://bench-host-${h + 1}/system`, facts, random, { containers: 0, vms }, null));
    }
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      for (const engine of this.engines) engine.tick();
    }, 1000);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
