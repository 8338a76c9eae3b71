/**
 * Browser mode demands a token on every HTTP request and WebSocket. The printed address carries it as
 * `?token=…`; the server answers with a redirect to the app's per-instance path prefix and an HttpOnly,
 * SameSite=Strict cookie scoped to that prefix. Cookies ignore ports, so a `Path=/` cookie on 127.0.0.1
 * would reach every other local web server the user opens; one scoped to a path derived from the token
 * reaches only this instance.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'neighborhood_token';

/** URL- and cookie-safe without encoding, and long enough not to be guessed. */
const TOKEN_SHAPE = /^[A-Za-z0-9._~-]{16,256}$/;

export const newToken = (): string => randomBytes(24).toString('base64url');

/** Why a given token cannot be used, or null when it can. */
export function tokenProblem(token: string): string | null {
  if (token.length < 16) return 'the token must be at least 16 characters';
  if (token.length > 256) return 'the token must be at most 256 characters';
  if (!TOKEN_SHAPE.test(token)) return 'the token may contain only letters, digits and . _ ~ - (it travels in a URL and a cookie)';
  return null;
}

/** `/<16 chars>/`: where this instance's app lives. Derived one-way, so it reveals nothing of the token. */
export function pathPrefix(token: string): string {
  const digest = createHash('sha256').update(`neighborhood-path:${token}`).digest('base64url');
  return `/${digest.slice(0, 16)}/`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The first cookie of that name in a Cookie header; null when absent. Never throws. */
export function cookieValue(header: unknown, name: string): string | null {
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Where the request's token came from, or null when it has none or a wrong one. */
export function presentedToken(query: URLSearchParams, cookieHeader: unknown, token: string): 'query' | 'cookie' | null {
  const fromQuery = query.get('token');
  if (fromQuery !== null && sameSecret(fromQuery, token)) return 'query';
  const fromCookie = cookieValue(cookieHeader, TOKEN_COOKIE);
  if (fromCookie !== null && sameSecret(fromCookie, token)) return 'cookie';
  return null;
}

export const tokenCookie = (token: string, prefix: string): string => `${TOKEN_COOKIE}=${token}; Path=${prefix}; HttpOnly; SameSite=Strict`;
