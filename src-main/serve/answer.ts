/**
 * Every answer browser mode writes itself: security headers on everything, and short plain-text
 * refusals that never echo a path, a header or an error's own message back to the client.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // The page's own CSP is in its HTML; this one also covers anything served directly, and frame-ancestors
  // only works as a header.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * A short text answer. Clears whatever a file server had set for the representation it did not send;
 * once the headers are out, the only honest thing left is to cut the connection.
 */
export function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const name of res.getHeaderNames()) if (!(name in SECURITY_HEADERS)) res.removeHeader(name);
  setSecurityHeaders(res);
  const body = `${message}\n`;
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...(status >= 400 && status !== 404 && status !== 403 ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(body);
}

export function redirect(res: ServerResponse, status: 303 | 308, location: string, headers: Record<string, string> = {}): void {
  answer(res, status, `See ${location}`, { location, ...headers });
}

/** Refuses a request Node could not parse, or an upgrade, on the raw socket; then closes it. */
export function answerRaw(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`, 'Connection: close', 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'Cache-Control: no-store'];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}
