/**
 * The pure half of the renderer's state: what a selection points at in the world held now (which
 * world that is: frames.ts). The runes half (app-state.svelte.ts) only calls these.
 */
import type { Container, Engine, Host, Vm, World } from '../../src-main/contract';

/** Which tenant's panel is open. The name is kept so a vanished tenant can still be named. */
export type Selection =
  | { kind: 'container'; engineId: string; id: string; name: string }
  | { kind: 'vm'; engineId: string; uuid: string; name: string };

export type Resolved =
  | { kind: 'container'; host: Host; engine: Engine; container: Container }
  | { kind: 'vm'; host: Host; engine: Engine; vm: Vm }
  | { kind: 'gone' };

/** Looks the selection up again in `world`, so an open panel follows the live figures. */
export function resolveSelection(world: World | null, selection: Selection): Resolved {
  if (world === null) return { kind: 'gone' };
  for (const host of world.hosts) {
    for (const engine of host.engines) {
      if (engine.id !== selection.engineId) continue;
      if (selection.kind === 'container') {
        const container = engine.containers.find((c) => c.id === selection.id);
        if (container) return { kind: 'container', host, engine, container };
      } else {
        const vm = engine.vms.find((v) => v.uuid === selection.uuid);
        if (vm) return { kind: 'vm', host, engine, vm };
      }
    }
  }
  return { kind: 'gone' };
}

/** One string per tenant, used for DOM look-ups (returning focus) and as a map key. */
export function tenantKey(selection: Pick<Selection, 'kind' | 'engineId'> & { id?: string; uuid?: string }): string {
  return `${selection.kind}:${selection.engineId}:${selection.kind === 'container' ? selection.id : selection.uuid}`;
}

/** "Container web" / "VM small": the accessible name every tenant and its panel start with. */
export function tenantLabel(selection: Selection): string {
  return `${selection.kind === 'container' ? 'Container' : 'VM'} ${selection.name}`;
}

/**
 * No engine has ever answered: nothing to draw a street for, so the whole window explains what is
 * missing instead. An engine that answered once keeps its version, so "never connected" is: not
 * connected, no version, no tenants. (Also true when there are no hosts at all.)
 */
export function nothingConnected(world: World): boolean {
  return world.hosts.every((host) =>
    host.engines.every(
      (e) => e.status.state !== 'connected' && e.version === null && e.containers.length === 0 && e.vms.length === 0,
    ),
  );
}
