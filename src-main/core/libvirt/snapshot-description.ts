/**
 * Editing a snapshot's description means redefining the snapshot from its own XML with only the
 * description changed (what `virsh snapshot-edit` does). libvirt writes that document itself, always
 * in the same shape: `<domainsnapshot>`, `<name>`, then `<description>` when there is one. Only that
 * top-level description is replaced (the embedded domain has a <description> of its own, which stays);
 * the new text is escaped, so whatever it says stays text. A document of any other shape is refused
 * rather than guessed at.
 */
import { escapeXml } from '@neighborhood/libvirt';

const HEAD = /^(\s*<domainsnapshot>\s*<name>[^<]*<\/name>)(\s*<description>[^<]*<\/description>)?/;

/** The snapshot XML with its description replaced (or removed when `description` is ''); null when the XML is not as libvirt writes it. */
export function withSnapshotDescription(xml: string, description: string): string | null {
  const m = HEAD.exec(xml);
  if (!m) return null;
  const element = description === '' ? '' : `\n  <description>${escapeXml(description)}</description>`;
  return `${m[1]}${element}${xml.slice(m[0].length)}`;
}
