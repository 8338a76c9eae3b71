import { describe, expect, it } from 'vitest';
import { isInvokeChannel, validateRequest, ValidationError } from './validation';

describe('validateRequest', () => {
  it.each([
    { channel: 'world:get', request: null, want: null },
    { channel: 'settings:get', request: null, want: null },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 5 }, want: { sampleIntervalSeconds: 5 } },
    { channel: 'settings:set', request: {}, want: {} },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 1 }, want: { sampleIntervalSeconds: 1 } },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 60 }, want: { sampleIntervalSeconds: 60 } },
  ] as const)('accepts $channel $request', ({ channel, request, want }) => {
    expect(validateRequest(channel, request)).toEqual(want);
  });

  it.each([
    { channel: 'settings:set', request: { sampleIntervalSeconds: 0 }, why: /sampleIntervalSeconds must be at least 1 second/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 61 }, why: /at most 60 seconds/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 1.5 }, why: /whole number/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: '5' }, why: /sampleIntervalSeconds/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 5, extra: true }, why: /extra/ },
    { channel: 'settings:set', request: null, why: /Invalid request for settings:set/ },
    { channel: 'world:get', request: { any: 1 }, why: /Invalid request for world:get/ },
  ] as const)('refuses $channel $request', ({ channel, request, why }) => {
    expect(() => validateRequest(channel, request)).toThrow(ValidationError);
    expect(() => validateRequest(channel, request)).toThrow(why);
  });
});

describe('isInvokeChannel', () => {
  it.each([
    ['world:get', true],
    ['settings:set', true],
    ['toString', false],
    ['__proto__', false],
    ['', false],
    [42, false],
  ] as const)('%s → %s', (channel, want) => {
    expect(isInvokeChannel(channel)).toBe(want);
  });
});
