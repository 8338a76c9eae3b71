/**
 * Builders for unit tests only: a complete contract object with sensible defaults, so each table row
 * states just the fields it is about. Not used by the app.
 */
import type { Container, Engine, Host, ResourceSplit, Snapshot, SnapshotRules, TenantActivity, Vm, World } from '../../src-main/contract';

export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;

export function makeContainer(p: Partial<Container> = {}): Container {
  return {
    id: 'c1',
    name: 'web',
    image: 'busybox:latest',
    command: 'httpd -f',
    state: 'running',
    status: 'Up 3 minutes',
    createdAt: '2025-01-01T00:00:00Z',
    startedAt: '2025-01-01T00:00:01Z',
    labels: {},
    ports: [],
    networks: ['bridge'],
    cpuLimitCores: null,
    memoryLimitBytes: null,
    stats: null,
    activity: null,
    pod: null,
    ...p,
  };
}

export function makeStats(p: Partial<NonNullable<Container['stats']>> = {}): NonNullable<Container['stats']> {
  return {
    cpuCores: 0,
    cpuPercentOfHost: 0,
    memoryUsedBytes: 0,
    netRxBytesPerSec: 0,
    netTxBytesPerSec: 0,
    blockReadBytesPerSec: 0,
    blockWriteBytesPerSec: 0,
    pids: 1,
    ...p,
  };
}

export function makeVm(p: Partial<Vm> = {}): Vm {
  return {
    uuid: 'u1',
    name: 'small',
    description: '',
    state: 'running',
    vcpus: 1,
    memoryBytes: 256 * MiB,
    memoryUsedBytes: null,
    cpuCores: null,
    guestOs: null,
    disks: [],
    nics: [],
    snapshots: [],
    snapshotRules: makeRules(),
    persistent: true,
    activity: null,
    ...p,
  };
}

export function makeSnapshot(p: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 's1',
    description: '',
    createdAt: 0,
    state: 'running',
    parent: null,
    current: false,
    hasMemory: true,
    external: false,
    revertBlocked: null,
    ...p,
  };
}

/** Everything allowed unless a row says otherwise. */
export function makeRules(p: Partial<SnapshotRules> = {}): SnapshotRules {
  return { take: null, memory: null, diskOnly: null, ...p };
}

export function makeActivity(p: Partial<TenantActivity> = {}): TenantActivity {
  return { label: 'Taking snapshot “s1”', action: 'snapshot-create', since: 0, queued: 0, ...p };
}

export function makeEngine(p: Partial<Engine> = {}): Engine {
  return {
    id: 'docker:/var/run/docker.sock',
    kind: 'docker',
    // As the core says it: libvirt draws houses, the rest apartments (a row may say otherwise).
    draws: p.kind === 'libvirt' ? 'houses' : 'apartments',
    name: p.kind === 'libvirt' ? 'libvirt' : p.kind === 'podman' ? 'Podman' : 'Docker',
    rootless: null,
    endpoint: '/var/run/docker.sock',
    status: { state: 'connected' },
    version: '26.1.5',
    sampleMs: 10,
    containers: [],
    vms: [],
    hint: null,
    ...p,
  };
}

const split = (capacity: number): ResourceSplit => ({ capacity, dedicated: 0, shared: 0, host: 0, free: capacity, unknown: 0, overcommit: 0 });

export function makeHost(p: Partial<Host> = {}): Host {
  return {
    id: 'host-1',
    name: 'lab',
    cpus: 2,
    memoryBytes: 4 * GiB,
    kernel: '6.1.0-28-amd64',
    os: 'Debian GNU/Linux 12',
    usage: null,
    engines: [],
    accounting: { cpu: split(2), memory: split(4 * GiB) },
    ...p,
  };
}

export function makeWorld(p: Partial<World> = {}): World {
  return { seq: 1, at: 0, sampleIntervalSeconds: 2, hosts: [], ...p };
}
