import { describe, expect, it } from 'vitest';
import { cookieValue, hostAllowed, newToken, originAllowed, presentedToken } from './token';

const token = 'secret-token';
const req = (url: string, cookie?: string) => ({ url, headers: cookie ? { cookie } : {} });

describe('presentedToken', () => {
  it.each([
    { name: 'right query token', req: req('/?token=secret-token'), want: 'query' },
    { name: 'right cookie', req: req('/assets/app.js', 'a=1; neighborhood_token=secret-token'), want: 'cookie' },
    { name: 'no token', req: req('/'), want: null },
    { name: 'wrong query token', req: req('/?token=secret-tokeN'), want: null },
    { name: 'prefix of the token', req: req('/?token=secret'), want: null },
    { name: 'empty token', req: req('/?token='), want: null },
    { name: 'wrong cookie', req: req('/', 'neighborhood_token=nope'), want: null },
    { name: 'wrong query but right cookie', req: req('/?token=x', 'neighborhood_token=secret-token'), want: 'cookie' },
  ])('$name → $want', ({ req: r, want }) => {
    expect(presentedToken(r, token)).toBe(want);
  });
});

describe('cookieValue', () => {
  it.each([
    { header: undefined, want: null },
    { header: 'a=1', want: null },
    { header: 'neighborhood_token=abc=def; b=2', want: 'abc=def' },
  ])('$header', ({ header, want }) => {
    expect(cookieValue(header, 'neighborhood_token')).toBe(want);
  });
});

describe('hostAllowed', () => {
  it.each([
    { host: '127.0.0.1:4000', bound: '127.0.0.1', want: true },
    { host: 'localhost:4000', bound: '127.0.0.1', want: true },
    { host: 'LOCALHOST:4000', bound: '127.0.0.1', want: true },
    { host: 'evil.example:4000', bound: '127.0.0.1', want: false },
    { host: '127.0.0.1:4001', bound: '127.0.0.1', want: false },
    { host: undefined, bound: '127.0.0.1', want: false },
    { host: '10.0.0.2:4000', bound: '10.0.0.2', want: true },
    { host: 'localhost:4000', bound: '10.0.0.2', want: false },
  ])('$host on $bound → $want', ({ host, bound, want }) => {
    expect(hostAllowed(host, bound, 4000)).toBe(want);
  });
});

describe('originAllowed', () => {
  it.each([
    { origin: undefined, host: '127.0.0.1:4000', want: true },
    { origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000', want: true },
    { origin: 'http://evil.example', host: '127.0.0.1:4000', want: false },
    { origin: 'null', host: '127.0.0.1:4000', want: false },
  ])('$origin → $want', ({ origin, host, want }) => {
    expect(originAllowed(origin, host)).toBe(want);
  });
});

describe('newToken', () => {
  it('is long, URL-safe and new each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });
});
