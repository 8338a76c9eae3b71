/**
 * Browser mode: the built renderer over HTTP and the contract over one WebSocket, on loopback unless a
 * host is given. Every request and upgrade must present the token (query or cookie) and name our own
 * address in its Host header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import type { Api } from '../core/api';
import { hostAllowed, originAllowed, presentedToken, tokenCookie } from './token';
import { attachSession } from './ws-session';

export interface ServeOptions {
  api: Api;
  /** Directory of the built renderer (out/renderer). */
  rendererDir: string;
  host: string;
  port: number;
  token: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const WS_PATH = '/ws';

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${message.length + 1}\r\n\r\n${message}\n`);
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const files = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false, single: false });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = 0;

  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, options.host, port)) return refuse(res, 421, 'Misdirected request: unexpected Host header');
    const via = presentedToken(req, options.token);
    if (!via) return refuse(res, 403, 'Forbidden: this Neighborhood server needs the token it printed at start');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    // The page's own CSP is in its HTML; this one also covers anything served directly.
    res.setHeader('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    if (via === 'query') res.setHeader('set-cookie', tokenCookie(options.token));
    files(req, res, () => refuse(res, 404, 'Not found'));
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req.headers.host, options.host, port)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!originAllowed(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!presentedToken(req, options.token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attachSession(ws, options.api));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}/?token=${options.token}`,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
