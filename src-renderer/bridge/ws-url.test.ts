import { describe, expect, it } from 'vitest';
import { wsUrl } from './ws-url';

describe('wsUrl', () => {
  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:4321', search: '?token=abc' }, 'ws://127.0.0.1:4321/ws?token=abc'],
    [{ protocol: 'https:', host: 'example.test', search: '?x=1&token=a%2Bb' }, 'wss://example.test/ws?token=a%2Bb'],
    [{ protocol: 'http:', host: 'localhost:80', search: '' }, 'ws://localhost:80/ws?token='],
    [{ protocol: 'http:', host: 'h', search: '?token=a b&c' }, 'ws://h/ws?token=a%20b'],
  ])('%j → %s', (location, expected) => {
    expect(wsUrl(location)).toBe(expected);
  });
});
