/**
 * The world model: one published picture of every host, engine and tenant, as every frame carries it.
 * Plain JSON; counters already turned into rates. Types only — no runtime imports.
 */

/** One published picture of everything the hub knows. Plain JSON; counters already turned into rates. */
export interface World {
  /** Increases with every frame, so a late frame never overwrites a newer one. */
  seq: number;
  /** Epoch milliseconds when the frame was built. */
  at: number;
  /** Seconds between samples (the current setting). */
  sampleIntervalSeconds: number;
  hosts: Host[];
}

export interface Host {
  /** Stable key for the machine: engines that see the same machine share it (see core/host-identity). */
  id: string;
  name: string;
  /** Logical CPUs. */
  cpus: number;
  memoryBytes: number;
  /** Host kernel release, shared by every container on this host. */
  kernel: string;
  /** Host operating system as the engine describes it. */
  os: string;
  /** What the host itself is using, where known (null when no engine can tell). */
  usage: HostUsage | null;
  engines: Engine[];
  accounting: Accounting;
}

export interface HostUsage {
  /** CPU cores in use by everything on the host. */
  cpuCores: number;
  /** Memory in use by everything on the host (total − available). */
  memoryUsedBytes: number;
}

export type EngineKind = 'docker' | 'podman' | 'libvirt';

export type EngineStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  /** The engine did not answer; retried on its own. */
  | { state: 'unreachable'; reason: string; since: number; nextRetryAt: number | null }
  /** The engine cannot be used on this machine at all (e.g. libvirt not installed); not retried. */
  | { state: 'unavailable'; reason: string };

