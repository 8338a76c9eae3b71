import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src-main/contract';
import { makeEngine } from '../testing/make';
import { buildingTitle, connectedHint, engineTitle, housesEngine, ownName, podmanMode, retryCountdown, retrying, roofTag, signSentence, statusLine } from './engine-text';

describe('engine text', () => {
  const down = makeEngine({ status: { state: 'unreachable', reason: 'connect ENOENT /var/run/docker.sock', since: 0, nextRetryAt: 5 } });
  const missing = makeEngine({ kind: 'libvirt', status: { state: 'unavailable', reason: 'libvirt is not installed' } });
  it.each([
    [makeEngine(), 'Docker 26.1.5 · connected'],
    [makeEngine({ version: null }), 'Docker · connected'],
    [makeEngine({ status: { state: 'connecting' } }), 'Docker · connecting…'],
    [down, 'Docker · unreachable: connect ENOENT /var/run/docker.sock'],
    [missing, 'libvirt · unavailable: libvirt is not installed'],
    [makeEngine({ kind: 'podman', version: '4.3.1' }), 'Podman 4.3.1 · connected'],
  ])('status line %#: %s', (engine, expected) => {
    expect(statusLine(engine)).toBe(expected);
  });

  it.each([
    [down, 'Docker is unreachable: connect ENOENT /var/run/docker.sock'],
    [missing, 'libvirt is not available: libvirt is not installed'],
    [makeEngine({ status: { state: 'connecting' } }), 'Docker connecting…'],
    [makeEngine({ kind: 'libvirt', endpoint: 'qemu:///system' }), 'No VMs on qemu:///system'],
    [makeEngine({ kind: 'podman', draws: 'houses', endpoint: '/run/x.sock' }), 'No VMs on /run/x.sock'],
  ])('sign %#: %s', (engine, expected) => {
    expect(signSentence(engine)).toBe(expected);
  });

  it.each([
    [makeEngine({ status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt: 10 } }), true],
    [makeEngine({ status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt: null } }), false],
    [makeEngine({ status: { state: 'unavailable', reason: 'x' } }), false],
  ])('retrying %#', (engine, expected) => {
    expect(retrying(engine)).toBe(expected);
  });

  it.each([
    ['libvirt drawing houses', makeEngine({ kind: 'libvirt', draws: 'houses' }), true],
    ['podman drawing apartments', makeEngine({ kind: 'podman', draws: 'apartments' }), false],
    // The kind does not decide: what the engine says it draws does.
    ['a docker engine that says houses', makeEngine({ kind: 'docker', draws: 'houses' }), true],
    ['a libvirt engine that says apartments', makeEngine({ kind: 'libvirt', draws: 'apartments' }), false],
  ])('houses or apartments: %s', (_name, engine, expected) => {
    expect(housesEngine(engine)).toBe(expected);
  });

  it('titles an engine by its kind and version', () => {
    expect(engineTitle(makeEngine({ kind: 'libvirt', version: '9.0.0' }))).toBe('libvirt 9.0.0');
  });
});

describe('building title, own name, Podman mode', () => {
  it.each<[string, Partial<Engine>, string, string | null]>([
    ['Docker, found', {}, 'Docker 26.1.5', null],
    ['Docker, named by the user', { name: 'build box' }, 'Docker 26.1.5', 'build box'],
    ['Podman rootless', { kind: 'podman', version: '4.3.1', rootless: true }, 'Podman 4.3.1 · rootless', null],
    ['Podman rootful', { kind: 'podman', version: '4.3.1', rootless: false }, 'Podman 4.3.1 · rootful', null],
    ['Podman, mode not known', { kind: 'podman', version: '4.3.1', rootless: null }, 'Podman 4.3.1', null],
    ['Podman whose name says its mode', { kind: 'podman', version: '4.3.1', rootless: true, name: 'Podman (rootless)' }, 'Podman 4.3.1', 'Podman (rootless)'],
    ['Podman whose name says another thing', { kind: 'podman', version: '4.3.1', rootless: false, name: 'lab' }, 'Podman 4.3.1 · rootful', 'lab'],
    ['Docker never has a mode', { rootless: true }, 'Docker 26.1.5', null],
  ])('%s', (_name, p, title, own) => {
    const engine = makeEngine(p);
    expect(buildingTitle(engine)).toBe(title);
    expect(ownName(engine)).toBe(own);
  });

  it.each<[Partial<Engine>, 'rootless' | 'rootful' | null]>([
    [{ kind: 'podman', rootless: true }, 'rootless'],
    [{ kind: 'podman', rootless: false }, 'rootful'],
    [{ kind: 'podman', rootless: null }, null],
    [{ kind: 'docker', rootless: false }, null],
  ])('podmanMode %#', (p, expected) => {
    expect(podmanMode(makeEngine(p))).toBe(expected);
  });
});

describe('connectedHint', () => {
  it.each<[string, Partial<Engine>, string | null]>([
    ['connected over plain tcp: its hint', { status: { state: 'connected' }, hint: 'This connection is unencrypted' }, 'This connection is unencrypted'],
    ['connected, nothing to say', { status: { state: 'connected' }, hint: null }, null],
    ['unreachable: the hint goes with the status', { status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt: 1 }, hint: 'Start Docker' }, null],
  ])('%s', (_name, p, expected) => {
    expect(connectedHint(makeEngine(p))).toBe(expected);
  });
});

describe('roofTag', () => {
  it.each<[string, Partial<Engine>, string | null]>([
    ['plain tcp, connected', { endpoint: 'tcp://127.0.0.1:2375', hint: 'This connection is unencrypted' }, 'unencrypted'],
    ['another connected hint', { endpoint: 'unix:///x.sock', hint: 'something' }, 'note'],
    ['no hint', { endpoint: 'tcp://127.0.0.1:2376', hint: null }, null],
    ['plain tcp, unreachable', { endpoint: 'tcp://127.0.0.1:2375', hint: 'Check…', status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt: null } }, null],
  ])('%s', (_name, p, expected) => {
    expect(roofTag(makeEngine(p))).toBe(expected);
  });
});

describe('retryCountdown', () => {
  const at = (nextRetryAt: number | null) => makeEngine({ status: { state: 'unreachable', reason: 'x', since: 0, nextRetryAt } });
  it.each<[string, Engine, number, string | null]>([
    ['4 s to go', at(10_000), 6_000, 'retrying in 4 s'],
    ['a part of a second is a second', at(10_000), 9_900, 'retrying in 1 s'],
    ['3.2 s reads 4 s', at(10_000), 6_800, 'retrying in 4 s'],
    ['the time has come', at(10_000), 10_000, 'retrying now…'],
    ['past it (the attempt runs)', at(10_000), 12_000, 'retrying now…'],
    ['never retried', at(null), 0, null],
    ['connected', makeEngine(), 0, null],
    ['unavailable', makeEngine({ status: { state: 'unavailable', reason: 'x' } }), 0, null],
  ])('%s', (_name, engine, now, expected) => {
    expect(retryCountdown(engine, now)).toBe(expected);
  });
});
