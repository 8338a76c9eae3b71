import { describe, expect, it } from 'vitest';
import { MAX_TARGET_LENGTH, parseTarget } from './request-target';

describe('parseTarget', () => {
  it.each([
    { raw: '/', path: '/' },
    { raw: '/?token=abc', path: '/', token: 'abc' },
    { raw: '/AbC_-/assets/index-1.js', path: '/AbC_-/assets/index-1.js' },
    { raw: '/a/', path: '/a/' },
    { raw: '/a%20b', path: '/a%20b' },
    { raw: '/?token=a%2Bb&x=%zz', path: '/', token: 'a+b' },
    { raw: '/?', path: '/', token: null },
  ])('$raw → $path', ({ raw, path, token }) => {
    const t = parseTarget(raw);
    expect(t.ok && t.path).toBe(path);
    if (token !== undefined && t.ok) expect(t.query.get('token')).toBe(token);
  });

  it.each([
    { raw: undefined, status: 400 },
    { raw: '', status: 400 },
    { raw: '//', status: 400 },
    { raw: '///', status: 400 },
    { raw: '//@', status: 400 },
    { raw: '//evil.example/x', status: 400 },
    { raw: '/a//b', status: 400 },
    { raw: '/%zz', status: 400 },
    { raw: '/%', status: 400 },
    { raw: '/%E0%A4%A', status: 400 },
    { raw: '/%C0%AF', status: 400 },
    { raw: '/..', status: 400 },
    { raw: '/a/../b', status: 400 },
    { raw: '/a/%2e%2e/b', status: 400 },
    { raw: '/a%2F..%2Fb', status: 400 },
    { raw: '/a%2F%2Fb', status: 400 },
    { raw: '/./a', status: 400 },
    { raw: '/a%00', status: 400 },
    { raw: '/a%5Cb', status: 400 },
    { raw: '/a\\b', status: 400 },
    { raw: '/a b', status: 400 },
    { raw: '/a#frag', status: 400 },
    { raw: '/é', status: 400 },
    { raw: '/?q=\u0001', status: 400 },
    { raw: '*', status: 400 },
    { raw: 'http://127.0.0.1/', status: 400 },
    { raw: 'x', status: 400 },
    { raw: `/${'a'.repeat(MAX_TARGET_LENGTH)}`, status: 414 },
    { raw: `/${'a'.repeat(100_000)}`, status: 414 },
  ])('$raw → $status', ({ raw, status }) => {
    const t = parseTarget(raw);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.status).toBe(status);
  });
});
