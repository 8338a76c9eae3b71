import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieValue, newToken, pathPrefix, presentedToken, tokenCookie, tokenProblem } from './token';

const token = 'secret-token-0123456789';
const q = (s: string) => new URLSearchParams(s);

describe('presentedToken', () => {
  it.each([
    { name: 'right query token', query: 'token=secret-token-0123456789', cookie: undefined, want: 'query' },
    { name: 'right cookie', query: '', cookie: 'a=1; neighborhood_token=secret-token-0123456789', want: 'cookie' },
    { name: 'no token', query: '', cookie: undefined, want: null },
    { name: 'wrong query token', query: 'token=secret-token-012345678X', cookie: undefined, want: null },
    { name: 'prefix of the token', query: 'token=secret', cookie: undefined, want: null },
    { name: 'empty token', query: 'token=', cookie: undefined, want: null },
    { name: 'token twice, first wrong', query: 'token=x&token=secret-token-0123456789', cookie: undefined, want: null },
    { name: 'wrong cookie', query: '', cookie: 'neighborhood_token=nope', want: null },
    { name: 'wrong query but right cookie', query: 'token=x', cookie: 'neighborhood_token=secret-token-0123456789', want: 'cookie' },
    { name: 'cookie header not a string', query: '', cookie: ['neighborhood_token=secret-token-0123456789'], want: null },
    { name: 'garbage cookie header', query: '', cookie: ';;;=;=%zz;neighborhood_token', want: null },
    { name: 'percent-encoded query token', query: 'token=secret%2Dtoken-0123456789', cookie: undefined, want: 'query' },
  ])('$name → $want', ({ query, cookie, want }) => {
    expect(presentedToken(q(query), cookie, token)).toBe(want);
  });
});

describe('cookieValue', () => {
  it.each([
    { header: undefined, want: null },
    { header: 42, want: null },
    { header: '', want: null },
    { header: 'a=1', want: null },
    { header: 'neighborhood_token', want: null },
    { header: 'neighborhood_token=abc=def; b=2', want: 'abc=def' },
    { header: ' neighborhood_token = v ', want: 'v' },
    { header: 'xneighborhood_token=1; neighborhood_token=2', want: '2' },
    { header: 'neighborhood_token=1; neighborhood_token=2', want: '1' },
    { header: '\u0000;\uffff=;=', want: null },
  ])('$header → $want', ({ header, want }) => {
    expect(cookieValue(header, 'neighborhood_token')).toBe(want);
  });
});

describe('pathPrefix', () => {
  it('is 16 base64url characters of sha256("neighborhood-path:" + token), between slashes', () => {
    const want = createHash('sha256').update(`neighborhood-path:${token}`).digest('base64url').slice(0, 16);
    expect(pathPrefix(token)).toBe(`/${want}/`);
    expect(pathPrefix(token)).toMatch(/^\/[A-Za-z0-9_-]{16}\/$/);
    expect(pathPrefix(`${token}x`)).not.toBe(pathPrefix(token));
  });
});

describe('tokenCookie', () => {
  it('is HttpOnly, SameSite=Strict and scoped to the prefix, never Path=/', () => {
    expect(tokenCookie(token, '/abc/')).toBe(`neighborhood_token=${token}; Path=/abc/; HttpOnly; SameSite=Strict`);
  });
});

describe('tokenProblem', () => {
  it.each([
    { token: 'short', ok: false },
    { token: 'a'.repeat(16), ok: true },
    { token: 'a'.repeat(257), ok: false },
    { token: 'has space in the token', ok: false },
    { token: 'semi;colon-0123456789', ok: false },
    { token: 'quote"0123456789abcdef', ok: false },
    { token: 'ünïcode-0123456789', ok: false },
    { token: 'Az09._~-Az09._~-Az09', ok: true },
  ])('$token → ok $ok', ({ token: t, ok }) => {
    expect(tokenProblem(t) === null).toBe(ok);
  });
});

describe('newToken', () => {
  it('is long, URL-safe, acceptable and new each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokenProblem(a)).toBeNull();
    expect(newToken()).not.toBe(a);
  });
});
