/**
 * What an engine address (EngineConfig's `url`) means: a unix socket on this machine, a TCP port, or an
 * ssh destination whose own `docker system dial-stdio` we talk through. Pure, so it is tested by table;
 * an address it cannot use is a reason in words, never an exception.
 */

export type DockerTarget =
  | { scheme: 'unix'; socketPath: string }
  | { scheme: 'tcp'; host: string; port: number }
  | { scheme: 'ssh'; user: string | null; host: string; port: number | null };

export type ParsedUrl = { ok: true; target: DockerTarget } | { ok: false; reason: string };

const SHAPES = 'unix:///path/to.sock, tcp://host:port or ssh://user@host[:port]';

/** Docker's own defaults: 2376 where TLS is used, 2375 where not. */
export const defaultTcpPort = (tls: boolean): number => (tls ? 2376 : 2375);

/**
 * Host and user names go to ssh as arguments: one that starts with '-' would be read as an option
 * (`ssh://-oProxyCommand=…`), and control characters or spaces are never part of a real one.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_NAME = /^-|[\s\0-\x1f\x7f]/;

export function parseDockerUrl(url: string, tls: boolean): ParsedUrl {
  const text = url.trim();
  const bad = (why: string): ParsedUrl => ({ ok: false, reason: `${why} (use ${SHAPES})` });
  if (text.startsWith('unix://')) {
    const socketPath = text.slice('unix://'.length);
    if (!socketPath.startsWith('/')) return bad(`the socket path in ${text} is not absolute`);
    return { ok: true, target: { scheme: 'unix', socketPath } };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (!scheme) return bad(`${text} is not an engine address`);
  if (scheme !== 'tcp' && scheme !== 'ssh') return bad(`${scheme}:// is not an engine address Neighborhood speaks`);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return bad(`${text} is not an engine address`);
  }
  // Non-special schemes keep IPv6 brackets in `hostname`; sockets want the bare address.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return bad(`${text} names no host`);
  if (parsed.pathname !== '' && parsed.pathname !== '/') return bad(`${text} has a path; an engine address has none`);
  const port = parsed.port === '' ? null : Number(parsed.port);
  switch (parsed.protocol) {
    case 'tcp:':
      if (parsed.username || parsed.password) return bad(`${text} carries a user name; tcp:// addresses are authenticated by TLS certificates`);
      return { ok: true, target: { scheme: 'tcp', host, port: port ?? defaultTcpPort(tls) } };
    case 'ssh:': {
      if (parsed.password) return { ok: false, reason: `${text} carries a password; Neighborhood never uses SSH passwords: use a key (your ssh-agent, ~/.ssh/config or an identity file)` };
      const user = parsed.username === '' ? null : decodeURIComponent(parsed.username);
      if (UNSAFE_NAME.test(host) || (user !== null && UNSAFE_NAME.test(user))) return bad(`${text} has a host or user name ssh would misread`);
      return { ok: true, target: { scheme: 'ssh', user, host, port } };
    }
    default:
      return bad(`${scheme}:// is not an engine address Neighborhood speaks`);
  }
}

/** host:port as people write it (IPv6 in brackets). */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
