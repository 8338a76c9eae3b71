import { describe, expect, it } from 'vitest';
import { makeEngine } from '../testing/make';
import { engineTitle, housesEngine, retrying, signSentence, statusLine } from './engine-text';

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