export interface Engine {
  /** Unique per engine connection, stable across reconnects: `${kind}:${endpoint}`. */
  id: string;
  kind: EngineKind;
  /** How the map draws its tenants: detached houses (VMs) or apartments in one building (containers). */
  draws: 'houses' | 'apartments';
  /** The name the user gave it (or the one it was found under), e.g. "Docker", "Podman (rootless)", "lab box". */
  name: string;
  /** Podman: whether it runs rootless; null where it does not apply or is not known. */
  rootless: boolean | null;
  /** Where it is reached: a socket path, a URL, a libvirt URI. */
  endpoint: string;
  status: EngineStatus;
  version: string | null;
  /** Time the last sample took, in ms (null before the first). */
  sampleMs: number | null;
  containers: Container[];
  vms: Vm[];
  /** What a user should do when the engine is not connected (e.g. "Start Docker: sudo systemctl start docker"). */
  hint: string | null;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortBinding {
  containerPort: number;
  protocol: string;
  hostIp: string | null;
  hostPort: number | null;
}

export interface Container {
  id: string;
  name: string;
  image: string;
  command: string;
  state: ContainerState;
  /** Docker's human status line, e.g. "Up 3 minutes". */
  status: string;
  createdAt: string;
  startedAt: string | null;
  labels: Record<string, string>;
  ports: PortBinding[];
  networks: string[];
  /** CPU limit in cores (NanoCpus or quota/period); null = unlimited. */
  cpuLimitCores: number | null;
  /** Memory limit in bytes; null = unlimited. */
  memoryLimitBytes: number | null;
  /** Live figures; null until the second sample (rates need two) or when not running. */
  stats: ContainerStats | null;
  /** An action of ours running on it now (from any window), or null. */
  activity: TenantActivity | null;
  /** Podman: the pod it belongs to (its rooms share the pod's network namespace, one door); null otherwise. */
  pod: { id: string; name: string } | null;
}

/** An action running on a tenant: the map marks it, the panel counts its time. */
export interface TenantActivity {
  /** What is happening, in words, e.g. "Taking snapshot “before-upgrade”". */
  label: string;
  /** Which action: the Action's kind, and op where it has one (e.g. "snapshot-create", "vm:shutdown"). */
  action: string;
  /** Epoch ms when it started. */
  since: number;
  /** How many more actions on this tenant wait behind it. */
  queued: number;
}

export interface ContainerStats {
  /** CPU cores in use (1.0 = one full core). */
  cpuCores: number;
  /** CPU use as a share of the host's logical CPUs, 0–100. */
  cpuPercentOfHost: number;
  /** Memory in use, cache excluded (as `docker stats` reports it). */
  memoryUsedBytes: number;
  netRxBytesPerSec: number;
  netTxBytesPerSec: number;
  blockReadBytesPerSec: number;
  blockWriteBytesPerSec: number;
  pids: number;
}

export type VmState = 'running' | 'paused' | 'shutoff' | 'shutdown' | 'crashed' | 'pmsuspended' | 'blocked' | 'nostate';

export interface VmDisk {
  target: string;
  device: string;
  path: string | null;
  format: string | null;
  capacityBytes: number | null;
  allocationBytes: number | null;
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
}

export interface VmNic {
  mac: string | null;
  type: string;
  /** The libvirt network or host bridge it is plugged into. */
  source: string | null;
  model: string | null;
  rxBytesPerSec: number | null;
  txBytesPerSec: number | null;
}

export interface Snapshot {
  name: string;
  description: string;
  /** Epoch seconds. */
  createdAt: number;
  /** Domain state when taken (running, shutoff, …). */
  state: string;
  parent: string | null;
  current: boolean;
  /** Whether the guest's memory was saved with the disks. */
  hasMemory: boolean;
  /** External (overlay files) rather than internal (inside the qcow2 images). */
  external: boolean;
  /** Why reverting to it is not offered here (e.g. external snapshots before libvirt 9.9), or null. */
  revertBlocked: string | null;
}

/**
 * What a snapshot of the VM can be, checked before libvirt is asked, each with the reason (and the fix)
 * where the answer is no. The same rules refuse an action that ignores them.
 */
export interface SnapshotRules {
  /** Why no snapshot can be taken in the VM's current state; null when one can. */
  take: string | null;
  /** Why the guest's memory cannot be included (asked only while it runs or is paused); null when it can. */
  memory: string | null;
  /** Why a disk-only snapshot of the running guest cannot be taken; null when it can. */
  diskOnly: string | null;
}

export interface Vm {
  uuid: string;
  name: string;
  description: string;
  state: VmState;
  vcpus: number;
  /** Memory allocated to the guest (current allocation). */
  memoryBytes: number;
  /** Memory the guest uses: balloon-reported, else the QEMU process RSS; null when unknown. */
  memoryUsedBytes: number | null;
  /** CPU use in cores (1.0 = one host core busy); null until two samples. */
  cpuCores: number | null;
  /** Guest OS where libvirt knows it (libosinfo metadata); null otherwise. */
  guestOs: string | null;
  disks: VmDisk[];
  nics: VmNic[];
  snapshots: Snapshot[];
  snapshotRules: SnapshotRules;
  persistent: boolean;
  /** An action of ours running on it now (from any window), or null. */
  activity: TenantActivity | null;
}

/** How a host's CPU or memory splits; every figure in cores (cpu) or bytes (memory). */
export interface ResourceSplit {
  capacity: number;
  /** Allocated to active VMs (houses). May exceed capacity: that is overcommit. */
  dedicated: number;
  /** Used by containers (the building). */
  shared: number;
  /** Used by the host itself and everything that is neither a VM nor a container. */
  host: number;
  /** capacity − dedicated − shared − host, never below 0; 0 when the host's own use is unknown. */
  free: number;
  /**
   * What no engine can tell: capacity − dedicated − shared on a host whose own use is unknown (a remote
   * Docker-only host); 0 where the host's use is known. Drawn as unknown, never as free.
   */
  unknown: number;
  /** dedicated / capacity (0 when nothing is allocated). */
  overcommit: number;
}

export interface Accounting {
  cpu: ResourceSplit;
  memory: ResourceSplit;
}

// ───────────────────────────── frames ─────────────────────────────

/**
 * What a `world:frame` event carries: the whole world, or only what changed since the frame `base`
 * (unchanged hosts and engines are named by id only; unchanged tenants are not sent at all). A client
 * whose world is not `base` asks for the whole world again (`world:get`).
 */
export type WorldFrame = { kind: 'full'; world: World } | WorldDelta;

export interface WorldDelta {
  kind: 'delta';
  /** The seq of the world this frame patches. */
  base: number;
  seq: number;
  at: number;
  sampleIntervalSeconds: number;
  /** Every host, in order. */
  hosts: HostPatch[];
}

export type HostPatch = { id: string; same: true } | { id: string; same: false; host: Omit<Host, 'engines'>; engines: EnginePatch[] };

export type EnginePatch =
  | { id: string; same: true }
  | { id: string; same: false; engine: Omit<Engine, 'containers' | 'vms'>; containers: TenantPatch<Container>; vms: TenantPatch<Vm> };

/**
 * One engine's tenants: the new ones whole, the changed ones as only their top-level fields that changed
 * (a tenant's `stats` travels whole when any figure in it moved), the ids of those gone. The order is the
 * old one less the removed, then the new ones in their order — unless `order` (every id) says otherwise.
 */
export interface TenantPatch<T> {
  added: T[];
  updated: Array<{ id: string; set: Partial<T> }>;
  removed: string[];
  order?: string[];
}
