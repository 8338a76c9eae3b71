/**
 * What the Engines dialog says about each watched engine: the list main keeps (name, kind, address,
 * found here or added) joined by id with the live world (connected, connecting, unreachable and why).
 * Everything here is text the page renders as text; nothing is markup.
 */
import type { Engine, EngineConfig, EngineEntry, World } from '../../src-main/contract';
import { KIND_LABELS } from './engine-form';

export type RowState = 'connected' | 'connecting' | 'unreachable' | 'unavailable' | 'absent';

export interface EngineRow {
  id: string;
  name: string;
  kind: string;
  /** The url or uri as configured. */
  where: string;
  origin: 'found here' | 'added';
  state: RowState;
  /** "connected", "unreachable: connect ENOENT …"; "not on the map yet" before a frame carries it. */
  status: string;
  /** What the engine's tenants are, for the removal question: "3 containers", "1 VM", "no tenants"; null when not known. */
  tenants: string | null;
}

export const whereOf = (config: EngineConfig): string => (config.kind === 'libvirt' ? config.uri : config.url);

/** The world's engines by id (an engine appears once, on the host it was placed on). */
export function enginesById(world: World | null): Map<string, Engine> {
  const byId = new Map<string, Engine>();
  for (const host of world?.hosts ?? []) for (const engine of host.engines) byId.set(engine.id, engine);
  return byId;
}

function statusOf(engine: Engine | undefined): { state: RowState; status: string } {
  if (!engine) return { state: 'absent', status: 'not on the map yet' };
  const s = engine.status;
  switch (s.state) {
    case 'connected':
      return { state: 'connected', status: engine.version ? `connected (${KIND_LABELS[engine.kind]} ${engine.version})` : 'connected' };
    case 'connecting':
      return { state: 'connecting', status: 'connecting…' };
    case 'unreachable':
    case 'unavailable':
      return { state: s.state, status: `${s.state}: ${s.reason}` };
  }
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function tenantsOf(engine: Engine | undefined): string | null {
  if (!engine) return null;
  const parts = [];
  if (engine.containers.length > 0) parts.push(count(engine.containers.length, 'container', 'containers'));
  if (engine.vms.length > 0) parts.push(count(engine.vms.length, 'VM', 'VMs'));
  return parts.length > 0 ? parts.join(' and ') : 'no tenants';
}

export function engineRows(entries: readonly EngineEntry[], world: World | null): EngineRow[] {
  const live = enginesById(world);
  return entries.map((entry) => {
    const engine = live.get(entry.id);
    return {
      id: entry.id,
      name: entry.config.name,
      kind: KIND_LABELS[entry.config.kind],
      where: whereOf(entry.config),
      origin: entry.discovered ? 'found here' : 'added',
      ...statusOf(engine),
      tenants: tenantsOf(engine),
    };
  });
}

/** The removal question's explanation: what leaves the map, and that the engine itself is untouched. */
export function removalText(row: Pick<EngineRow, 'tenants' | 'kind'>): string {
  const what = row.tenants === null ? 'Its tenants leave the map' : row.tenants === 'no tenants' ? 'It has no tenants on the map now' : `Its tenants (${row.tenants}) leave the map`;
  return `${what}. Nothing on the engine changes: no container or VM is stopped or deleted, and ${row.kind} keeps running. You can add it again later.`;
}
