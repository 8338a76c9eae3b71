// The TS copies of libvirt's constants must match the values compiled into the addon.
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index';
import { bindingAvailable } from './helpers';

describe.skipIf(!bindingAvailable())('constants', () => {
  it('match the libvirt headers the addon was built with', () => {
    const native = lib.nativeConstants()!;
    const mirrored: Record<string, Record<string, number>> = {
      DomainState: lib.DomainState,
      SnapshotCreateFlags: lib.SnapshotCreateFlags,
      SnapshotRevertFlags: lib.SnapshotRevertFlags,
      SnapshotDeleteFlags: lib.SnapshotDeleteFlags,
      DomainXmlFlags: lib.DomainXmlFlags,
      UndefineFlags: lib.UndefineFlags,
      DomainEventType: lib.DomainEventType,
      CloseReason: lib.CloseReason,
    };
    expect(Object.keys(native).sort()).toEqual(Object.keys(mirrored).sort());
    for (const [group, values] of Object.entries(mirrored)) expect(values, group).toEqual(native[group]);
    expect(lib.libraryVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
