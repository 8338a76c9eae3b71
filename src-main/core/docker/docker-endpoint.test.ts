import { describe, expect, it } from 'vitest';
import { resolveDockerEndpoint } from './docker-endpoint';

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
