import { ErrorCode, SnapshotCreateFlags } from '@neighborhood/libvirt';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../contract';
import { ActionError } from '../actions/action-error';
import { actionLabel, libvirtActionError, planSnapshotCreate, revertFlags, stateAfterRevert, type VmNow } from './libvirt-actions';

const qcow = { target: 'vda', device: 'disk', path: '/i/a.qcow2', format: 'qcow2', readonly: false };
const vm = (patch: Partial<VmNow> = {}): VmNow => ({ name: 'web', state: 'running', facts: { description: '', guestOs: null, firmware: null, disks: [qcow], nics: [] }, snapshots: [], ...patch });
const take = (patch: Partial<Extract<Action, { kind: 'snapshot-create' }>> = {}) =>
  ({ kind: 'snapshot-create', engineId: 'e', uuid: 'u', name: 'before', description: 'why <b>', memory: true, ...patch }) as const;
const snap = (name: string, external = false) => ({ name, description: '', createdAt: 0, state: 'running', parent: null, current: false, hasMemory: true, external });

describe('planSnapshotCreate', () => {
  it.each([
    { name: 'running, with memory: an internal checkpoint', vm: vm(), action: take(), flags: 0 },
    { name: 'running, disks only: external, atomic', vm: vm(), action: take({ memory: false }), flags: SnapshotCreateFlags.DISK_ONLY | SnapshotCreateFlags.ATOMIC },
    { name: 'paused, with memory', vm: vm({ state: 'paused' }), action: take(), flags: 0 },
    { name: 'shut off: an internal disk snapshot', vm: vm({ state: 'shutoff' }), action: take({ memory: false }), flags: 0 },
  ])('$name', ({ vm: v, action, flags }) => {
    const plan = planSnapshotCreate(v, action);
    expect(plan.flags).toBe(flags);
    // Every value is escaped into the document.
    expect(plan.xml).toContain('<name>before</name>');
    expect(plan.xml).toContain('<description>why &lt;b&gt;</description>');
  });

  it.each([
    { name: 'a duplicate name', vm: vm({ snapshots: [snap('before')] }), action: take(), why: /already has a snapshot named “before”/ },
    { name: 'a slash', vm: vm(), action: take({ name: 'a/b' }), why: /“\/”/ },
    { name: 'a control character in the description', vm: vm(), action: take({ description: 'x\u0001' }), why: /control characters/ },
    { name: 'memory of a shut-off VM', vm: vm({ state: 'shutoff' }), action: take(), why: /no memory to save/ },
    { name: 'memory of a running UEFI VM', vm: vm({ facts: { ...vm().facts, firmware: 'pflash' } }), action: take(), why: /UEFI \(pflash\)/ },
    { name: 'disk-only over internal snapshots', vm: vm({ snapshots: [snap('old')] }), action: take({ memory: false }), why: /internal snapshots/ },
    { name: 'internal over external snapshots', vm: vm({ snapshots: [snap('ext', true)] }), action: take(), why: /external snapshots/ },
    { name: 'a raw disk, shut off', vm: vm({ state: 'shutoff', facts: { ...vm().facts, disks: [{ ...qcow, format: 'raw' }] } }), action: take({ memory: false }), why: /Disk vda is a raw disk/ },
    { name: 'a VM shutting down', vm: vm({ state: 'shutdown' }), action: take(), why: /shutting down/ },
  ])('refuses $name, saying nothing changed', ({ vm: v, action, why }) => {
    let error: unknown;
    try {
      planSnapshotCreate(v, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).code).toBe('refused');
    expect((error as ActionError).message).toMatch(why);
    expect((error as ActionError).message).toMatch(/Nothing was changed\.$/);
  });
});

describe('libvirtActionError', () => {
  it.each([
    { err: { code: ErrorCode.SNAPSHOT_REVERT_RISKY, message: 'revert requires force: target domain ABI incompatible' }, want: { code: 'revert-risky', message: 'revert requires force: target domain ABI incompatible' } },
    { err: { code: 55, message: 'Requested operation is not valid: domain is not running' }, want: { code: 'libvirt:55', message: 'libvirt refused for web: Requested operation is not valid: domain is not running The VM is as it was.' } },
    { err: 'odd', want: { code: 'libvirt:0', message: 'libvirt refused for web: odd The VM is as it was.' } },
  ])('$want.code', ({ err, want }) => {
    expect(libvirtActionError(err, 'web')).toMatchObject(want);
  });
});

describe('labels and outcomes', () => {
  it.each([
    [{ kind: 'vm', engineId: 'e', uuid: 'u', op: 'destroy' } as const, 'Forcing off web'],
    [take(), 'Taking snapshot “before”'],
    [{ kind: 'snapshot-revert', engineId: 'e', uuid: 'u', name: 's', force: false } as const, 'Reverting to “s”'],
    [{ kind: 'snapshot-delete', engineId: 'e', uuid: 'u', name: 's', children: true } as const, 'Deleting “s” and its children'],
    [{ kind: 'snapshot-describe', engineId: 'e', uuid: 'u', name: 's', description: '' } as const, 'Describing “s”'],
  ])('%j → %s', (action, want) => {
    expect(actionLabel(action, 'web')).toBe(want);
  });

  it.each([
    ['running', 'running'],
    ['paused', 'paused'],
    ['shutoff', 'shut off'],
    ['disk-snapshot', 'shut off'],
  ])('after reverting to a %s snapshot the VM is %s', (state, want) => {
    expect(stateAfterRevert(state)).toBe(want);
  });

  it('forces a revert only when asked', () => {
    expect(revertFlags(false)).toBe(0);
    expect(revertFlags(true)).not.toBe(0);
  });
});
