/**
 * Change-only frames: the hub sends what changed since the last frame, the renderer patches its world
 * with it. Both sides use these two pure functions, so what one diffs the other applies exactly
 * (`applyFrame(a, diffWorld(a, b))` deep-equals `b`). Unchanged hosts, engines and tenants keep their
 * identity across a patch, so the renderer can skip them by reference. No imports but types.
 */
import type { Container, Engine, EnginePatch, Host, HostPatch, TenantPatch, Vm, World, WorldFrame } from '../contract';

const containerKey = (c: Container): string => c.id;
const vmKey = (v: Vm): string => v.uuid;

/** Structural equality of plain JSON values (what frames are made of). */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function withoutChildren<T extends object, K extends keyof T>(o: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

/** The top-level fields of `next` that differ from `prev` (null when none do). */
function changedFields<T extends object>(prev: T, next: T): Partial<T> | null {
  const set: Partial<T> = {};
  let any = false;
  for (const k of Object.keys(next) as Array<keyof T>) {
    if (same(prev[k], next[k])) continue;
    set[k] = next[k];
    any = true;
  }
  return any ? set : null;
}

function diffTenants<T extends object>(prev: readonly T[], next: readonly T[], key: (t: T) => string): TenantPatch<T> | null {
  const before = new Map(prev.map((t) => [key(t), t]));
  const nextIds = new Set<string>();
  const added: T[] = [];
  const updated: TenantPatch<T>['updated'] = [];
  for (const t of next) {
    const id = key(t);
    nextIds.add(id);
    const old = before.get(id);
    if (old === undefined) added.push(t);
    else if (old !== t) {
      const set = changedFields(old, t);
      if (set) updated.push({ id, set });
    }
  }
  const removed = prev.map(key).filter((id) => !nextIds.has(id));
  // The order apply will produce: the old one less the removed, then the new ones.
  const implied = [...prev.map(key).filter((id) => nextIds.has(id)), ...next.map(key).filter((id) => !before.has(id))];
  const order = next.map(key);
  const inOrder = implied.length === order.length && implied.every((id, i) => id === order[i]);
  if (added.length === 0 && updated.length === 0 && removed.length === 0 && inOrder) return null;
  return inOrder ? { added, updated, removed } : { added, updated, removed, order };
}

/** The tenants after a patch, or null when it names a tenant `prev` does not have. */
function applyTenants<T extends object>(prev: readonly T[], patch: TenantPatch<T>, key: (t: T) => string): T[] | null {
  const byId = new Map(prev.map((t) => [key(t), t]));
  for (const id of patch.removed) byId.delete(id);
  for (const { id, set } of patch.updated) {
    const old = byId.get(id);
    if (old === undefined) return null;
    byId.set(id, { ...old, ...set });
  }
  const fresh = new Map(patch.added.map((t) => [key(t), t]));
  const order = patch.order ?? [...prev.map(key).filter((id) => byId.has(id)), ...patch.added.map(key).filter((id) => !byId.has(id))];
  const out: T[] = [];
  for (const id of order) {
    const t = fresh.get(id) ?? byId.get(id);
    if (t !== undefined) out.push(t);
  }
  return out;
}

function diffEngine(prev: Engine | undefined, next: Engine): EnginePatch {
  if (prev === next) return { id: next.id, same: true };
  const fields = withoutChildren(next, 'containers', 'vms');
  const containers = diffTenants(prev?.containers ?? [], next.containers, containerKey);
  const vms = diffTenants(prev?.vms ?? [], next.vms, vmKey);
  if (prev && containers === null && vms === null && same(withoutChildren(prev, 'containers', 'vms'), fields)) return { id: next.id, same: true };
  const none = { added: [], updated: [], removed: [] };
  return { id: next.id, same: false, engine: fields, containers: containers ?? none, vms: vms ?? none };
}

function diffHost(prev: Host | undefined, next: Host): HostPatch {
  if (prev === next) return { id: next.id, same: true };
  const before = new Map((prev?.engines ?? []).map((e) => [e.id, e]));
  const engines = next.engines.map((e) => diffEngine(before.get(e.id), e));
  const fields = withoutChildren(next, 'engines');
  const sameOrder = prev !== undefined && prev.engines.length === next.engines.length && prev.engines.every((e, i) => e.id === next.engines[i]?.id);
  if (prev && sameOrder && engines.every((e) => e.same) && same(withoutChildren(prev, 'engines'), fields)) return { id: next.id, same: true };
  return { id: next.id, same: false, host: fields, engines };
}

/** The frame that takes a client from `prev` to `next`: what changed, or the whole world when there is nothing to patch. */
export function diffWorld(prev: World | null, next: World): WorldFrame {
  if (prev === null) return { kind: 'full', world: next };
  const before = new Map(prev.hosts.map((h) => [h.id, h]));
  return {
    kind: 'delta',
    base: prev.seq,
    seq: next.seq,
    at: next.at,
    sampleIntervalSeconds: next.sampleIntervalSeconds,
    hosts: next.hosts.map((h) => diffHost(before.get(h.id), h)),
  };
}

/**
 * The world after a frame, or null when the frame cannot apply (it patches another world than `prev`,
 * or names what `prev` does not have): the client then asks for the whole world.
 */
export function applyFrame(prev: World | null, frame: WorldFrame): World | null {
  if (frame.kind === 'full') return frame.world;
  if (prev === null || prev.seq !== frame.base) return null;
  const hostsBefore = new Map(prev.hosts.map((h) => [h.id, h]));
  const hosts: Host[] = [];
  for (const patch of frame.hosts) {
    const old = hostsBefore.get(patch.id);
    if (patch.same) {
      if (!old) return null;
      hosts.push(old);
      continue;
    }
    const enginesBefore = new Map((old?.engines ?? []).map((e) => [e.id, e]));
    const engines: Engine[] = [];
    for (const ep of patch.engines) {
      const oldEngine = enginesBefore.get(ep.id);
      if (ep.same) {
        if (!oldEngine) return null;
        engines.push(oldEngine);
        continue;
      }
      const containers = applyTenants(oldEngine?.containers ?? [], ep.containers, containerKey);
      const vms = applyTenants(oldEngine?.vms ?? [], ep.vms, vmKey);
      if (containers === null || vms === null) return null;
      engines.push({ ...ep.engine, containers, vms });
    }
    hosts.push({ ...patch.host, engines });
  }
  return { seq: frame.seq, at: frame.at, sampleIntervalSeconds: frame.sampleIntervalSeconds, hosts };
}

