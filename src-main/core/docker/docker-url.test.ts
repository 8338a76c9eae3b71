import { describe, expect, it } from 'vitest';
import { hostPort, parseDockerUrl } from './docker-url';

describe('parseDockerUrl', () => {
  it.each([
    { url: 'unix:///var/run/docker.sock', tls: false, want: { scheme: 'unix', socketPath: '/var/run/docker.sock' } },
    { url: ' unix:///run/podman/podman.sock ', tls: false, want: { scheme: 'unix', socketPath: '/run/podman/podman.sock' } },
    { url: 'tcp://10.0.0.5:2375', tls: false, want: { scheme: 'tcp', host: '10.0.0.5', port: 2375 } },
    { url: 'tcp://box.lan', tls: false, want: { scheme: 'tcp', host: 'box.lan', port: 2375 } },
    { url: 'tcp://box.lan', tls: true, want: { scheme: 'tcp', host: 'box.lan', port: 2376 } },
    { url: 'tcp://box.lan/', tls: true, want: { scheme: 'tcp', host: 'box.lan', port: 2376 } },
    { url: 'tcp://[::1]:2376', tls: true, want: { scheme: 'tcp', host: '::1', port: 2376 } },
    { url: 'ssh://me@far', tls: false, want: { scheme: 'ssh', user: 'me', host: 'far', port: null } },
    { url: 'ssh://far:2222', tls: false, want: { scheme: 'ssh', user: null, host: 'far', port: 2222 } },
    { url: 'ssh://ci%2Dbot@10.1.2.3:22', tls: false, want: { scheme: 'ssh', user: 'ci-bot', host: '10.1.2.3', port: 22 } },
  ])('$url (tls $tls)', ({ url, tls, want }) => {
    expect(parseDockerUrl(url, tls)).toEqual({ ok: true, target: want });
  });

  it.each([
    { url: 'unix://', why: /not absolute/ },
    { url: 'unix://relative.sock', why: /not absolute/ },
    { url: 'http://box:2375', why: /http:\/\/ is not an engine address/ },
    { url: 'npipe:////./pipe/docker_engine', why: /npipe:\/\/ is not an engine address/ },
    { url: 'box:2375', why: /box:2375 is not an engine address/ },
    { url: 'tcp://', why: /not an engine address|names no host/ },
    { url: 'tcp://box:2375/v1.41', why: /has a path/ },
    { url: 'tcp://me@box:2375', why: /TLS certificates/ },
    { url: 'ssh://me:secret@far', why: /never uses SSH passwords/ },
    { url: 'ssh://-oProxyCommand=touch%20x@far', why: /ssh would misread/ },
    { url: 'ssh://me@-oProxyCommand=x', why: /ssh would misread|not an engine address/ },
    { url: 'not a url', why: /not an engine address/ },
  ])('refuses $url', ({ url, why }) => {
    const parsed = parseDockerUrl(url, false);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(why);
  });
});

describe('hostPort', () => {
  it.each([
    { host: 'box', port: 22, want: 'box:22' },
    { host: '::1', port: 2376, want: '[::1]:2376' },
  ])('$want', ({ host, port, want }) => {
    expect(hostPort(host, port)).toBe(want);
  });
});
