/**
 * A stand-in proxy in front of the real Docker socket, for tests that need the engine to misbehave in
 * one place only: it forwards every request to dockerd, counts them by route, and can stall or fail the
 * requests a rule picks (one container's stats, the event stream…). Nothing is faked: every answer that
 * is not stalled or failed is dockerd's own.
 */
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Rule = (method: string, path: string) => 'stall' | number | null;

/** `GET /v1.41/containers/0123…/stats?stream=false` → `GET /containers/:id/stats`. */
export function routeOf(method: string, url: string): string {
  const path = (url.split('?')[0] ?? '').replace(/^\/v\d+(\.\d+)?/, '');
  return `${method} ${path.replace(/^\/containers\/[^/]+\/(?=\w)/, '/containers/:id/')}`;
}

export class DockerProxy {
  readonly socketPath = join(tmpdir(), `nbh-docker-proxy-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
  readonly counts = new Map<string, number>();
  rule: Rule | null = null;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<http.ServerResponse>();

  constructor(private readonly target = '/var/run/docker.sock') {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.socketPath, resolve);
    });
    return this;
  }

  count(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  /** Answers the stalled requests by dropping them (as a stuck engine that finally gives up would). */
  releaseStalled(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const route = routeOf(method, url);
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    const verdict = this.rule?.(method, url) ?? null;
    if (verdict === 'stall') {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      req.resume();
      return;
    }
    if (typeof verdict === 'number') {
      req.resume();
      res.writeHead(verdict, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `proxy says ${verdict}` }));
      return;
    }
    const upstream = http.request({ socketPath: this.target, method, path: url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      res.flushHeaders(); // a stream (events) must reach the client before its first chunk
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  async close(): Promise<void> {
    this.releaseStalled();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.socketPath, { force: true });
  }
}
