import { describe, expect, it } from 'vitest';
import { isLocalUri, libvirtHint, resolveLibvirtUri } from './libvirt-endpoint';

describe('resolveLibvirtUri', () => {
  it.each([
    [undefined, 'qemu:///system'],
    ['', 'qemu:///system'],
    ['  ', 'qemu:///system'],
    ['qemu:///session', 'qemu:///session'],
    ['qemu+ssh://root@far/system', 'qemu+ssh://root@far/system'],
  ])('%s → %s', (env, want) => {
    expect(resolveLibvirtUri(env)).toBe(want);
  });
});

describe('isLocalUri', () => {
  it.each([
    ['qemu:///system', true],
    ['test:///default', true],
    ['test+unix:///default', true],
    ['qemu://localhost/system', true],
    ['qemu+ssh://root@far/system', false],
    ['qemu+tcp://10.0.0.2:16509/system', false],
  ])('%s → %s', (uri, want) => {
    expect(isLocalUri(uri)).toBe(want);
  });
});

describe('libvirtHint', () => {
  it.each([
    { reason: 'libvirt-dev is not installed', available: false, want: /Install libvirt/ },
    { reason: "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused", available: true, want: /Start libvirt/ },
    { reason: "Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied", available: true, want: /libvirt group/ },
    { reason: 'authentication unavailable: no polkit agent available', available: true, want: /libvirt group/ },
  ])('$reason', ({ reason, available, want }) => {
    expect(libvirtHint(reason, available)).toMatch(want);
  });
});
