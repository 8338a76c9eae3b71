import { describe, expect, it } from 'vitest';
import type { HostFacts } from './engine';
import { isThisMachine, sameRemoteMachine } from './host-identity';
import type { LocalMachine } from './local-machine';

const GiB = 1024 ** 3;
const local: LocalMachine = { machineId: 'abc', hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '6.1', os: 'Debian' };
const facts = (patch: Partial<HostFacts> = {}): HostFacts => ({ hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '', os: '', local: true, ...patch });

describe('isThisMachine', () => {
  it.each([
    { name: 'local socket, same facts', facts: facts(), want: true },
    { name: 'memory within 2 % (libvirt KiB rounding)', facts: facts({ memoryBytes: 24 * GiB - 300 * 1024 * 1024 }), want: true },
    { name: 'remote endpoint with the same name', facts: facts({ local: false }), want: false },
    { name: 'local socket into a different VM (Docker Desktop)', facts: facts({ hostname: 'docker-desktop', cpus: 2 }), want: false },
    { name: 'same name, other CPU count', facts: facts({ cpus: 8 }), want: false },
    { name: 'same name, other memory', facts: facts({ memoryBytes: 8 * GiB }), want: false },
  ])('$name → $want', ({ facts: f, want }) => {
    expect(isThisMachine(f, local)).toBe(want);
  });

  it('without knowing this machine nothing matches', () => {
    expect(isThisMachine(facts(), null)).toBe(false);
  });
});

describe('sameRemoteMachine', () => {
  it.each([
    { name: 'docker and libvirt of one remote box', a: facts({ local: false }), b: facts({ local: false, memoryBytes: 24 * GiB - 1024 }), want: true },
    { name: 'same name, different capacity', a: facts(), b: facts({ cpus: 4 }), want: false },
    { name: 'unnamed hosts never merge', a: facts({ hostname: '' }), b: facts({ hostname: '' }), want: false },
  ])('$name → $want', ({ a, b, want }) => {
    expect(sameRemoteMachine(a, b)).toBe(want);
  });
});
