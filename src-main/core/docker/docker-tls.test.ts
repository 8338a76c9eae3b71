import { describe, expect, it } from 'vitest';
import { explainTlsFailure, isTlsFailure } from './docker-tls';

const files = { ca: '/t/ca.pem', cert: '/t/cert.pem', key: '/t/key.pem' };
const opensslAlert = Object.assign(new Error('806C…:error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 48\n'), {
  code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  reason: 'tlsv1 alert unknown ca',
});

describe('explainTlsFailure', () => {
  it.each([
    { name: 'engine certificate from another CA', err: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, reason: "the engine's certificate is not signed by the CA in /t/ca.pem", hint: /never turned off/ },
    { name: 'self-signed engine certificate', err: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, reason: "the engine's certificate is not signed by the CA in /t/ca.pem", hint: /--tlscacert/ },
    {
      name: 'certificate for another name',
      err: { code: 'ERR_TLS_CERT_ALTNAME_INVALID', reason: "Host: box.lan. is not in the cert's altnames: IP Address:127.0.0.1", message: 'x' },
      reason: "the engine's certificate is not for box.lan (Host: box.lan. is not in the cert's altnames: IP Address:127.0.0.1)",
      hint: /subjectAltName/,
    },
    { name: 'expired', err: { code: 'CERT_HAS_EXPIRED' }, reason: "the engine's certificate has expired", hint: /clock/ },
    { name: 'engine refuses our certificate', err: opensslAlert, reason: 'the engine refused the client certificate /t/cert.pem (tlsv1 alert unknown ca): it is not signed by a CA the engine trusts', hint: /issued by the CA the engine trusts/ },
    { name: 'engine wants a certificate', err: { code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', message: 'tlsv13 alert certificate required' }, reason: /wants a client certificate/, hint: /client certificate/ },
    { name: 'plain port', err: { code: 'EPROTO', message: 'write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl3_record.c:350:\n' }, reason: 'the engine at tcp://box.lan:2376 does not speak TLS there (wrong version number)', hint: /2375 plain TCP/ },
    { name: 'other handshake failure', err: { code: 'ERR_SSL_NO_CIPHERS_AVAILABLE', message: 'no ciphers available' }, reason: 'the TLS handshake with tcp://box.lan:2376 failed (no ciphers available)', hint: /CA, certificate and key/ },
  ])('$name', ({ err, reason, hint }) => {
    const why = explainTlsFailure(err, files, 'box.lan', 'tcp://box.lan:2376');
    expect(why?.reason).toMatch(reason);
    expect(why?.hint).toMatch(hint);
  });

  it.each([{ code: 'ECONNREFUSED' }, { name: 'TimeoutError' }, undefined, new Error('socket hang up')])('not about TLS: %o', (err) => {
    expect(explainTlsFailure(err, files, 'box.lan', 'tcp://box.lan:2376')).toBeNull();
  });
});

describe('isTlsFailure', () => {
  it.each([
    { err: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, want: true },
    { err: opensslAlert, want: true },
    { err: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, want: true },
    { err: { code: 'EPROTO' }, want: true },
    { err: { code: 'ECONNRESET' }, want: false },
    { err: { statusCode: 500 }, want: false },
  ])('$err.code → $want', ({ err, want }) => {
    expect(isTlsFailure(err)).toBe(want);
  });
});
