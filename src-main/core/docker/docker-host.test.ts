import { describe, expect, it } from 'vitest';
import { describeDockerError, dockerHint, hostFactsFromInfo } from './docker-host';

describe('hostFactsFromInfo', () => {
  it('reads identity and capacity', () => {
    expect(hostFactsFromInfo({ Name: 'box', NCPU: 2, MemTotal: 25_000_000_000, KernelVersion: '6.1.0-18-amd64', OperatingSystem: 'Debian GNU/Linux 12' }, true)).toEqual({
      hostname: 'box', cpus: 2, memoryBytes: 25_000_000_000, kernel: '6.1.0-18-amd64', os: 'Debian GNU/Linux 12', local: true,
    });
  });
  it('tolerates an empty answer', () => {
    expect(hostFactsFromInfo({}, false)).toMatchObject({ hostname: '', cpus: 0, memoryBytes: 0, local: false });
  });
});

describe('describeDockerError', () => {
  const at = '/var/run/docker.sock';
  it.each([
    { err: { code: 'ENOENT' }, want: 'no Docker socket at /var/run/docker.sock' },
    { err: { code: 'ECONNREFUSED' }, want: 'connection refused at /var/run/docker.sock' },
    { err: { code: 'EACCES' }, want: 'permission denied on /var/run/docker.sock' },
    { err: { code: 'ECONNRESET' }, want: 'the connection to /var/run/docker.sock was reset' },
    { err: { name: 'TimeoutError', message: 'x' }, want: 'Docker did not answer at /var/run/docker.sock in time' },
    { err: new Error('(HTTP code 500) server error'), want: '(HTTP code 500) server error' },
    { err: 'plain', want: 'plain' },
  ])('$want', ({ err, want }) => {
    expect(describeDockerError(err, at)).toBe(want);
  });
});

describe('dockerHint', () => {
  it.each([
    { err: { code: 'EACCES' }, want: /docker group/ },
    { err: { code: 'ENOENT' }, want: /Start Docker/ },
    { err: undefined, want: /reconnects on its own/ },
  ])('$want', ({ err, want }) => {
    expect(dockerHint(err)).toMatch(want);
  });
});
