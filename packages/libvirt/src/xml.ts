// Building the small XML documents callers hand to libvirt. Names and descriptions come from
// users, so they are always escaped.

/** Escapes text for use in XML character data or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** A <domainsnapshot> document for createSnapshot; omitted fields are left to libvirt (it names a snapshot by time). */
export function snapshotCreateXml(options: { name?: string; description?: string } = {}): string {
  const parts = ['<domainsnapshot>'];
  if (options.name !== undefined) parts.push(`  <name>${escapeXml(options.name)}</name>`);
  if (options.description !== undefined) parts.push(`  <description>${escapeXml(options.description)}</description>`);
  parts.push('</domainsnapshot>');
  return parts.join('\n');
}
