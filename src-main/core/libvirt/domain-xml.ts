/**
 * Pure reading of libvirt's domain XML: what a house is built from (description, disks, NICs, guest
 * OS). The XML comes from the engine and may carry any text; we only read values out of it.
 */
import { XMLParser } from 'fast-xml-parser';

export interface DomainXmlFacts {
  description: string;
  guestOs: string | null;
  /** UEFI firmware in pflash (libvirt cannot take internal snapshots of it running); null for BIOS. */
  firmware: 'pflash' | null;
  disks: Array<{ target: string; device: string; path: string | null; format: string | null; readonly: boolean }>;
  nics: Array<{ mac: string | null; type: string; source: string | null; model: string | null; targetDev: string | null }>;
}

const ALWAYS_LISTS = new Set(['disk', 'interface']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities from the engine stay text; never expand anything beyond XML's own five.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ALWAYS_LISTS.has(name),
});

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' ? (v as Node) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v && '#text' in v ? String((v as Node)['#text']) : '');
const attr = (v: unknown, name: string): string | null => {
  const a = obj(v)[`@${name}`];
  return typeof a === 'string' && a !== '' ? a : null;
};

/**
 * libosinfo's id is a URL such as http://debian.org/debian/12 or http://microsoft.com/win/11;
 * its last two parts read as a name ("debian 12").
 */
export function osFromLibosinfoId(id: string | null): string | null {
  if (!id) return null;
  const parts = id.replace(/^[a-z]+:\/\/[^/]+\//i, '').split('/').filter(Boolean);
  return parts.length ? parts.slice(-2).join(' ') : null;
}

function diskSource(disk: Node): string | null {
  const source = disk.source;
  return attr(source, 'file') ?? attr(source, 'dev') ?? attr(source, 'volume') ?? attr(source, 'name');
}

function nicSource(nic: Node): string | null {
  const source = nic.source;
  return attr(source, 'network') ?? attr(source, 'bridge') ?? attr(source, 'dev');
}

const EMPTY: DomainXmlFacts = { description: '', guestOs: null, firmware: null, disks: [], nics: [] };

export function parseDomainXml(xml: string): DomainXmlFacts {
  let root: unknown;
  try {
    root = parser.parse(xml);
  } catch {
    // A definition we cannot read still stands as a house, with what we don't know left empty.
    return { ...EMPTY, disks: [], nics: [] };
  }
  const domain = obj(obj(root).domain);
  const os = obj(domain.os);
  const devices = obj(domain.devices);
  const metadata = obj(domain.metadata);
  const osinfo = obj(obj(metadata.libosinfo).os);
  return {
    description: text(domain.description),
    guestOs: osFromLibosinfoId(attr(osinfo, 'id')),
    firmware: attr(os.loader, 'type') === 'pflash' || attr(os, 'firmware') === 'efi' ? 'pflash' : null,
    disks: ((devices.disk as unknown[]) ?? []).map((d) => {
      const disk = obj(d);
      return {
        target: attr(disk.target, 'dev') ?? '',
        device: attr(disk, 'device') ?? 'disk',
        path: diskSource(disk),
        format: attr(disk.driver, 'type'),
        readonly: 'readonly' in disk,
      };
    }),
    nics: ((devices.interface as unknown[]) ?? []).map((n) => {
      const nic = obj(n);
      return {
        mac: attr(nic.mac, 'address'),
        type: attr(nic, 'type') ?? 'unknown',
        source: nicSource(nic),
        model: attr(nic.model, 'type'),
        targetDev: attr(nic.target, 'dev'),
      };
    }),
  };
}
