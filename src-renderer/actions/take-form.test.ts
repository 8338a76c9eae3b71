import { describe, expect, it } from 'vitest';
import type { VmState } from '../../src-main/contract';
import { makeRules, makeSnapshot, makeVm } from '../testing/make';
import { checkTake, memoryOption, takeAction } from './take-form';

const MEMORY_REFUSED = 'Memory cannot be saved with a raw disk (vdb): convert it to qcow2.';
const DISK_ONLY_REFUSED = 'A disks-only snapshot of the running guest needs external snapshots, which cannot be reverted here.';
const TAKE_REFUSED = 'The VM is being migrated: wait until it is done.';

describe('memoryOption', () => {
  it.each([
    ['running, all allowed: on, may be unticked', makeVm({ state: 'running' }), { live: true, checked: true, disabled: false, reason: null }],
    ['paused: on as well', makeVm({ state: 'paused' }), { live: true, checked: true, disabled: false, reason: null }],
    [
      'running, memory refused: off and fixed, with the reason',
      makeVm({ state: 'running', snapshotRules: makeRules({ memory: MEMORY_REFUSED }) }),
      { live: true, checked: false, disabled: true, reason: MEMORY_REFUSED },
    ],
    [
      'running, disks-only refused: on and fixed, with the reason',
      makeVm({ state: 'running', snapshotRules: makeRules({ diskOnly: DISK_ONLY_REFUSED }) }),
      { live: true, checked: true, disabled: true, reason: DISK_ONLY_REFUSED },
    ],
  ])('%s', (_what, vm, option) => {
    expect(memoryOption(vm)).toEqual(option);
  });

  it.each<VmState>(['shutoff', 'crashed', 'shutdown', 'nostate'])('%s: off and fixed, saying there is no memory', (state) => {
    const option = memoryOption(makeVm({ state }));
    expect(option).toMatchObject({ live: false, checked: false, disabled: true });
    expect(option.reason).toMatch(/^The VM is .+: it has no running memory to save, only its disks\.$/);
  });

  it('a shut-off VM shows main’s own reason where it gives one', () => {
    const reason = 'The VM is shut off: it has no memory to save.';
    expect(memoryOption(makeVm({ state: 'shutoff', snapshotRules: makeRules({ memory: reason }) })).reason).toBe(reason);
  });
});

describe('checkTake', () => {
  const input = { name: 'before-upgrade', description: '', memory: true };
  it.each([
    ['a good name on a running VM', makeVm(), input, { ok: true, memory: true, name: null, description: null, take: null }],
    ['memory unticked where allowed', makeVm(), { ...input, memory: false }, { ok: true, memory: false }],
    ['a shut-off VM ignores the box', makeVm({ state: 'shutoff' }), input, { ok: true, memory: false }],
    ['memory refused: taken without', makeVm({ snapshotRules: makeRules({ memory: MEMORY_REFUSED }) }), input, { ok: true, memory: false }],
    ['disks-only refused: taken with', makeVm({ snapshotRules: makeRules({ diskOnly: DISK_ONLY_REFUSED }) }), { ...input, memory: false }, { ok: true, memory: true }],
    [
      'both refused: nothing can be taken',
      makeVm({ snapshotRules: makeRules({ memory: MEMORY_REFUSED, diskOnly: DISK_ONLY_REFUSED }) }),
      input,
      { ok: false, memory: false, take: DISK_ONLY_REFUSED },
    ],
    ['take refused', makeVm({ snapshotRules: makeRules({ take: TAKE_REFUSED }) }), input, { ok: false, take: TAKE_REFUSED }],
    ['a slash', makeVm(), { ...input, name: 'a/b' }, { ok: false, name: expect.stringContaining('cannot contain “/”') }],
    ['a leading dot', makeVm(), { ...input, name: '.x' }, { ok: false, name: 'A name cannot start with “.”.' }],
    ['empty', makeVm(), { ...input, name: '' }, { ok: false, name: 'A snapshot needs a name.' }],
    [
      'a name the VM has',
      makeVm({ snapshots: [makeSnapshot({ name: 'before-upgrade' })] }),
      input,
      { ok: false, name: 'This VM already has a snapshot named “before-upgrade”.' },
    ],
    ['a control character in the description', makeVm(), { ...input, description: 'a\u0007b' }, { ok: false, description: expect.stringContaining('control characters') }],
    ['markup in the description is just text', makeVm(), { ...input, description: '</description><disks/>' }, { ok: true, description: null }],
  ])('%s', (_what, vm, form, expected) => {
    expect(checkTake(vm, form)).toMatchObject(expected);
  });
});

describe('takeAction', () => {
  it('sends the checked memory choice, not the raw box', () => {
    const vm = makeVm({ state: 'shutoff' });
    const input = { name: 'cold', description: 'before the upgrade', memory: true };
    expect(takeAction({ engineId: 'libvirt:qemu:///system', uuid: 'u1' }, input, checkTake(vm, input))).toEqual({
      kind: 'snapshot-create',
      engineId: 'libvirt:qemu:///system',
      uuid: 'u1',
      name: 'cold',
      description: 'before the upgrade',
      memory: false,
    });
  });
});
