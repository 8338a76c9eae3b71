/**
 * Browser mode demands a token on every HTTP request and WebSocket. The page is opened with
 * `?token=…`; the server answers with an HttpOnly, SameSite=Strict cookie so the page's own assets and
 * its WebSocket carry the token without it living in script-readable storage.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'neighborhood_token';

export const newToken = (): string => randomBytes(24).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** Where the request's token came from, or null when it has none or a wrong one. */
export function presentedToken(req: Pick<IncomingMessage, 'url' | 'headers'>, token: string): 'query' | 'cookie' | null {
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
  if (query !== null && sameSecret(query, token)) return 'query';
  const cookie = cookieValue(req.headers.cookie, TOKEN_COOKIE);
  if (cookie !== null && sameSecret(cookie, token)) return 'cookie';
  return null;
}

export const tokenCookie = (token: string): string => `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

/**
 * A Host header naming anything but the address we serve on is a DNS-rebinding attempt: a hostile page
 * whose name now resolves to 127.0.0.1. Only our own address (and localhost names on loopback) pass.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string, port: number): boolean {
  if (!hostHeader) return false;
  const allowed = new Set([`${boundHost}:${port}`]);
  if (boundHost === '127.0.0.1' || boundHost === '::1' || boundHost === 'localhost') {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) allowed.add(`${name}:${port}`);
  }
  if (boundHost.includes(':')) allowed.add(`[${boundHost}]:${port}`);
  return allowed.has(hostHeader.toLowerCase());
}

/** A browser's WebSocket must come from our own page: its Origin must name our address. */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin) return true; // not a browser (no cross-site risk); the token still applies
  try {
    return new URL(origin).host === hostHeader?.toLowerCase();
  } catch {
    return false;
  }
}
