import { describe, expect, it } from 'vitest';
import type { VmState } from '../../src-main/contract';
import { deleteText, revertText, stateAfterRevert, stateWords } from './snapshot-text';

describe('stateWords', () => {
  it.each([
    ['running', 'running'],
    ['shutoff', 'shut off'],
    ['paused', 'paused'],
    ['pmsuspended', 'suspended by the guest'],
    ['something-new', 'something-new'],
  ])('%s → %s', (state, words) => {
    expect(stateWords(state)).toBe(words);
  });
});

describe('stateAfterRevert', () => {
  it.each([
    [{ state: 'running', hasMemory: true }, 'running'],
    [{ state: 'paused', hasMemory: true }, 'paused'],
    [{ state: 'shutoff', hasMemory: false }, 'shut off'],
    [{ state: 'blocked', hasMemory: true }, 'running'],
    [{ state: 'crashed', hasMemory: false }, 'shut off'],
    [{ state: 'disk-snapshot', hasMemory: false }, 'shut off'],
  ])('%j → %s', (snapshot, after) => {
    expect(stateAfterRevert(snapshot)).toBe(after);
  });
});

describe('revertText', () => {
  const withMemory = { name: 'before', state: 'running' };
  it.each<[VmState, string]>([
    ['running', 'Lost: everything on the disks since that snapshot, and the running memory.'],
    ['paused', 'Lost: everything on the disks since that snapshot, and the running memory.'],
    ['shutoff', 'Lost: everything on the disks since that snapshot.'],
  ])('a %s VM: %s', (state, lost) => {
    expect(revertText({ name: 'small', state }, withMemory).lost).toBe(lost);
  });

  it('names the VM, the snapshot and the state afterwards', () => {
    expect(revertText({ name: 'small', state: 'running' }, { name: 'cold', state: 'shutoff' })).toEqual({
      title: 'Revert VM “small” to “cold”?',
      lost: 'Lost: everything on the disks since that snapshot, and the running memory.',
      after: 'Afterwards the VM will be shut off, as it was when the snapshot was taken.',
    });
  });
});

describe('deleteText', () => {
  it.each([
    ['a leaf', 0, false, '1 snapshot will be deleted: “a”.', 'Delete 1 snapshot'],
    ['a leaf, with children asked', 0, true, '1 snapshot will be deleted: “a”.', 'Delete 1 snapshot'],
    ['one alone, keeping two below', 2, false, '1 snapshot will be deleted: “a”. The 2 snapshots below it stay, attached to its parent.', 'Delete 1 snapshot'],
    ['with its one child', 1, true, '2 snapshots will be deleted: “a” and the 1 snapshot below it.', 'Delete 2 snapshots'],
    ['with three below', 3, true, '4 snapshots will be deleted: “a” and the 3 snapshots below it.', 'Delete 4 snapshots'],
  ])('%s', (_what, descendants, children, count, confirm) => {
    const text = deleteText('a', descendants, children);
    expect(text.title).toBe('Delete snapshot “a”?');
    expect(text.count).toBe(count);
    expect(text.confirm).toBe(confirm);
  });
});
