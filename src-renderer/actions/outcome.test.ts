import { describe, expect, it } from 'vitest';
import type { Action } from '../../src-main/contract';
import { InvokeError } from '../bridge/unwrap';
import { codeText, failed, succeeded } from './outcome';

const revert: Action = { kind: 'snapshot-revert', engineId: 'libvirt:qemu:///system', uuid: 'u1', name: 'before', force: false };
const stop: Action = { kind: 'container', engineId: 'docker:/s', containerId: 'c1', op: 'stop' };

describe('codeText', () => {
  it.each([
    ['docker:409', 'Docker error 409'],
    ['libvirt:55', 'libvirt error 55'],
    ['libvirt:-1', 'libvirt error -1'],
    ['connection-lost', 'connection lost'],
    ['not-supported', 'not supported'],
    ['refused', null],
    ['revert-risky', null],
    ['not-found', null],
    ['docker:abc', null],
    [undefined, null],
  ])('%s → %s', (code, text) => {
    expect(codeText(code)).toBe(text);
  });
});

describe('outcomes', () => {
  it('a success carries the core’s message', () => {
    expect(succeeded({ message: 'Snapshot “a” taken', ms: 40 })).toEqual({ ok: true, message: 'Snapshot “a” taken', code: null, note: null, followUp: null });
  });

  it('an engine refusal keeps its message verbatim and shows its code', () => {
    const message = 'Container web was not changed: <b>conflict</b> in "remove"';
    expect(failed(new InvokeError(message, 'docker:409'), stop)).toEqual({ ok: false, message, code: 'Docker error 409', note: null, followUp: null });
  });

  it('a risky revert offers the forced one', () => {
    const outcome = failed(new InvokeError('revert requires force: snapshot lacks memory', 'revert-risky'), revert);
    expect(outcome.followUp).toEqual({ label: 'Force revert to “before”', action: { ...revert, force: true } });
    expect(outcome.code).toBeNull();
  });

  it('a forced revert that fails offers nothing more', () => {
    expect(failed(new InvokeError('still risky', 'revert-risky'), { ...revert, force: true }).followUp).toBeNull();
  });

  it('a dropped connection says the action may or may not have happened', () => {
    expect(failed(new InvokeError('Lost connection to Neighborhood', 'disconnected'), stop).note).toMatch(/may or may not have happened/);
  });

  it('anything thrown becomes text', () => {
    expect(failed('boom', stop).message).toBe('boom');
    expect(failed(new Error(''), stop).message).toBe('The action failed without a message.');
  });
});
