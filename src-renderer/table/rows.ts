/**
 * The table's rows: one per tenant on every host, flat, with what the columns show and what search
 * matches on. Rows are rebuilt only for tenants whose object changed (a frame keeps every unchanged
 * tenant as the same object), so a frame costs one walk of the world, not one row object per tenant. Pure
 * (the memo is a WeakMap the caller keeps).
 */
import type { Container, ContainerState, Engine, Host, Vm, VmState, World } from '../../src-main/contract';
import { tenantHistoryKey } from '../../src-main/shared/history-keys';
import { engineName } from '../map/engine-text';
import { tenantKey, type Selection } from '../state/world';

/** The three states the chips filter by. */
export type StateGroup = 'running' | 'paused' | 'stopped';
export type TenantKind = 'container' | 'vm';

export interface TenantRow {
  /** The tenant's key on the page (`tenantKey`: the map's and the table's data-tenant-key); what the map's highlight is asked about. */
  key: string;
  /** `${engineId}/${tenantId}`: the key of its history (the sparkline). */
  historyKey: string;
  selection: Selection;
  kind: TenantKind;
  /** The container id or the VM uuid. */
  id: string;
  name: string;
  /** A container's image; '' for a VM. */
  image: string;
  /** The engine's own word (running, exited, shutoff…). */
  state: string;
  group: StateGroup;
  hostId: string;
  host: string;
  engineId: string;
  /** The engine's name as the user knows it ("Docker", "lab box"). */
  engine: string;
  /** CPU cores in use; null without figures. */
  cpu: number | null;
  /** Memory in use, bytes; null without figures. */
  memory: number | null;
  /** A container's memory limit or a VM's allocation, bytes; null when unlimited. */
  memoryLimit: number | null;
  /** Network and block I/O, both directions summed, bytes per second; null without figures. */
  net: number | null;
  block: number | null;
  /** Labels sorted by key (containers; none for VMs). */
  labels: readonly (readonly [string, string])[];
}

const CONTAINER_GROUP: Record<ContainerState, StateGroup> = {
  running: 'running',
  restarting: 'running',
  paused: 'paused',
  created: 'stopped',
  removing: 'stopped',
  exited: 'stopped',
  dead: 'stopped',
};

const VM_GROUP: Record<VmState, StateGroup> = {
  running: 'running',
  blocked: 'running',
  paused: 'paused',
  pmsuspended: 'paused',
  shutoff: 'stopped',
  shutdown: 'stopped',
  crashed: 'stopped',
  nostate: 'stopped',
};

/**
 * Labels sorted by key, once per labels object: a frame keeps a tenant's labels object while they are
 * unchanged, so a row rebuilt for new figures shares its labels (and what search made of them).
 */
const labelMemo = new WeakMap<Record<string, string>, readonly (readonly [string, string])[]>();

function sortedLabels(labels: Record<string, string>): readonly (readonly [string, string])[] {
  let sorted = labelMemo.get(labels);
  if (sorted === undefined) {
    sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    labelMemo.set(labels, sorted);
  }
  return sorted;
}

export function containerRow(container: Container, engine: Engine, host: Host): TenantRow {
  const s = container.stats;
  const selection: Selection = { kind: 'container', engineId: engine.id, id: container.id, name: container.name };
  return {
    key: tenantKey(selection),
    historyKey: tenantHistoryKey(engine.id, container.id),
    selection,
    kind: 'container',
    id: container.id,
    name: container.name,
    image: container.image,
    state: container.state,
    group: CONTAINER_GROUP[container.state] ?? 'stopped',
    hostId: host.id,
    host: host.name,
    engineId: engine.id,
    engine: engine.name || engineName(engine.kind),
    cpu: s?.cpuCores ?? null,
    memory: s?.memoryUsedBytes ?? null,
    memoryLimit: container.memoryLimitBytes,
    net: s ? s.netRxBytesPerSec + s.netTxBytesPerSec : null,
    block: s ? s.blockReadBytesPerSec + s.blockWriteBytesPerSec : null,
    labels: sortedLabels(container.labels),
  };
}

export function vmRow(vm: Vm, engine: Engine, host: Host): TenantRow {
  const sum = <T>(items: T[], pick: (item: T) => number | null): number | null =>
    items.some((i) => pick(i) !== null) ? items.reduce((n, i) => n + (pick(i) ?? 0), 0) : null;
  const measured = vm.cpuCores !== null || vm.memoryUsedBytes !== null;
  const selection: Selection = { kind: 'vm', engineId: engine.id, uuid: vm.uuid, name: vm.name };
  return {
    key: tenantKey(selection),
    historyKey: tenantHistoryKey(engine.id, vm.uuid),
    selection,
    kind: 'vm',
    id: vm.uuid,
    name: vm.name,
    image: '',
    state: vm.state,
    group: VM_GROUP[vm.state] ?? 'stopped',
    hostId: host.id,
    host: host.name,
    engineId: engine.id,
    engine: engine.name || engineName(engine.kind),
    cpu: vm.cpuCores,
    memory: vm.memoryUsedBytes,
    memoryLimit: vm.memoryBytes,
    net: measured ? sum(vm.nics, (n) => (n.rxBytesPerSec === null && n.txBytesPerSec === null ? null : (n.rxBytesPerSec ?? 0) + (n.txBytesPerSec ?? 0))) : null,
    block: measured ? sum(vm.disks, (d) => (d.readBytesPerSec === null && d.writeBytesPerSec === null ? null : (d.readBytesPerSec ?? 0) + (d.writeBytesPerSec ?? 0))) : null,
    labels: [],
  };
}

/** What a row was built from: it is rebuilt when any of these is another object or name. */
interface Memo {
  row: TenantRow;
  host: string;
  engine: string;
}

export type RowMemo = WeakMap<Container | Vm, Memo>;

export const newRowMemo = (): RowMemo => new WeakMap();

/** Every tenant of the world, in the world's order (host, engine, containers then VMs). */
export function buildRows(world: World, memo: RowMemo): TenantRow[] {
  const rows: TenantRow[] = [];
  for (const host of world.hosts) {
    for (const engine of host.engines) {
      for (const c of engine.containers) rows.push(remembered(memo, c, engine, host, containerRow));
      for (const v of engine.vms) rows.push(remembered(memo, v, engine, host, vmRow));
    }
  }
  return rows;
}

function remembered<T extends Container | Vm>(memo: RowMemo, tenant: T, engine: Engine, host: Host, build: (t: T, e: Engine, h: Host) => TenantRow): TenantRow {
  const held = memo.get(tenant);
  if (held && held.host === host.name && held.engine === engine.name && held.row.engineId === engine.id && held.row.hostId === host.id) return held.row;
  const row = build(tenant, engine, host);
  memo.set(tenant, { row, host: host.name, engine: engine.name });
  return row;
}
