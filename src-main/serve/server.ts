/**
 * Browser mode: the built renderer over HTTP and the contract over WebSockets, under a per-instance
 * path prefix (see http-handler.ts for the layout). Every request and upgrade must name an allowed Host
 * and present the token; upgrades also an allowed Origin. Everything outside input can exhaust is
 * capped: open connections, header and request time, WebSocket sessions, message size, invokes in
 * flight and bytes queued per socket, and a dead peer is dropped by ping/pong.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Api } from '../core/api';
import { answerRaw } from './answer';
import { allowedHosts, bindKind, hostAllowed, hostLabel, originAllowed } from './hosts';
import { createRequestHandler } from './http-handler';
import { parseTarget } from './request-target';
import { staticFiles } from './static-files';
import { pathPrefix, presentedToken } from './token';
import { Wire } from './wire';
import { attachSession, type Session } from './ws-session';

export interface Limits {
  /** WebSocket sessions at once; the next upgrade gets 503. */
  maxSessions: number;
  /** Unanswered invokes per socket; one more closes it with 1008. */
  maxInFlight: number;
  /** Largest WebSocket message; ws closes a larger one with 1009. */
  maxMessageBytes: number;
  /** Unsent bytes past which a socket is behind: frames are skipped, results wait. */
  softBufferedBytes: number;
  /** Unsent bytes past which a socket with something due is closed (1008 "not reading"). */
  hardBufferedBytes: number;
  pingIntervalMs: number;
  /** Open TCP connections (HTTP, upgrades, WebSockets); Node drops the ones past it. */
  maxConnections: number;
  /** A request must send its headers within this, and be complete within requestTimeoutMs. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** An HTTP connection with no traffic either way for this long is closed (a reader that stopped reading). */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSessions: 32,
  maxInFlight: 16,
  maxMessageBytes: 64 * 1024,
  softBufferedBytes: 1024 * 1024,
  hardBufferedBytes: 16 * 1024 * 1024,
  pingIntervalMs: 15_000,
  maxConnections: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
};

export interface ServeOptions {
  api: Api;
  /** Directory of the built renderer (out/renderer). */
  rendererDir: string;
  /** Address to listen on. */
  host: string;
  /** More names the server may be reached by (Host/Origin allowlist); required for a wildcard host. */
  allowHosts: readonly string[];
  port: number;
  token: string;
  limits?: Partial<Limits>;
  log?: (message: string) => void;
}

export interface RunningServer {
  /** The address to print: `http://HOST:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  /** `/<16 chars>/`: where the app lives; the WebSocket is at `${prefix}ws`. */
  prefix: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((message: string) => console.error(`neighborhood: ${message}`));
  const prefix = pathPrefix(options.token);
  const wsPath = `${prefix}ws`;
  let allowed: ReadonlySet<string> = new Set();
  const wire = new Wire();
  const sessions = new Set<Session>();
  let upgrading = 0;
  let closing = false;

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false, clientTracking: false });
  wss.on('error', (err) => log(`websocket server: ${err.message}`));

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often the timeouts above are enforced (Node's default, 30 s, would let stalled sockets linger).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    createRequestHandler({ token: options.token, prefix, allowedHosts: () => allowed, files: staticFiles(options.rendererDir), log }),
  );
  server.maxConnections = limits.maxConnections;
  // Upgraded sockets are exempt: ws clears the timeout and relies on ping/pong instead.
  server.setTimeout(limits.idleTimeoutMs);
  server.on('error', (err) => log(`http server: ${err.message}`));

  // Requests Node's parser refuses (garbage, a bad header, headers too large or too slow) land here.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    answerRaw(socket, status, status === 408 ? 'Request timeout' : 'Bad request');
  });

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = parseTarget(req.url);
    if (!target.ok) return answerRaw(socket, target.status, target.reason);
    if (!hostAllowed(req.headers.host, allowed)) return answerRaw(socket, 421, 'Misdirected request: unexpected Host header');
    if (!originAllowed(req.headers.origin, allowed)) return answerRaw(socket, 403, 'Forbidden: foreign Origin');
    if (!presentedToken(target.query, req.headers.cookie, options.token)) return answerRaw(socket, 401, 'Unauthorized: token needed');
    if (target.path !== wsPath) return answerRaw(socket, 404, 'Not found');
    if (closing || sessions.size + upgrading >= limits.maxSessions) {
      return answerRaw(socket, 503, `Too many connections: at most ${limits.maxSessions} WebSocket sessions`);
    }
    if (socket.destroyed) return;
    upgrading += 1;
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        upgrading -= 1;
      }
    };
    // A handshake ws refuses (bad key, wrong version) never calls back: the socket's close settles it.
    socket.once('close', settle);
    wss.handleUpgrade(req, socket, head, (ws) => {
      settle();
      const session = attachSession(ws, { api: options.api, wire, limits, log, onClose: () => sessions.delete(session) });
      sessions.add(session);
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch (err) {
      log(`upgrade failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      socket.destroy();
    }
  });

  const heartbeat = setInterval(() => {
    for (const session of sessions) session.heartbeat();
  }, limits.pingIntervalMs);
  heartbeat.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    clearInterval(heartbeat);
    throw err;
  }
  const address = server.address() as AddressInfo;
  allowed = allowedHosts(options.host, options.allowHosts, address.port);
  const shown = bindKind(options.host) === 'address' ? hostLabel(options.host) : bindKind(options.host) === 'loopback' ? hostLabel(address.address) : '127.0.0.1';

  return {
    url: `http://${shown}:${address.port}/?token=${options.token}`,
    port: address.port,
    prefix,
    close: async () => {
      closing = true;
      clearInterval(heartbeat);
      for (const session of sessions) session.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
