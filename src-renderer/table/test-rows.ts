/** Rows for the table's and the search's unit tests only: a complete row with defaults, so each case states what it is about. */
import type { TenantRow } from './rows';

export function makeRow(p: Partial<TenantRow> & { name: string }): TenantRow {
  const id = p.id ?? p.name;
  const engineId = p.engineId ?? 'docker:/var/run/docker.sock';
  const kind = p.kind ?? 'container';
  return {
    key: `${kind}:${engineId}:${id}`,
    historyKey: `${engineId}/${id}`,
    selection: kind === 'container' ? { kind, engineId, id, name: p.name } : { kind, engineId, uuid: id, name: p.name },
    kind,
    id,
    image: 'busybox:latest',
    state: 'running',
    group: 'running',
    hostId: 'host-1',
    host: 'lab',
    engineId,
    engine: 'Docker',
    cpu: 0,
    memory: 0,
    memoryLimit: null,
    net: 0,
    block: 0,
    labels: [],
    ...p,
  };
}
