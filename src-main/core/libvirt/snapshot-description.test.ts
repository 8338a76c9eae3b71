import { describe, expect, it } from 'vitest';
import { parseSnapshotXml } from './snapshot-xml';
import { withSnapshotDescription } from './snapshot-description';

const dumped = (description: string | null) => `<domainsnapshot>
  <name>before</name>${description === null ? '' : `\n  <description>${description}</description>`}
  <state>running</state>
  <creationTime>1764200000</creationTime>
  <memory snapshot='internal'/>
  <disks>
    <disk name='vda' snapshot='internal'/>
  </disks>
  <domain type='qemu'>
    <name>vm</name>
    <description>the domain's own</description>
  </domain>
</domainsnapshot>
`;

describe('withSnapshotDescription', () => {
  const hostile = "</description><disks><disk name='vda' snapshot='external'/></disks>";

  it.each([
    { name: 'replaces an existing description', xml: dumped('old &amp; dusty'), text: 'new one', want: 'new one' },
    { name: 'adds one where there was none', xml: dumped(null), text: 'first', want: 'first' },
    { name: 'removes it when emptied', xml: dumped('old'), text: '', want: '' },
    { name: 'keeps markup as text', xml: dumped('old'), text: hostile, want: hostile },
    { name: 'line breaks and quotes survive', xml: dumped(null), text: 'a "b"\n\'c\' & <d>', want: 'a "b"\n\'c\' & <d>' },
  ])('$name', ({ xml, text, want }) => {
    const out = withSnapshotDescription(xml, text)!;
    expect(out).not.toBeNull();
    const facts = parseSnapshotXml(out);
    expect(facts.description).toBe(want);
    // Nothing else changed: the disks stay internal, the domain keeps its own description.
    expect(facts.external).toBe(false);
    expect(out).toContain("<disk name='vda' snapshot='internal'/>");
    expect(out).toContain("<description>the domain's own</description>");
    expect(out.slice(out.indexOf('<state>'))).toBe(xml.slice(xml.indexOf('<state>')));
  });

  it.each([
    { name: 'not a snapshot', xml: '<domain><name>x</name></domain>' },
    { name: 'name not first', xml: '<domainsnapshot><state>x</state><name>x</name></domainsnapshot>' },
    { name: 'empty', xml: '' },
  ])('refuses a document of another shape: $name', ({ xml }) => {
    expect(withSnapshotDescription(xml, 'x')).toBeNull();
  });
});
