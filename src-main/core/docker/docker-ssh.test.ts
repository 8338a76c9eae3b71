import { describe, expect, it } from 'vitest';
import { explainSshFailure, explainSshSpawnFailure, sshArgs, sshCommandFor, type SshTarget } from './docker-ssh';

const far: SshTarget = { user: 'me', host: 'far', port: 2222 };
const plain: SshTarget = { user: null, host: 'box.lan', port: null };

describe('sshArgs', () => {
  const base = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'StrictHostKeyChecking=yes', '-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-T'];
  it.each([
    { name: 'host only: the user’s ssh config decides the rest', target: plain, options: null, engine: 'docker' as const, want: [...base, '--', 'box.lan', 'docker', 'system', 'dial-stdio'] },
    {
      name: 'user, port, key and known_hosts',
      target: far,
      options: { identityFile: '/k/id', knownHostsFile: '/k/known' },
      engine: 'docker' as const,
      want: [...base, '-p', '2222', '-l', 'me', '-i', '/k/id', '-o', 'IdentitiesOnly=yes', '-o', 'UserKnownHostsFile=/k/known', '--', 'far', 'docker', 'system', 'dial-stdio'],
    },
    { name: 'Podman', target: plain, options: {}, engine: 'podman' as const, want: [...base, '--', 'box.lan', 'podman', 'system', 'dial-stdio'] },
    {
      name: 'a known_hosts path with a space stays one path',
      target: plain,
      options: { knownHostsFile: '/My Keys/known' },
      engine: 'docker' as const,
      want: [...base, '-o', 'UserKnownHostsFile="/My Keys/known"', '--', 'box.lan', 'docker', 'system', 'dial-stdio'],
    },
  ])('$name', ({ target, options, engine, want }) => {
    expect(sshArgs(target, options, engine)).toEqual(want);
  });

  it('always refuses unknown and changed host keys, whatever ~/.ssh/config says', () => {
    expect(sshArgs(plain, null, 'docker').join(' ')).toContain('StrictHostKeyChecking=yes');
  });
});

describe('sshCommandFor', () => {
  it.each([
    { target: far, options: null, want: 'ssh -p 2222 me@far' },
    { target: plain, options: { identityFile: "/k/it's", knownHostsFile: '/k/known' }, want: "ssh -o UserKnownHostsFile=/k/known -i '/k/it'\\''s' box.lan" },
  ])('$want', ({ target, options, want }) => {
    expect(sshCommandFor(target, options)).toBe(want);
  });
});

