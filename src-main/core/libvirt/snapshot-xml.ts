/** Pure reading of a snapshot's XML (virDomainSnapshotGetXMLDesc) into what the map lists. */
import { XMLParser } from 'fast-xml-parser';

export interface SnapshotXmlFacts {
  description: string;
  createdAt: number;
  state: string;
  hasMemory: boolean;
  /** Memory or any disk saved to an external file (an overlay), not inside the qcow2 image. */
  external: boolean;
}

// The snapshot embeds the whole domain definition; we read only the top-level fields.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  htmlEntities: false,
  isArray: (name, path) => path === 'domainsnapshot.disks.disk',
  stopNodes: ['domainsnapshot.domain', 'domainsnapshot.inactiveDomain', 'domainsnapshot.disks.disk.source'],
});

export function parseSnapshotXml(xml: string): SnapshotXmlFacts {
  let root: Record<string, unknown> = {};
  try {
    const parsed = parser.parse(xml) as { domainsnapshot?: Record<string, unknown> };
    root = parsed.domainsnapshot ?? {};
  } catch {
    // An unreadable snapshot still lists, with what we don't know left empty.
  }
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const state = str(root.state);
  const memory = root.memory as Record<string, unknown> | undefined;
  const memoryMode = typeof memory?.['@snapshot'] === 'string' ? memory['@snapshot'] : null;
  const created = Number(str(root.creationTime));
  const disks = (root.disks as Record<string, unknown> | undefined)?.disk;
  const diskModes = Array.isArray(disks) ? disks.map((d) => (d as Record<string, unknown>)['@snapshot']) : [];
  return {
    description: str(root.description),
    createdAt: Number.isFinite(created) ? created : 0,
    state,
    // Older libvirt omits <memory>: an internal snapshot of a live guest always includes its memory.
    hasMemory: memoryMode !== null ? memoryMode !== 'no' : state === 'running' || state === 'paused',
    external: memoryMode === 'external' || diskModes.includes('external'),
  };
}
