import { describe, expect, it } from 'vitest';
import type { EngineReport, HostFacts } from './engine';
import type { LocalMachine } from './local-machine';
import { buildWorld, type EngineEntry } from './world';

const GiB = 1024 ** 3;
const local: LocalMachine = { machineId: 'm1', hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '6.1.0-18-amd64', os: 'Debian 12' };

const report = (host: HostFacts | null, patch: Partial<EngineReport> = {}): EngineReport => ({
  status: host ? { state: 'connected' } : { state: 'unreachable', reason: 'no socket', since: 0, nextRetryAt: null },
  version: null, host, containers: [], vms: [], sampleMs: null, hint: null, ...patch,
});
const dockerFacts: HostFacts = { hostname: 'box', cpus: 2, memoryBytes: 24 * GiB, kernel: '6.1.0-18-amd64', os: 'Debian GNU/Linux 12', local: true };
const libvirtFacts: HostFacts = { hostname: 'box', cpus: 2, memoryBytes: 24 * GiB - 4096, kernel: '', os: '', local: true };

const entry = (kind: EngineEntry['kind'], endpoint: string, r: EngineReport, isLocal = true): EngineEntry => ({ kind, endpoint, local: isLocal, report: r });

const world = (engines: EngineEntry[], machine: LocalMachine | null = local) =>
  buildWorld({ seq: 7, at: 1000, sampleIntervalSeconds: 2, engines, local: machine, localUsage: { cpuCores: 0.5, memoryUsedBytes: GiB } });

describe('buildWorld', () => {
  it.each([
    {
      name: 'docker and libvirt on this machine are one host',
      engines: [entry('docker', '/var/run/docker.sock', report(dockerFacts)), entry('libvirt', 'qemu:///system', report(libvirtFacts))],
      hosts: [{ id: 'machine:m1', engines: ['docker', 'libvirt'] }],
    },
    {
      name: 'libvirt naming this machine by its FQDN and Docker by its short name are one street',
      engines: [
        entry('docker', '/var/run/docker.sock', report(dockerFacts)),
        entry('libvirt', 'qemu:///system', report({ ...libvirtFacts, hostname: 'box.lab.example.org' })),
      ],
      hosts: [{ id: 'machine:m1', engines: ['docker', 'libvirt'] }],
    },
    {
      name: 'the same FQDN/short-name split on a remote machine is one street too',
      engines: [
        entry('docker', 'tcp://far:2375', report({ ...dockerFacts, hostname: 'far', local: false }), false),
        entry('libvirt', 'qemu+ssh://far/system', report({ ...libvirtFacts, hostname: 'far.example.org', local: false }), false),
      ],
      hosts: [{ id: 'host:far/2', engines: ['docker', 'libvirt'] }],
    },
    {
      name: 'a local socket into a VM with its own kernel is another street',
      engines: [entry('docker', '/var/run/docker.sock', report({ ...dockerFacts, hostname: 'docker-desktop', kernel: '6.6.16-linuxkit' }))],
      hosts: [{ id: 'host:docker-desktop/2', engines: ['docker'] }],
    },
    {
      name: 'an engine that never answered on a local socket still stands on this machine',
      engines: [entry('docker', '/var/run/docker.sock', report(null))],
      hosts: [{ id: 'machine:m1', engines: ['docker'] }],
    },
    {
      name: 'a remote engine with the same hostname is another host',
      engines: [entry('docker', '/var/run/docker.sock', report(dockerFacts)), entry('docker', 'tcp://box:2375', report({ ...dockerFacts, cpus: 16, local: false }), false)],
      hosts: [{ id: 'machine:m1', engines: ['docker'] }, { id: 'host:box/16', engines: ['docker'] }],
    },
    {
      name: 'two engines of one remote machine merge',
      engines: [
        entry('docker', 'tcp://far:2375', report({ ...dockerFacts, hostname: 'far', local: false }), false),
        entry('libvirt', 'qemu+ssh://far/system', report({ ...libvirtFacts, hostname: 'far', local: false }), false),
      ],
      hosts: [{ id: 'host:far/2', engines: ['docker', 'libvirt'] }],
    },
    {
      name: 'an unknown remote engine gets a host of its own',
      engines: [entry('docker', 'tcp://gone:2375', report(null), false)],
      hosts: [{ id: 'endpoint:tcp://gone:2375', engines: ['docker'] }],
    },
  ])('$name', ({ engines, hosts }) => {
    const w = world(engines);
    expect(w.hosts.map((h) => ({ id: h.id, engines: h.engines.map((e) => e.kind) }))).toEqual(hosts);
  });

  it('takes capacity and kernel from the engines, the local usage only for this machine', () => {
    const w = world([entry('libvirt', 'qemu:///system', report(libvirtFacts)), entry('docker', '/var/run/docker.sock', report(dockerFacts))]);
    const [host] = w.hosts;
    expect(host).toMatchObject({ name: 'box', cpus: 2, memoryBytes: 24 * GiB - 4096, kernel: '6.1.0-18-amd64', os: 'Debian GNU/Linux 12', usage: { cpuCores: 0.5 } });
    expect(host?.engines.map((e) => e.id)).toEqual(['libvirt:qemu:///system', 'docker:/var/run/docker.sock']);
    expect(host?.accounting.cpu.host).toBe(0.5);
    expect(w).toMatchObject({ seq: 7, at: 1000, sampleIntervalSeconds: 2 });
  });

  it('falls back to this machine\'s own facts before any engine answers', () => {
    const [host] = world([entry('docker', '/var/run/docker.sock', report(null))]).hosts;
    expect(host).toMatchObject({ name: 'box', cpus: 2, kernel: '6.1.0-18-amd64', os: 'Debian 12' });
    expect(host?.engines[0]?.status.state).toBe('unreachable');
  });

  it('names engines as configured or by kind, and says whether Podman is rootless', () => {
    const w = world([
      { ...entry('docker', '/var/run/docker.sock', report(dockerFacts)), name: 'Main Docker' },
      entry('podman', '/run/podman/podman.sock', report(dockerFacts, { rootless: false })),
      entry('libvirt', 'qemu:///system', report(libvirtFacts)),
    ]);
    expect(w.hosts[0]!.engines.map((e) => [e.name, e.kind, e.draws, e.rootless])).toEqual([
      ['Main Docker', 'docker', 'apartments', null],
      ['Podman', 'podman', 'apartments', false],
      ['libvirt', 'libvirt', 'houses', null],
    ]);
  });

  it('a remote host shows the use its libvirt reports; a Docker-only remote host says its own use is unknown', () => {
    const far = { ...libvirtFacts, hostname: 'far', local: false };
    const w = world([
      entry('libvirt', 'qemu+ssh://far/system', report(far, { hostUsage: { cpuCores: 1.5, memoryUsedBytes: 4 * GiB } }), false),
      entry('docker', 'tcp://other:2376', report({ ...dockerFacts, hostname: 'other', local: false }), false),
    ]);
    const farHost = w.hosts.find((h) => h.name === 'far')!;
    expect(farHost.usage).toEqual({ cpuCores: 1.5, memoryUsedBytes: 4 * GiB });
    expect(farHost.accounting.cpu).toMatchObject({ host: 1.5, free: 0.5, unknown: 0 });
    const other = w.hosts.find((h) => h.name === 'other')!;
    expect(other.usage).toBeNull();
    expect(other.accounting.memory).toMatchObject({ host: 0, free: 0, unknown: 24 * GiB });
  });
});
