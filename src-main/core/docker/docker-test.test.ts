import { describe, expect, it } from 'vitest';
import { describeCapacity, testDockerConfig } from './docker-test';

describe('describeCapacity', () => {
  it.each([
    { cpus: 2, bytes: 8 * 1024 ** 3, want: '2 CPUs, 8 GiB' },
    { cpus: 1, bytes: 1.5 * 1024 ** 3, want: '1 CPU, 1.5 GiB' },
    { cpus: 64, bytes: 251.6 * 1024 ** 3, want: '64 CPUs, 252 GiB' },
  ])('$want', ({ cpus, bytes, want }) => {
    expect(describeCapacity(cpus, bytes)).toBe(want);
  });
});

describe('testDockerConfig without an engine', () => {
  it('says why an address is not one', async () => {
    expect(await testDockerConfig({ kind: 'docker', name: 'x', url: 'http://box:2375' })).toEqual({ ok: false, message: expect.stringMatching(/^http:\/\/ is not an engine address/), version: null, host: null });
  });
  it('names a TLS file it cannot read', async () => {
    const r = await testDockerConfig({ kind: 'docker', name: 'x', url: 'tcp://127.0.0.1:1', tls: { ca: '/nonexistent/ca.pem', cert: '/nonexistent/cert.pem', key: '/nonexistent/key.pem' } });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/the TLS CA file \/nonexistent\/ca.pem cannot be read \(no such file\)/) });
  });
  it('says where nothing listens', async () => {
    const r = await testDockerConfig({ kind: 'podman', name: 'x', url: 'unix:///nonexistent/podman.sock' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^no Podman socket at unix:\/\/\/nonexistent\/podman.sock\. Start Podman's service/) });
  });
});
