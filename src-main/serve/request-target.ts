/**
 * The request target (the path and query of a request line) is outside input: parse it here, once,
 * without throwing, so the one function that owns the answer can refuse it with a 4xx. Anything an
 * honest browser would not send for this app (`//`, `/%zz`, `..`, absolute-form, a megabyte of path)
 * is refused rather than normalised.
 */

/** Longer targets are refused with 414; the app's own URLs are well under 200 characters. */
export const MAX_TARGET_LENGTH = 2048;

export type Target =
  | { ok: true; /** Still percent-encoded; starts with `/`; no empty, `.` or `..` segments. */ path: string; query: URLSearchParams }
  | { ok: false; status: 400 | 414; reason: string };

// RFC 3986 pchar plus '/': unreserved, sub-delims, ':', '@' and percent-escapes.
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

const bad = (reason: string): Target => ({ ok: false, status: 400, reason });

export function parseTarget(raw: unknown): Target {
  if (typeof raw !== 'string' || raw.length === 0) return bad('Bad request: no path');
  if (raw.length > MAX_TARGET_LENGTH) return { ok: false, status: 414, reason: 'URI too long' };
  if (raw[0] !== '/') return bad('Bad request: the path must start with /');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  if (path.includes('//')) return bad('Bad request: empty path segment');
  if (!PATH_CHARS.test(path)) return bad('Bad request: invalid character in path');
  if (/[^\x21-\x7e]/.test(query) || query.includes('#')) return bad('Bad request: invalid character in query');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return bad('Bad request: malformed percent-encoding');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return bad('Bad request: invalid character in path');
  // Decoding may reveal segments (`%2F..%2F`) the raw check could not see.
  const segments = decoded.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) return bad('Bad request: dot or empty path segment');
  return { ok: true, path, query: new URLSearchParams(query) };
}
