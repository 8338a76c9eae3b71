/**
 * Which Host and Origin headers browser mode answers. A Host naming anything but an address the server
 * is meant to be reached by is a DNS-rebinding attempt (a hostile page whose name now resolves to us),
 * so the allowlist is explicit: loopback names when the server listens on loopback, the bound address,
 * and whatever `--allow-host` names. A wildcard bind has no address of its own to be reached by, so it
 * needs `--allow-host`.
 */
import { isIP } from 'node:net';

export type BindKind = 'loopback' | 'wildcard' | 'address';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

const unbracket = (name: string): string => (name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name);

export function bindKind(host: string): BindKind {
  const h = unbracket(host.trim().toLowerCase());
  if (h === '' || h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0') return 'wildcard';
  if (h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'))) return 'loopback';
  return 'address';
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Why `--allow-host NAME` is not a name or address, or null when it is. */
export function allowHostProblem(name: string): string | null {
  const h = unbracket(name.trim().toLowerCase());
  if (isIP(h)) return bindKind(h) === 'wildcard' ? `--allow-host ${name}: a wildcard address is not a name clients use` : null;
  if (HOSTNAME.test(h)) return null;
  return `--allow-host ${name}: expected a host name or an IP address (no scheme, no port)`;
}

/** A name as it appears in a Host header: lower case, IPv6 in brackets. */
export function hostLabel(name: string): string {
  const h = unbracket(name.trim().toLowerCase());
  return isIP(h) === 6 ? `[${h}]` : h;
}

/** Every `Host` header value (name:port) the server accepts. */
export function allowedHosts(bind: string, allow: readonly string[], port: number): Set<string> {
  const kind = bindKind(bind);
  const names = [...allow];
  if (kind !== 'wildcard') names.push(bind);
  // A wildcard bind also listens on loopback, and a Host of 127.0.0.1 is never a rebinding page's name.
  if (kind !== 'address') names.push(...LOOPBACK_NAMES);
  const set = new Set<string>();
  for (const name of names) {
    const label = hostLabel(name);
    set.add(`${label}:${port}`);
    if (port === 80) set.add(label);
  }
  return set;
}

export function hostAllowed(hostHeader: unknown, allowed: ReadonlySet<string>): boolean {
  return typeof hostHeader === 'string' && allowed.has(hostHeader.toLowerCase());
}

/** A browser's WebSocket must come from a page served by us: its Origin must name an allowed host. */
export function originAllowed(origin: unknown, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true; // not a browser (no cross-site risk); the token still applies
  if (typeof origin !== 'string') return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowed.has(url.host);
  } catch {
    return false;
  }
}
