import { describe, expect, it } from 'vitest';
import { parseSnapshotXml } from './snapshot-xml';

const snap = (inner: string) => `<domainsnapshot>${inner}<domain type='qemu'><name>vm</name><description>not mine</description><devices><disk/></devices></domain></domainsnapshot>`;

describe('parseSnapshotXml', () => {
  it.each([
    {
      name: 'live snapshot with memory',
      xml: snap(`<name>before-upgrade</name><description>&lt;i&gt;safe&lt;/i&gt; point</description><state>running</state><parent><name>base</name></parent><creationTime>1764200000</creationTime><memory snapshot='internal'/>`),
      want: { description: '<i>safe</i> point', createdAt: 1764200000, state: 'running', hasMemory: true, external: false },
    },
    {
      name: 'disk-only snapshot of a shut-off VM',
      xml: snap(`<name>cold</name><state>shutoff</state><creationTime>1764200100</creationTime><memory snapshot='no'/>`),
      want: { description: '', createdAt: 1764200100, state: 'shutoff', hasMemory: false, external: false },
    },
    {
      name: 'no <memory> element: live state implies memory',
      xml: snap(`<name>old</name><state>paused</state><creationTime>5</creationTime>`),
      want: { description: '', createdAt: 5, state: 'paused', hasMemory: true, external: false },
    },
    {
      name: 'internal disks listed explicitly',
      xml: snap(`<name>i</name><state>running</state><creationTime>7</creationTime><memory snapshot='internal'/><disks><disk name='vda' snapshot='internal'/><disk name='hdc' snapshot='no'/></disks>`),
      want: { description: '', createdAt: 7, state: 'running', hasMemory: true, external: false },
    },
    {
      name: 'disk-only external snapshot of a running VM',
      xml: snap(`<name>ext</name><state>disk-snapshot</state><creationTime>8</creationTime><memory snapshot='no'/><disks><disk name='vda' snapshot='external' type='file'><driver type='qcow2'/><source file='/var/lib/libvirt/images/a.ext'/></disk></disks>`),
      want: { description: '', createdAt: 8, state: 'disk-snapshot', hasMemory: false, external: true },
    },
    {
      name: 'external memory',
      xml: snap(`<name>m</name><state>running</state><creationTime>9</creationTime><memory snapshot='external' file='/x.mem'/>`),
      want: { description: '', createdAt: 9, state: 'running', hasMemory: true, external: true },
    },
    {
      name: 'a description that pretends to be disks stays text',
      xml: snap(`<name>h</name><description>&lt;/description&gt;&lt;disks&gt;&lt;disk name='vda' snapshot='external'/&gt;&lt;/disks&gt;</description><state>shutoff</state><creationTime>1</creationTime>`),
      want: { description: "</description><disks><disk name='vda' snapshot='external'/></disks>", createdAt: 1, state: 'shutoff', hasMemory: false, external: false },
    },
    { name: 'garbage', xml: '<<<', want: { description: '', createdAt: 0, state: '', hasMemory: false, external: false } },
  ])('$name', ({ xml, want }) => {
    expect(parseSnapshotXml(xml)).toEqual(want);
  });
});
