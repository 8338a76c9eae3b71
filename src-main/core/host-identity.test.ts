import { describe, expect, it } from 'vitest';
import type { HostFacts } from './engine';
import { isThisMachine, sameHostName, sameRemoteMachine } from './host-identity';
import type { LocalMachine } from './local-machine';

const GiB = 1024 ** 3;
const local: LocalMachine = { machineId: 'abc', hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '6.1.0-18-amd64', os: 'Debian' };
const facts = (patch: Partial<HostFacts> = {}): HostFacts => ({ hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '', os: '', local: true, ...patch });

describe('isThisMachine', () => {
  it.each([
    { name: 'local socket, same facts', facts: facts(), want: true },
    { name: 'memory within 2 % (libvirt KiB rounding)', facts: facts({ memoryBytes: 24 * GiB - 300 * 1024 * 1024 }), want: true },
    { name: 'remote endpoint with the same name', facts: facts({ local: false }), want: false },
    { name: 'local socket into a different VM (Docker Desktop): another kernel', facts: facts({ hostname: 'docker-desktop', kernel: '6.6.16-linuxkit' }), want: false },
    { name: 'libvirt says the FQDN, this machine the short name', facts: facts({ hostname: 'box.lab.example.org' }), want: true },
    { name: 'Docker says the short name of an FQDN machine', facts: facts({ hostname: 'box', kernel: '6.1.0-18-amd64' }), want: true },
    { name: 'a local daemon in its own UTS namespace (another hostname, same kernel)', facts: facts({ hostname: 'inner', kernel: '6.1.0-18-amd64' }), want: true },
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
    { name: 'FQDN from libvirt, short name from Docker', a: facts({ local: false, hostname: 'far' }), b: facts({ local: false, hostname: 'far.example.org' }), want: true },
  ])('$name → $want', ({ a, b, want }) => {
    expect(sameRemoteMachine(a, b)).toBe(want);
  });
});

describe('sameHostName', () => {
  it.each([
    ['box', 'box', true],
    ['box', 'box.lab.example.org', true],
    ['BOX.lab.example.org.', 'box', true],
    ['box.a.org', 'box.b.org', false],
    ['box', 'boxer', false],
    ['box', 'boxer.example.org', false],
    ['', '', false],
  ])('%s ~ %s → %s', (a, b, want) => {
    expect(sameHostName(a, b)).toBe(want);
    expect(sameHostName(b, a)).toBe(want);
  });
});
