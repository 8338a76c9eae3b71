import { describe, expect, it } from 'vitest';
import { connectionLossFromError, isLibvirtConnectionLoss } from './libvirt-errors';

describe('connectionLossFromError', () => {
  it.each([
    { name: 'past its deadline', err: { code: -2 }, want: true },
    { name: 'a call on a closed connection', err: { code: 6 }, want: true },
    { name: 'no such domain (it vanished)', err: { code: 42 }, want: null },
    { name: 'internal error (also what calls after EOF say)', err: { code: 1 }, want: null },
    { name: 'not a libvirt error', err: new Error('x'), want: null },
    { name: 'nothing', err: undefined, want: null },
  ])('$name → $want', ({ err, want }) => {
    expect(connectionLossFromError(err)).toBe(want);
  });
});

describe('isLibvirtConnectionLoss', () => {
  const alive = (answer: boolean | Error) => ({ isAlive: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)) });
  it.each([
    { name: 'a domain error on a live connection', conn: alive(true), err: { code: 42 }, want: false },
    { name: 'an internal error on a dead connection', conn: alive(false), err: { code: 1 }, want: true },
    { name: 'isAlive itself fails', conn: alive(new Error('gone')), err: { code: 1 }, want: true },
    { name: 'a deadline, whatever isAlive says', conn: alive(true), err: { code: -2 }, want: true },
  ])('$name → $want', async ({ conn, err, want }) => {
    expect(await isLibvirtConnectionLoss(conn, err)).toBe(want);
  });
});
