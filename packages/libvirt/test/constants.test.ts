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
      // virErrorNumber values; the binding's own negative codes (UNAVAILABLE, DEADLINE_EXCEEDED) are not libvirt's.
      ErrorCode: Object.fromEntries(Object.entries(lib.ErrorCode).filter(([, v]) => v >= 0)),
    };
    expect(Object.keys(native).sort()).toEqual(Object.keys(mirrored).sort());
    for (const [group, values] of Object.entries(mirrored)) expect(values, group).toEqual(native[group]);
    expect(lib.libraryVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('keeps the binding-only error codes outside libvirt\'s range', () => {
    expect(lib.ErrorCode.UNAVAILABLE).toBe(-1);
    expect(lib.ErrorCode.DEADLINE_EXCEEDED).toBe(-2);
    expect(lib.ErrorCode.SNAPSHOT_REVERT_RISKY).toBe(77);
  });
});
