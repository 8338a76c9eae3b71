import { describe, expect, it } from 'vitest';
import { describeDockerError, dockerHint, hostFactsFromInfo, isConnectionLoss } from './docker-host';

describe('hostFactsFromInfo', () => {
  it('reads identity and capacity', () => {
    expect(hostFactsFromInfo({ Name: 'box', NCPU: 2, MemTotal: 25_000_000_000, KernelVersion: '6.1.0-18-amd64', OperatingSystem: 'Debian GNU/Linux 12' }, true)).toEqual({
      hostname: 'box', cpus: 2, memoryBytes: 25_000_000_000, kernel: '6.1.0-18-amd64', os: 'Debian GNU/Linux 12', local: true,
    });
  });
  it('a remote engine (tcp://, ssh://) says so, so it stands on a street of its own', () => {
    expect(hostFactsFromInfo({ Name: 'nbh-lab-far', NCPU: 2, MemTotal: 8_000_000_000, KernelVersion: '6.1.0' }, false)).toMatchObject({ hostname: 'nbh-lab-far', local: false });
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
  it('names Podman for a Podman engine', () => {
    expect(describeDockerError({ code: 'ENOENT' }, '/run/podman/podman.sock', 'Podman')).toBe('no Podman socket at /run/podman/podman.sock');
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

describe('isConnectionLoss', () => {
  it.each([
    { name: 'list refused', err: { code: 'ECONNREFUSED' }, call: 'liveness', want: true },
    { name: 'list answered 500', err: { statusCode: 500, message: '(HTTP code 500) server error' }, call: 'liveness', want: true },
    { name: 'ping timed out', err: { name: 'TimeoutError' }, call: 'liveness', want: true },
    { name: "one container's stats timed out", err: { name: 'TimeoutError' }, call: 'tenant', want: false },
    { name: "one container's stats answered 500", err: { statusCode: 500 }, call: 'tenant', want: false },
    { name: 'inspect of a removed container', err: { statusCode: 404 }, call: 'tenant', want: false },
    { name: 'stats call refused: dockerd is gone', err: { code: 'ECONNREFUSED' }, call: 'tenant', want: true },
    { name: 'socket reset mid-answer', err: { code: 'ECONNRESET' }, call: 'tenant', want: true },
    { name: 'socket hang up', err: new Error('socket hang up'), call: 'tenant', want: true },
    { name: 'nothing useful', err: undefined, call: 'tenant', want: false },
    { name: "ssh child ended (its reason in words)", err: { code: 'EDIAL', reason: 'x', hint: 'y' }, call: 'tenant', want: true },
    { name: 'TLS handshake refused mid-session', err: { code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' }, call: 'tenant', want: true },
  ] as const)('$name → $want', ({ err, call, want }) => {
    expect(isConnectionLoss(err, call)).toBe(want);
  });
});
