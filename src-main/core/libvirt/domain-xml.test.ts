import { describe, expect, it } from 'vitest';
import { osFromLibosinfoId, parseDomainXml } from './domain-xml';

const DEMO = `<domain type='qemu' id='1'>
  <name>nbh-demo-small</name>
  <uuid>1440c35c-3630-4058-bae8-d0bb5adb3b3f</uuid>
  <description>Lab &lt;b&gt;demo&lt;/b&gt; &amp; friends</description>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit='KiB'>131072</memory>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/nbh-demo-small.qcow2' index='1'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:12:34:56'/>
      <source network='default'/>
      <target dev='vnet3'/>
      <model type='virtio'/>
    </interface>
    <interface type='bridge'>
      <mac address='52:54:00:ab:cd:ef'/>
      <source bridge='br0'/>
      <model type='e1000'/>
    </interface>
  </devices>
</domain>`;

describe('parseDomainXml', () => {
  it('reads description, guest OS, disks and NICs', () => {
    expect(parseDomainXml(DEMO)).toEqual({
      description: 'Lab <b>demo</b> & friends',
      guestOs: 'debian 12',
      firmware: null,
      disks: [
        { target: 'vda', device: 'disk', path: '/var/lib/libvirt/images/nbh-demo-small.qcow2', format: 'qcow2', readonly: false },
        { target: 'hdc', device: 'cdrom', path: null, format: 'raw', readonly: true },
      ],
      nics: [
        { mac: '52:54:00:12:34:56', type: 'network', source: 'default', model: 'virtio', targetDev: 'vnet3' },
        { mac: '52:54:00:ab:cd:ef', type: 'bridge', source: 'br0', model: 'e1000', targetDev: null },
      ],
    });
  });

  it.each([
    { name: 'a bare domain', xml: '<domain type="qemu"><name>x</name></domain>', want: { description: '', guestOs: null, firmware: null, disks: [], nics: [] } },
    {
      name: 'UEFI in pflash',
      xml: `<domain><os><type>hvm</type><loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader><nvram>/var/lib/libvirt/qemu/nvram/x_VARS.fd</nvram></os></domain>`,
      want: { description: '', guestOs: null, firmware: 'pflash', disks: [], nics: [] },
    },
    { name: 'firmware auto-selected EFI', xml: `<domain><os firmware='efi'><type>hvm</type></os></domain>`, want: { description: '', guestOs: null, firmware: 'pflash', disks: [], nics: [] } },
    { name: 'unclosed tags', xml: '<domain><description>x', want: { description: '', guestOs: null, firmware: null, disks: [], nics: [] } },
    {
      name: 'one disk and a user NIC without source',
      xml: `<domain><devices><disk type='block' device='disk'><source dev='/dev/vg/lv'/><target dev='sda'/></disk><interface type='user'><mac address='52:54:00:00:00:01'/></interface></devices></domain>`,
      want: {
        description: '',
        guestOs: null,
        firmware: null,
        disks: [{ target: 'sda', device: 'disk', path: '/dev/vg/lv', format: null, readonly: false }],
        nics: [{ mac: '52:54:00:00:00:01', type: 'user', source: null, model: null, targetDev: null }],
      },
    },
    { name: 'not XML at all', xml: 'nonsense', want: { description: '', guestOs: null, firmware: null, disks: [], nics: [] } },
  ])('$name', ({ xml, want }) => {
    expect(parseDomainXml(xml)).toEqual(want);
  });
});

describe('osFromLibosinfoId', () => {
  it.each([
    ['http://debian.org/debian/12', 'debian 12'],
    ['http://microsoft.com/win/11', 'win 11'],
    ['http://fedoraproject.org/fedora/unknown', 'fedora unknown'],
    ['http://libosinfo.org/linux/2022', 'linux 2022'],
    [null, null],
    ['', null],
  ])('%s → %s', (id, want) => {
    expect(osFromLibosinfoId(id)).toBe(want);
  });
});
