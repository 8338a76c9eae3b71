import { describe, expect, it } from 'vitest';
import { dockerActionError, needsForceToRemove } from './docker-actions';

describe('dockerActionError', () => {
  it.each([
    {
      name: 'a modem error with Docker’s JSON',
      err: Object.assign(new Error('(HTTP code 409) unexpected - Container abc is not running'), { statusCode: 409, json: { message: 'Container abc is not running' } }),
      want: { message: 'Docker refused to pause web: Container abc is not running', code: 'docker:409' },
    },
    {
      name: 'no JSON, the wrapped message',
      err: Object.assign(new Error('(HTTP code 500) server error - driver failed'), { statusCode: 500 }),
      want: { message: 'Docker refused to pause web: driver failed', code: 'docker:500' },
    },
    { name: 'a deadline', err: Object.assign(new Error('x'), { name: 'TimeoutError' }), want: { message: /did not finish pausing web in time/, code: 'docker:0' } },
    { name: 'not even an Error', err: 'boom', want: { message: 'Docker refused to pause web: boom', code: 'docker:0' } },
  ])('$name', ({ err, want }) => {
    const e = dockerActionError(err, 'web', 'pause');
    expect(e.code).toBe(want.code);
    if (typeof want.message === 'string') expect(e.message).toBe(want.message);
    else expect(e.message).toMatch(want.message);
  });

  it('says resume for unpause', () => {
    expect(dockerActionError({ statusCode: 409, json: { message: 'not paused' } }, 'web', 'unpause').message).toBe('Docker refused to resume web: not paused');
  });
});

describe('needsForceToRemove', () => {
  it.each([
    ['running', true],
    ['paused', true],
    ['restarting', true],
    ['exited', false],
    ['created', false],
    ['dead', false],
  ])('%s → %s', (state, want) => {
    expect(needsForceToRemove(state)).toBe(want);
  });
});
