import { describe, expect, it } from 'vitest';
import { parseSnapshotXml } from './snapshot-xml';

const snap = (inner: string) => `<domainsnapshot>${inner}<domain type='qemu'><name>vm</name><description>not mine</description><devices><disk/></devices></domain></domainsnapshot>`;

describe('parseSnapshotXml', () => {
  it.each([
    {
      name: 'live snapshot with memory',
      xml: snap(`<name>before-upgrade</name><description>&lt;i&gt;safe&lt;/i&gt; point</description><state>running</state><parent><name>base</name></parent><creationTime>1764200000</creationTime><memory snapshot='internal'/>`),
      want: { description: '<i>safe</i> point', createdAt: 1764200000, state: 'running', hasMemory: true },
    },
    {
      name: 'disk-only snapshot of a shut-off VM',
      xml: snap(`<name>cold</name><state>shutoff</state><creationTime>1764200100</creationTime><memory snapshot='no'/>`),
      want: { description: '', createdAt: 1764200100, state: 'shutoff', hasMemory: false },
    },
    {
      name: 'no <memory> element: live state implies memory',
      xml: snap(`<name>old</name><state>paused</state><creationTime>5</creationTime>`),
      want: { description: '', createdAt: 5, state: 'paused', hasMemory: true },
    },
    { name: 'garbage', xml: '<<<', want: { description: '', createdAt: 0, state: '', hasMemory: false } },
  ])('$name', ({ xml, want }) => {
    expect(parseSnapshotXml(xml)).toEqual(want);
  });
});