describe('explainSshFailure', () => {
  const fail = { code: 255, signal: null };
  const unknown = 'No ED25519 host key is known for [far]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n';
  const changed = [
    '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@',
    '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
    'The fingerprint for the ED25519 key sent by the remote host is',
    'SHA256:vCgD6It2LQy2FIAeV2TC051pE/pv2/pbmMMZ/axjWPQ.',
    'Offending ED25519 key in /home/me/.ssh/known_hosts:7',
    'Host key for [far]:2222 has changed and you have requested strict checking.',
    'Host key verification failed.',
  ].join('\n');
  it.each([
    {
      name: 'unknown host key',
      stderr: unknown,
      exit: fail,
      options: { knownHostsFile: '/k/known' },
      reason: /host key of \[far\]:2222 is not known \(not in \/k\/known\); refused/,
      hint: /run `ssh -o UserKnownHostsFile=\/k\/known -p 2222 me@far` .* check the fingerprint .* before answering yes.*ssh-keyscan -p 2222 far >> \/k\/known.*never accepts a host key/,
    },
    {
      name: 'changed host key',
      stderr: changed,
      exit: fail,
      options: null,
      reason: /host key of \[far\]:2222 has changed since it was recorded in \/home\/me\/.ssh\/known_hosts line 7; refused/,
      hint: /SHA256:vCgD6It2LQy2FIAeV2TC051pE\/pv2\/pbmMMZ\/axjWPQ.*ssh-keygen -f \/home\/me\/.ssh\/known_hosts -R '\[far\]:2222'/,
    },
    {
      name: 'key refused',
      stderr: 'me@far: Permission denied (publickey).\r\n',
      exit: fail,
      options: { identityFile: '/k/id' },
      reason: /refused me with the key \/k\/id \(Permission denied \(publickey\)\)/,
      hint: /authorized_keys on far.*BatchMode/,
    },
    {
      name: 'identity file missing',
      stderr: 'Warning: Identity file /k/gone not accessible: No such file or directory.\nme@far: Permission denied (publickey).\n',
      exit: fail,
      options: { identityFile: '/k/gone' },
      reason: /identity file \/k\/gone cannot be read \(No such file or directory\)/,
      hint: /private key file/,
    },
    { name: 'sshd not listening', stderr: 'ssh: connect to host far port 2222: Connection refused\r\n', exit: fail, options: null, reason: /connection refused at ssh:\/\/me@far:2222/, hint: /Is sshd running on far and listening on port 2222/ },
    { name: 'connection cut', stderr: 'Connection to far closed by remote host.\r\n', exit: fail, options: null, reason: /SSH connection to me@far:2222 was cut \(Connection to far closed by remote host.\)/, hint: /reconnects/ },
    { name: 'name unknown', stderr: 'ssh: Could not resolve hostname far: Name or service not known\r\n', exit: fail, options: null, reason: /host name far could not be resolved \(Name or service not known\)/, hint: /Check the host name/ },
    { name: 'no route', stderr: 'ssh: connect to host far port 2222: Connection timed out\r\n', exit: fail, options: null, reason: /no answer from me@far:2222 over SSH/, hint: /reachable/ },
    { name: 'no docker there', stderr: 'bash: docker: command not found\n', exit: { code: 127, signal: null }, options: null, reason: /docker is not installed on far/, hint: /Install Docker on far/ },
    {
      name: 'docker group',
      stderr: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied\n',
      exit: { code: 1, signal: null },
      options: null,
      reason: /me may not use Docker on far/,
      hint: /docker group on far/,
    },
    {
      name: 'dockerd down there',
      stderr: 'failed to open the raw stream connection: dial unix /var/run/docker.sock: connect: no such file or directory\n',
      exit: { code: 1, signal: null },
      options: null,
      reason: /Docker is not running on far \(failed to open the raw stream connection/,
      hint: /Start Docker on far/,
    },
    { name: 'something else', stderr: 'Bad owner or permissions on /home/me/.ssh/config\r\n', exit: fail, options: null, reason: /ssh to me@far:2222 exited with code 255: Bad owner or permissions on \/home\/me\/.ssh\/config/, hint: /in a terminal/ },
    { name: 'killed', stderr: '', exit: { code: null, signal: 'SIGKILL' }, options: null, reason: /ssh to me@far:2222 was ended by SIGKILL$/, hint: /retries/ },
  ])('$name', ({ stderr, exit, options, reason, hint }) => {
    const why = explainSshFailure(stderr, exit, far, options, 'docker');
    expect(why.reason).toMatch(reason);
    expect(why.hint).toMatch(hint);
  });

  it('speaks of Podman for a Podman engine', () => {
    const why = explainSshFailure('bash: podman: command not found\n', { code: 127, signal: null }, far, null, 'podman');
    expect(why.reason).toMatch(/podman is not installed on far/);
    expect(why.hint).toMatch(/Install Podman/);
  });
});

describe('explainSshSpawnFailure', () => {
  it.each([
    { err: Object.assign(new Error('spawn ssh ENOENT'), { code: 'ENOENT' }), want: /ssh is not installed here/ },
    { err: new Error('spawn ssh EAGAIN'), want: /ssh could not be started here \(spawn ssh EAGAIN\)/ },
  ])('$want', ({ err, want }) => {
    expect(explainSshSpawnFailure(err).reason).toMatch(want);
  });
});
