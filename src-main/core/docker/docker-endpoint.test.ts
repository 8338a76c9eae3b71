import { describe, expect, it } from 'vitest';
import { configFromEndpoint, resolveDockerEndpoint } from './docker-endpoint';

describe('resolveDockerEndpoint', () => {
  it.each([
    { name: 'nothing set', host: undefined, user: null, want: { local: true, socketPath: '/var/run/docker.sock' } },
    { name: 'Docker Desktop user socket', host: undefined, user: '/home/a/.docker/run/docker.sock', want: { local: true, socketPath: '/home/a/.docker/run/docker.sock' } },
    { name: 'empty DOCKER_HOST', host: '', user: null, want: { local: true, socketPath: '/var/run/docker.sock' } },
    { name: 'unix socket', host: 'unix:///run/user/1000/podman/podman.sock', user: null, want: { local: true, socketPath: '/run/user/1000/podman/podman.sock' } },
    { name: 'unix:// without a path', host: 'unix://', user: null, want: { local: true, socketPath: '/var/run/docker.sock' } },
    { name: 'tcp', host: 'tcp://10.0.0.5:2375', user: null, want: { local: false, url: 'tcp://10.0.0.5:2375' } },
    { name: 'bare host:port', host: '10.0.0.5:2375', user: null, want: { local: false, url: 'tcp://10.0.0.5:2375' } },
    { name: 'ssh', host: 'ssh://me@far', user: null, want: { local: false, url: 'ssh://me@far' } },
  ])('$name', ({ host, user, want }) => {
    expect(resolveDockerEndpoint(host, user)).toEqual(want);
  });
});

describe('configFromEndpoint', () => {
  const home = '/home/a';
  it.each([
    { name: 'local socket keeps its path as the name', endpoint: { local: true as const, socketPath: '/var/run/docker.sock' }, env: {}, want: { config: { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, label: '/var/run/docker.sock' } },
    { name: 'plain tcp', endpoint: { local: false as const, url: 'tcp://box:2375' }, env: {}, want: { config: { kind: 'docker', name: 'Docker', url: 'tcp://box:2375' }, label: 'tcp://box:2375' } },
    {
      name: 'DOCKER_TLS_VERIFY: files in ~/.docker',
      endpoint: { local: false as const, url: 'tcp://box:2376' },
      env: { DOCKER_TLS_VERIFY: '1' },
      want: { config: { kind: 'docker', name: 'Docker', url: 'tcp://box:2376', tls: { ca: '/home/a/.docker/ca.pem', cert: '/home/a/.docker/cert.pem', key: '/home/a/.docker/key.pem' } }, label: 'tcp://box:2376' },
    },
    {
      name: 'DOCKER_CERT_PATH',
      endpoint: { local: false as const, url: 'tcp://box:2376' },
      env: { DOCKER_CERT_PATH: '/certs' },
      want: { config: { kind: 'docker', name: 'Docker', url: 'tcp://box:2376', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } }, label: 'tcp://box:2376' },
    },
    { name: 'ssh ignores TLS variables', endpoint: { local: false as const, url: 'ssh://me@far' }, env: { DOCKER_TLS_VERIFY: '1' }, want: { config: { kind: 'docker', name: 'Docker', url: 'ssh://me@far' }, label: 'ssh://me@far' } },
  ])('$name', ({ endpoint, env, want }) => {
    expect(configFromEndpoint(endpoint, env, home)).toEqual(want);
  });
});
