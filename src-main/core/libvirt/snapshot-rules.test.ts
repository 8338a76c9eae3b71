import { describe, expect, it } from 'vitest';
import { revertBlocked, snapshotRules } from './snapshot-rules';

const qcow = { target: 'vda', device: 'disk', path: '/i/a.qcow2', format: 'qcow2', readonly: false };
const raw = { target: 'vdb', device: 'disk', path: '/i/b.img', format: 'raw', readonly: false };
const cdrom = { target: 'hdc', device: 'cdrom', path: '/i/x.iso', format: 'raw', readonly: true };
const internalSnap = { external: false };
const externalSnap = { external: true };

describe('snapshotRules', () => {
  it.each([
    { name: 'running, qcow2 + a raw cdrom', state: 'running', disks: [qcow, cdrom], firmware: null, snaps: [], want: { take: null, memory: null, diskOnly: null } },
    { name: 'paused, qcow2', state: 'paused', disks: [qcow], firmware: null, snaps: [internalSnap], want: { take: null, memory: null, diskOnly: /has internal snapshots/ } },
    { name: 'shut off, qcow2', state: 'shutoff', disks: [qcow], firmware: null, snaps: [], want: { take: null, memory: /shut off: it has no memory/, diskOnly: null } },
    { name: 'shut off with a raw disk: refused naming it', state: 'shutoff', disks: [qcow, raw], firmware: null, snaps: [], want: { take: /Disk vdb is a raw disk.*qcow2.*qemu-img convert/, memory: /no memory/, diskOnly: null } },
    { name: 'running with a raw disk: disk-only still possible', state: 'running', disks: [raw], firmware: null, snaps: [], want: { take: null, memory: /Disk vdb is a raw disk/, diskOnly: null } },
    { name: 'running with a raw disk and internal snapshots: nothing', state: 'running', disks: [raw], firmware: null, snaps: [internalSnap], want: { take: /Disk vdb is a raw disk/, memory: /Disk vdb/, diskOnly: /internal snapshots/ } },
    { name: 'running UEFI (pflash): memory refused, disk-only offered', state: 'running', disks: [qcow], firmware: 'pflash', snaps: [], want: { take: null, memory: /UEFI \(pflash\).*Shut the VM down.*disk-only/, diskOnly: null } },
    { name: 'shut off UEFI: an offline internal snapshot works', state: 'shutoff', disks: [qcow], firmware: 'pflash', snaps: [], want: { take: null, memory: /no memory/, diskOnly: null } },
    { name: 'external snapshots present: no internal one on top', state: 'running', disks: [qcow], firmware: null, snaps: [externalSnap], want: { take: null, memory: /has external snapshots/, diskOnly: null } },
    { name: 'external present, shut off', state: 'shutoff', disks: [qcow], firmware: null, snaps: [externalSnap], want: { take: /has external snapshots/, memory: /no memory/, diskOnly: null } },
    { name: 'a disk of unknown format', state: 'shutoff', disks: [{ ...qcow, format: null }], firmware: null, snaps: [], want: { take: /a disk of unknown format/, memory: /no memory/, diskOnly: null } },
    { name: 'shutting down', state: 'shutdown', disks: [qcow], firmware: null, snaps: [], want: { take: /shutting down/, memory: /shutting down/, diskOnly: /shutting down/ } },
    { name: 'crashed', state: 'crashed', disks: [qcow], firmware: null, snaps: [], want: { take: /crashed/, memory: /crashed/, diskOnly: /crashed/ } },
  ] as const)('$name', ({ state, disks, firmware, snaps, want }) => {
    const rules = snapshotRules({ state: state, facts: { disks: [...disks], firmware }, snapshots: snaps });
    for (const key of ['take', 'memory', 'diskOnly'] as const) {
      const w = want[key];
      if (w === null) expect(rules[key], key).toBeNull();
      else expect(rules[key], key).toMatch(w);
    }
  });
});

describe('revertBlocked', () => {
  it.each([
    { snap: internalSnap, can: false, version: '9.0.0', want: null },
    { snap: externalSnap, can: true, version: '9.9.0', want: null },
    { snap: externalSnap, can: false, version: '9.0.0', want: 'libvirt reverts external snapshots only from version 9.9 on (this host runs 9.0.0).' },
    { snap: externalSnap, can: false, version: null, want: 'libvirt reverts external snapshots only from version 9.9 on.' },
  ])('$snap.external $can $version', ({ snap, can, version, want }) => {
    expect(revertBlocked(snap, can, version)).toBe(want);
  });
});
