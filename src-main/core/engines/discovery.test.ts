import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { discoverEngines, libvirtCandidates, normalizeDockerUrl, type MachineFacts } from './discovery';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function machine(files: Record<string, string> = {}, env: Record<string, string | undefined> = {}, uid = 1000): MachineFacts {
  return {
    env,
    home: '/home/ann',
    uid,
    readText: (p) => files[p] ?? null,
    exists: (p) => p in files,
  };
}

const LIBVIRT = { kind: 'libvirt', name: 'libvirt', uri: 'qemu:///system' };

describe('discoverEngines', () => {
  it.each([
    { name: 'nothing set: the system socket and libvirt', m: machine(), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, LIBVIRT] },
    { name: 'Docker Desktop’s user socket', m: machine({ '/home/ann/.docker/run/docker.sock': '' }), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///home/ann/.docker/run/docker.sock' }, LIBVIRT] },
    { name: 'DOCKER_HOST over tcp without certificates', m: machine({}, { DOCKER_HOST: 'tcp://10.0.0.5:2375' }), want: [{ kind: 'docker', name: 'Docker', url: 'tcp://10.0.0.5:2375' }, LIBVIRT] },
    {
      name: 'DOCKER_HOST with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH',
      m: machine({ '/certs/ca.pem': '', '/certs/cert.pem': '', '/certs/key.pem': '' }, { DOCKER_HOST: 'tcp://far:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' }),
      want: [{ kind: 'docker', name: 'Docker', url: 'tcp://far:2376', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } }, LIBVIRT],
    },
    { name: 'DOCKER_HOST over ssh', m: machine({}, { DOCKER_HOST: 'ssh://me@far' }), want: [{ kind: 'docker', name: 'Docker', url: 'ssh://me@far' }, LIBVIRT] },
    {
      name: 'the current Docker context, with its TLS material',
      m: machine({
        '/home/ann/.docker/config.json': JSON.stringify({ currentContext: 'lab' }),
        [`/home/ann/.docker/contexts/meta/${sha('lab')}/meta.json`]: JSON.stringify({ Name: 'lab', Endpoints: { docker: { Host: 'tcp://lab:2376', SkipTLSVerify: false } } }),
        [`/home/ann/.docker/contexts/tls/${sha('lab')}/docker/ca.pem`]: '',
        [`/home/ann/.docker/contexts/tls/${sha('lab')}/docker/cert.pem`]: '',
        [`/home/ann/.docker/contexts/tls/${sha('lab')}/docker/key.pem`]: '',
      }),
      want: [
        {
          kind: 'docker',
          name: 'Docker (lab)',
          url: 'tcp://lab:2376',
          tls: { ca: `/home/ann/.docker/contexts/tls/${sha('lab')}/docker/ca.pem`, cert: `/home/ann/.docker/contexts/tls/${sha('lab')}/docker/cert.pem`, key: `/home/ann/.docker/contexts/tls/${sha('lab')}/docker/key.pem` },
        },
        LIBVIRT,
      ],
    },
    { name: 'the "default" context is the default socket', m: machine({ '/home/ann/.docker/config.json': '{"currentContext":"default"}' }), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, LIBVIRT] },
    { name: 'a damaged config.json is ignored', m: machine({ '/home/ann/.docker/config.json': '{{{' }), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, LIBVIRT] },
    {
      name: 'rootful and rootless Podman where their sockets exist',
      m: machine({ '/run/podman/podman.sock': '', '/run/user/1000/podman/podman.sock': '' }),
      want: [
        { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' },
        { kind: 'podman', name: 'Podman', url: 'unix:///run/podman/podman.sock' },
        { kind: 'podman', name: 'Podman (rootless)', url: 'unix:///run/user/1000/podman/podman.sock' },
        LIBVIRT,
      ],
    },
    { name: 'root has no rootless Podman', m: machine({ '/run/podman/podman.sock': '' }, {}, 0), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, { kind: 'podman', name: 'Podman', url: 'unix:///run/podman/podman.sock' }, LIBVIRT] },
    { name: 'DOCKER_HOST at Podman’s socket is one engine', m: machine({ '/run/podman/podman.sock': '' }, { DOCKER_HOST: 'unix:///run/podman/podman.sock' }), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///run/podman/podman.sock' }, LIBVIRT] },
    { name: 'LIBVIRT_DEFAULT_URI', m: machine({}, { LIBVIRT_DEFAULT_URI: 'qemu+ssh://root@far/system' }), want: [{ kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, { kind: 'libvirt', name: 'libvirt', uri: 'qemu+ssh://root@far/system' }] },
  ])('$name', ({ m, want }) => {
    expect(discoverEngines(m)).toEqual(want);
  });
});

describe('libvirtCandidates', () => {
  it.each([
    { uid: 1000, env: {}, session: true },
    { uid: 0, env: {}, session: false },
    { uid: 1000, env: { LIBVIRT_DEFAULT_URI: 'qemu:///session' }, session: false },
  ])('uid $uid $env → session $session', ({ uid, env, session }) => {
    expect(libvirtCandidates(machine({}, env, uid)).session !== null).toBe(session);
  });
});

describe('normalizeDockerUrl', () => {
  it.each([
    ['unix:///x.sock', 'unix:///x.sock'],
    ['/x.sock', 'unix:///x.sock'],
    ['tcp://h:1', 'tcp://h:1'],
    ['h:2375', 'tcp://h:2375'],
    ['ssh://u@h', 'ssh://u@h'],
  ])('%s → %s', (a, b) => {
    expect(normalizeDockerUrl(a)).toBe(b);
  });
});
