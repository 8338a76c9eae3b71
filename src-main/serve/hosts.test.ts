import { describe, expect, it } from 'vitest';
import { allowedHosts, allowHostProblem, bindKind, hostAllowed, originAllowed } from './hosts';

describe('bindKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['localhost', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0.0.0.0', 'wildcard'],
    ['::', 'wildcard'],
    ['[::]', 'wildcard'],
    ['', 'wildcard'],
    ['10.0.0.2', 'address'],
    ['fe80::1', 'address'],
    ['myhost.lan', 'address'],
  ])('%s → %s', (host, kind) => {
    expect(bindKind(host)).toBe(kind);
  });
});

describe('allowHostProblem', () => {
  it.each([
    ['myhost.lan', true],
    ['MyHost', true],
    ['192.0.2.10', true],
    ['fe80::1', true],
    ['[fe80::1]', true],
    ['0.0.0.0', false],
    ['http://myhost', false],
    ['myhost:8080', false],
    ['-bad.example', false],
    ['a'.repeat(300), false],
    ['', false],
  ])('%s → ok %s', (name, ok) => {
    expect(allowHostProblem(name) === null).toBe(ok);
  });
});

describe('hostAllowed', () => {
  const cases: Array<{ host: unknown; bind: string; allow?: string[]; port?: number; want: boolean }> = [
    { host: '127.0.0.1:4000', bind: '127.0.0.1', want: true },
    { host: 'localhost:4000', bind: '127.0.0.1', want: true },
    { host: 'LOCALHOST:4000', bind: '127.0.0.1', want: true },
    { host: '[::1]:4000', bind: '127.0.0.1', want: true },
    { host: 'evil.example:4000', bind: '127.0.0.1', want: false },
    { host: '127.0.0.1:4001', bind: '127.0.0.1', want: false },
    { host: '127.0.0.1', bind: '127.0.0.1', want: false },
    { host: undefined, bind: '127.0.0.1', want: false },
    { host: ['127.0.0.1:4000'], bind: '127.0.0.1', want: false },
    { host: '', bind: '127.0.0.1', want: false },
    { host: '10.0.0.2:4000', bind: '10.0.0.2', want: true },
    { host: 'localhost:4000', bind: '10.0.0.2', want: false },
    { host: 'box.lan:4000', bind: '10.0.0.2', allow: ['box.lan'], want: true },
    // The wildcard: never 0.0.0.0 itself (no browser sends it), loopback names and the allow-list.
    { host: '0.0.0.0:4000', bind: '0.0.0.0', allow: ['box.lan'], want: false },
    { host: 'box.lan:4000', bind: '0.0.0.0', allow: ['box.lan'], want: true },
    { host: 'BOX.LAN:4000', bind: '0.0.0.0', allow: ['Box.Lan'], want: true },
    { host: '192.0.2.10:4000', bind: '0.0.0.0', allow: ['box.lan', '192.0.2.10'], want: true },
    { host: '127.0.0.1:4000', bind: '0.0.0.0', allow: ['box.lan'], want: true },
    { host: 'other.lan:4000', bind: '0.0.0.0', allow: ['box.lan'], want: false },
    { host: '[fe80::1]:4000', bind: '::', allow: ['fe80::1'], want: true },
    { host: 'box.lan', bind: '0.0.0.0', allow: ['box.lan'], port: 80, want: true },
    { host: 'box.lan:80', bind: '0.0.0.0', allow: ['box.lan'], port: 80, want: true },
  ];
  it.each(cases)('$host on $bind (+$allow) → $want', ({ host, bind, allow, port, want }) => {
    expect(hostAllowed(host, allowedHosts(bind, allow ?? [], port ?? 4000))).toBe(want);
  });
});

describe('originAllowed', () => {
  const loopback = allowedHosts('127.0.0.1', [], 4000);
  const wildcard = allowedHosts('0.0.0.0', ['box.lan'], 4000);
  it.each([
    { origin: undefined, allowed: loopback, want: true },
    { origin: 'http://127.0.0.1:4000', allowed: loopback, want: true },
    { origin: 'http://localhost:4000', allowed: loopback, want: true },
    { origin: 'http://127.0.0.1:4001', allowed: loopback, want: false },
    { origin: 'http://evil.example', allowed: loopback, want: false },
    { origin: 'null', allowed: loopback, want: false },
    { origin: '', allowed: loopback, want: false },
    { origin: 'file://', allowed: loopback, want: false },
    { origin: 'chrome-extension://127.0.0.1:4000', allowed: loopback, want: false },
    { origin: ['http://127.0.0.1:4000'], allowed: loopback, want: false },
    { origin: 'http://box.lan:4000', allowed: wildcard, want: true },
    { origin: 'http://0.0.0.0:4000', allowed: wildcard, want: false },
    { origin: 'http://other.lan:4000', allowed: wildcard, want: false },
  ])('$origin → $want', ({ origin, allowed, want }) => {
    expect(originAllowed(origin, allowed)).toBe(want);
  });
});
