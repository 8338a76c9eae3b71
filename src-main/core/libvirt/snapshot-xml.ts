/** Pure reading of a snapshot's XML (virDomainSnapshotGetXMLDesc) into what the map lists. */
import { XMLParser } from 'fast-xml-parser';

export interface SnapshotXmlFacts {
  description: string;
  createdAt: number;
  state: string;
  hasMemory: boolean;
}

// The snapshot embeds the whole domain definition; we read only the top-level fields.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, htmlEntities: false, stopNodes: ['domainsnapshot.domain', 'domainsnapshot.inactiveDomain', 'domainsnapshot.disks'] });

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
  return {
    description: str(root.description),
    createdAt: Number.isFinite(created) ? created : 0,
    state,
    // Older libvirt omits <memory>: an internal snapshot of a live guest always includes its memory.
    hasMemory: memoryMode !== null ? memoryMode !== 'no' : state === 'running' || state === 'paused',
  };
}
