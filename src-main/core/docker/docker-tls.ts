/**
 * tcp:// engines with TLS: the CA, client certificate and key as the user gave them, checked before any
 * connection (which file is wrong, in words), and every handshake failure named for what it means —
 * which side refused, and which file to change. Verification is always on; nothing here turns it off.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { TlsFiles } from '../../contract';
import type { Explained } from './docker-ssh';

export interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

const errMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Whether the three files make a usable client side: each one parses as what it should be, and the key
 * belongs to the certificate. Null when they do; else which file is wrong and why.
 */
export function checkTlsMaterial(pem: TlsMaterial, files: TlsFiles): Explained | null {
  const fix = 'Choose the files the engine’s administrator issued for this client (ca.pem, cert.pem, key.pem).';
  try {
    createSecureContext({ ca: pem.ca });
    new X509Certificate(pem.ca);
  } catch (err) {
    return { reason: `${files.ca} is not a PEM CA certificate (${errMessage(err)})`, hint: fix };
  }
  try {
    new X509Certificate(pem.cert);
  } catch (err) {
    return { reason: `${files.cert} is not a PEM certificate (${errMessage(err)})`, hint: fix };
  }
  try {
    createPrivateKey(pem.key);
  } catch (err) {
    return { reason: `${files.key} is not a PEM private key (${errMessage(err)})`, hint: fix };
  }
  try {
    createSecureContext({ cert: pem.cert, key: pem.key });
  } catch (err) {
    const mismatch = (err as { code?: unknown }).code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/i.test(errMessage(err));
    return mismatch
      ? { reason: `the key ${files.key} does not belong to the client certificate ${files.cert}`, hint: 'Use the private key that was made with that certificate.' }
      : { reason: `the client certificate ${files.cert} and key ${files.key} cannot be used together (${errMessage(err)})`, hint: fix };
  }
  return null;
}

/** Our side refused the engine's certificate: it does not chain to the CA file. */
const NOT_OUR_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** The engine refused our client certificate (its alert, as OpenSSL names it). */
const ENGINE_REFUSED = /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR|ACCESS_DENIED|CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE)/;

/** Every TLS failure is the connection's, not one call's: the engine cannot be reached as configured. */
export function isTlsFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return false;
  return NOT_OUR_CA.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_') || code === 'EPROTO';
}

/**
 * OpenSSL's own words without its error-stack noise ("806C…:error:0A000418:SSL routines:ssl3_read_bytes:
 * tlsv1 alert unknown ca:../deps/…" → "tlsv1 alert unknown ca"): Node puts them in `reason`.
 */
function opensslWords(e: { reason?: unknown; message?: unknown } | undefined): string {
  if (typeof e?.reason === 'string' && e.reason !== '') return e.reason;
  const message = typeof e?.message === 'string' ? e.message : '';
  const routines = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return (routines?.[1] ?? message).trim();
}

/**
 * What a TLS failure means for this engine and these files; null when the error is not about TLS.
 * `host` is the name the certificate must carry, `endpoint` the address as the user wrote it.
 */
export function explainTlsFailure(err: unknown, files: TlsFiles, host: string, endpoint: string): Explained | null {
  const e = err as { code?: unknown; reason?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = opensslWords(e);
  if (NOT_OUR_CA.has(code)) {
    return {
      reason: `the engine's certificate is not signed by the CA in ${files.ca}`,
      hint: "Use the CA that signed the engine's certificate (the file its dockerd has as --tlscacert), or have the engine's certificate issued by this CA. Verification is never turned off.",
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const why = message;
    return {
      reason: `the engine's certificate is not for ${host} (${why})`,
      hint: "Connect by a name or address the certificate lists, or have it re-issued with this one in its subjectAltName.",
    };
  }
  if (code === 'CERT_HAS_EXPIRED') return { reason: "the engine's certificate has expired", hint: "Renew the engine's certificate (and check this machine's clock)." };
  if (code === 'CERT_NOT_YET_VALID') return { reason: "the engine's certificate is not valid yet", hint: "Check this machine's clock, or wait until the certificate's start date." };
  const alert = ENGINE_REFUSED.exec(code) ?? ENGINE_REFUSED.exec(message.toUpperCase().replace(/[\s:]+/g, '_'));
  if (alert) {
    const what = alert[1] === 'CERTIFICATE_REQUIRED' ? 'wants a client certificate and got none it accepts' : `refused the client certificate ${files.cert}`;
    return {
      reason: `the engine ${what} (${message || code}): it is not signed by a CA the engine trusts`,
      hint: 'Use a client certificate (and its key) issued by the CA the engine trusts (its dockerd --tlscacert).',
    };
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || /wrong version number/i.test(message)) {
    return {
      reason: `the engine at ${endpoint} does not speak TLS there (${message || code})`,
      hint: 'Check the port: 2376 is the usual TLS port, 2375 plain TCP. A plain endpoint is unencrypted; remove the TLS files only if you accept that.',
    };
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_') || code === 'EPROTO') {
    return { reason: `the TLS handshake with ${endpoint} failed (${message || code})`, hint: 'Check the CA, certificate and key files against what the engine was set up with.' };
  }
  return null;
}
