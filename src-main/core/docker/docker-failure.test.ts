import { describe, expect, it } from 'vitest';
import { DockerDialError, explainDockerFailure, UNENCRYPTED, type FailureContext } from './docker-failure';

const unix: FailureContext = { kind: 'docker', endpoint: '/var/run/docker.sock', scheme: 'unix', host: null, tls: null };
const podman: FailureContext = { kind: 'podman', endpoint: 'unix:///run/podman/podman.sock', scheme: 'unix', host: null, tls: null };
const plainTcp: FailureContext = { kind: 'docker', endpoint: 'tcp://box:2375', scheme: 'tcp', host: 'box', tls: null };
const tlsTcp: FailureContext = { ...plainTcp, endpoint: 'tcp://box:2376', tls: { ca: '/t/ca.pem', cert: '/t/cert.pem', key: '/t/key.pem' } };

describe('explainDockerFailure', () => {
  it.each([
    { name: 'a reason already in words', err: new DockerDialError('the TLS CA file /t/ca.pem cannot be read (no such file)', 'Check the CA path.'), ctx: tlsTcp, reason: /^the TLS CA file \/t\/ca.pem cannot be read/, hint: /^Check the CA path\.$/ },
    { name: 'local socket missing', err: { code: 'ENOENT' }, ctx: unix, reason: /^no Docker socket at \/var\/run\/docker.sock$/, hint: /Start Docker/ },
    { name: 'local socket forbidden', err: { code: 'EACCES' }, ctx: unix, reason: /permission denied/, hint: /docker group/ },
    { name: 'Podman socket missing', err: { code: 'ENOENT' }, ctx: podman, reason: /^no Podman socket at/, hint: /Start Podman's service/ },
    { name: 'Podman too slow', err: { name: 'TimeoutError' }, ctx: podman, reason: /^Podman did not answer at .* in time$/, hint: /Podman/ },
    { name: 'remote refused, unencrypted', err: { code: 'ECONNREFUSED' }, ctx: plainTcp, reason: /^connection refused at tcp:\/\/box:2375$/, hint: /listens at tcp:\/\/box:2375.*unencrypted/ },
    { name: 'remote refused, TLS', err: { code: 'ECONNREFUSED' }, ctx: tlsTcp, reason: /^connection refused at tcp:\/\/box:2376$/, hint: /^(?!.*unencrypted)/ },
    { name: 'TLS: wrong CA', err: { code: 'SELF_SIGNED_CERT_IN_CHAIN' }, ctx: tlsTcp, reason: /not signed by the CA in \/t\/ca.pem/, hint: /--tlscacert/ },
  ])('$name', ({ err, ctx, reason, hint }) => {
    const why = explainDockerFailure(err, ctx);
    expect(why.reason).toMatch(reason);
    expect(why.hint).toMatch(hint);
  });

  it('says plainly that plain TCP is unencrypted', () => {
    expect(UNENCRYPTED).toMatch(/unencrypted/);
    expect(UNENCRYPTED).toMatch(/read and change/);
  });
});
