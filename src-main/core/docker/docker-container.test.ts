import { describe, expect, it } from 'vitest';
import { containerFromInspect, containerState, cpuLimitCores, portBindings, statusFromInspect } from './docker-container';

describe('cpuLimitCores', () => {
  it.each([
    { name: '--cpus 0.5', host: { NanoCpus: 500_000_000 }, want: 0.5 },
    { name: 'quota over default period', host: { CpuQuota: 25_000 }, want: 0.25 },
    { name: 'quota over explicit period', host: { CpuQuota: 100_000, CpuPeriod: 50_000 }, want: 2 },
    { name: 'unlimited', host: { NanoCpus: 0, CpuQuota: 0 }, want: null },
    { name: 'quota -1 is unlimited', host: { CpuQuota: -1 }, want: null },
    { name: 'no host config', host: undefined, want: null },
  ])('$name', ({ host, want }) => {
    expect(cpuLimitCores(host)).toBe(want);
  });
});

describe('portBindings', () => {
  it.each<{ name: string; ports: Parameters<typeof portBindings>[0]; want: ReturnType<typeof portBindings> }>([
    { name: 'none', ports: null, want: [] },
    { name: 'exposed, not published', ports: { '80/tcp': null }, want: [{ containerPort: 80, protocol: 'tcp', hostIp: null, hostPort: null }] },
    {
      name: 'published on two addresses, sorted',
      ports: { '8080/tcp': [{ HostIp: '::', HostPort: '18080' }, { HostIp: '0.0.0.0', HostPort: '18080' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }] },
      want: [
        { containerPort: 53, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 5353 },
        { containerPort: 8080, protocol: 'tcp', hostIp: '::', hostPort: 18080 },
        { containerPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 18080 },
      ],
    },
    { name: 'garbage key skipped', ports: { 'x/tcp': null }, want: [] },
  ])('$name', ({ ports, want }) => {
    expect(portBindings(ports)).toEqual(want);
  });
});

describe('containerState', () => {
  it.each([
    ['running', 'running'],
    ['paused', 'paused'],
    ['exited', 'exited'],
    ['created', 'created'],
    ['something-new', 'dead'],
    [undefined, 'dead'],
  ] as const)('%s → %s', (input, want) => {
    expect(containerState(input)).toBe(want);
  });
});

describe('containerFromInspect', () => {
  it('maps limits, networks and keeps engine text verbatim', () => {
    const c = containerFromInspect(
      {
        Id: 'abc123def4567890',
        Name: '/web<script>',
        Created: '2026-11-27T00:00:00Z',
        Path: 'sh',
        Args: ['-c', 'echo "<b>hi</b>"'],
        State: { Status: 'running', StartedAt: '2026-11-27T00:00:01Z' },
        Config: { Image: 'neighborhood/busybox:latest', Labels: { note: '<img src=x onerror=alert(1)>' } },
        HostConfig: { NanoCpus: 1e9, Memory: 64 * 1024 * 1024 },
        NetworkSettings: { Ports: {}, Networks: { zeta: {}, bridge: {} } },
      },
      'Up 2 seconds',
    );
    expect(c).toMatchObject({
      name: 'web<script>',
      command: 'sh -c echo "<b>hi</b>"',
      state: 'running',
      status: 'Up 2 seconds',
      startedAt: '2026-11-27T00:00:01Z',
      labels: { note: '<img src=x onerror=alert(1)>' },
      networks: ['bridge', 'zeta'],
      cpuLimitCores: 1,
      memoryLimitBytes: 67108864,
      stats: null,
    });
  });

  it('treats a never-started container and no limits sensibly', () => {
    const c = containerFromInspect({ Id: '0123456789abcdef', State: { Status: 'created', StartedAt: '0001-01-01T00:00:00Z' }, HostConfig: { Memory: 0 } }, 'Created');
    expect(c).toMatchObject({ name: '0123456789ab', startedAt: null, memoryLimitBytes: null, cpuLimitCores: null, labels: {}, networks: [] });
  });
});

describe('statusFromInspect', () => {
  it.each([
    { state: { Status: 'running' }, want: 'Up' },
    { state: { Status: 'paused' }, want: 'Up (Paused)' },
    { state: { Status: 'exited', ExitCode: 137 }, want: 'Exited (137)' },
    { state: { Status: 'exited' }, want: 'Exited (0)' },
    { state: { Status: 'created' }, want: 'Created' },
    { state: { Status: 'restarting' }, want: 'Restarting' },
    { state: { Status: 'removing' }, want: 'Removal In Progress' },
    { state: { Status: 'dead' }, want: 'Dead' },
    { state: { Status: 'something-new' }, want: 'something-new' },
    { state: undefined, want: '' },
  ])('$state.Status → $want', ({ state, want }) => {
    expect(statusFromInspect(state)).toBe(want);
  });
});
