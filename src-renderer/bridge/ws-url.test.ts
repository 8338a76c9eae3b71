import { describe, expect, it } from 'vitest';
import { wsUrl } from './ws-url';

describe('wsUrl', () => {
  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:4321', pathname: '/Ab3_-xYz0123456/', search: '' }, 'ws://127.0.0.1:4321/Ab3_-xYz0123456/ws'],
    [{ protocol: 'http:', host: '127.0.0.1:4321', pathname: '/Ab3_-xYz0123456/index.html', search: '' }, 'ws://127.0.0.1:4321/Ab3_-xYz0123456/ws'],
    [{ protocol: 'http:', host: '127.0.0.1:4321', pathname: '/p/', search: '?token=abc' }, 'ws://127.0.0.1:4321/p/ws?token=abc'],
    [{ protocol: 'https:', host: 'example.test', pathname: '/p/', search: '?x=1&token=a%2Bb' }, 'wss://example.test/p/ws?token=a%2Bb'],
    [{ protocol: 'http:', host: 'localhost:80', pathname: '/', search: '?token=' }, 'ws://localhost:80/ws'],
    [{ protocol: 'http:', host: 'h', pathname: '', search: '?token=a b&c' }, 'ws://h/ws?token=a%20b'],
  ])('%j → %s', (location, expected) => {
    expect(wsUrl(location)).toBe(expected);
  });
});
