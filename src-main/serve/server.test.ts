/**
 * The server in-process, with a stand-in api and a temp renderer: the URL layout, the cookie, the static
 * files' failure modes and the WebSocket caps, with limits small enough to reach in a unit test. The
 * same cases against the built server as users start it are in tests/integration/serve-hostile.test.ts.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventChannel, InvokeResult } from '../contract';
import type { Api } from '../core/api';
import { startServer, type RunningServer } from './server';
import type { Socket } from 'node:net';

const token = 'unit-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'neighborhood-serve-'));
const bigWorld = { seq: 1, hosts: [{ name: 'x'.repeat(200_000) }] };

function fakeApi(): Api & { emit: (event: EventChannel, payload: unknown) => void } {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  return {
    async invoke(channel, request): Promise<InvokeResult<unknown>> {
      if (channel === 'world:get') return { ok: true, value: bigWorld };
      if (channel === 'settings:get') return { ok: true, value: { sampleIntervalSeconds: 2 } };
      if (channel === 'slow') return new Promise(() => {});
      return { ok: false, error: { message: `Unknown channel: ${String(channel)}`, code: 'unknown-channel' } };
      void request;
    },
    openView: () => ({ setVisible: () => undefined, close: () => undefined }),
    sendUiCommand: () => undefined,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
  };
}

let server: RunningServer;
const api = fakeApi();
const logs: string[] = [];

beforeAll(async () => {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'x'.repeat(1000));
  writeFileSync(join(dir, '.secret'), 'no');
  server = await startServer({
    api,
    rendererDir: dir,
    host: '127.0.0.1',
    allowHosts: [],
    port: 0,
    token,
    limits: { maxSessions: 3, maxInFlight: 4, softBufferedBytes: 256 * 1024, hardBufferedBytes: 1024 * 1024 },
    log: (m) => logs.push(m),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const cookie = () => `neighborhood_token=${token}`;

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function raw(text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (c) => (got += c.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(got));
    setTimeout(() => socket.destroy(), 2000);
  });
}

function openWs(headers: Record<string, string> = { cookie: cookie() }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${server.prefix}ws`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

describe('the URL layout', () => {
  it('prints /?token=, which redirects to the prefix with a cookie scoped to it', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    const res = await get(`/?token=${token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(server.prefix);
    expect(res.headers['set-cookie']).toEqual([`neighborhood_token=${token}; Path=${server.prefix}; HttpOnly; SameSite=Strict`]);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each([
    ['/', 403],
    ['/?token=wrong', 403],
    [`/PREFIX`, 403],
    [`/PREFIXindex.html`, 403],
    [`/PREFIXws`, 403],
  ])('%s without the token → %i', async (path, status) => {
    const res = await get(path.replace('/PREFIX', server.prefix));
    expect(res.status).toBe(status);
    expect(res.body).not.toContain('<div');
  });

  it.each([
    ['/PREFIX', 200, '<div id="app">'],
    ['/PREFIXindex.html', 200, '<div id="app">'],
    ['/PREFIXassets/app.js', 200, 'xxx'],
    ['/PREFIXassets/', 404, 'Not found'],
    ['/PREFIXassets', 404, 'Not found'],
    ['/PREFIX.secret', 404, 'Not found'],
    ['/PREFIXmissing.js', 404, 'Not found'],
    ['/other/index.html', 404, 'Not found'],
    ['/PREFIX_SLASHLESS', 303, ''],
    ['/', 303, ''],
  ])('%s with the cookie → %i', async (path, status, body) => {
    const res = await get(path.replace('/PREFIX_SLASHLESS', server.prefix.slice(0, -1)).replace('/PREFIX', server.prefix), { cookie: cookie() });
    expect(res.status).toBe(status);
    expect(res.body).toContain(body);
    expect(res.body).not.toContain(dir);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['bytes=10-5', 416],
    ['bytes=-0', 416],
    ['bytes=999999999-', 416],
    ['bytes=0-9', 206],
    [Array.from({ length: 200 }, (_, i) => `${i * 2}-${i * 2}`).join(',').replace(/^/, 'bytes='), 200],
    ['bytes=abc', 200],
    ['garbage', 200],
  ])('Range %.40s → %i', async (range, status) => {
    const res = await get(`${server.prefix}assets/app.js`, { cookie: cookie(), range });
    expect(res.status).toBe(status);
    if (status === 416) expect(res.headers['content-range']).toBe('bytes */1000');
  });

  it('answers 404 for a file removed after start, and serves it again when it returns', async () => {
    renameSync(join(dir, 'assets', 'app.js'), join(dir, 'assets', 'gone.js'));
    const res = await get(`${server.prefix}assets/app.js`, { cookie: cookie() });
    expect(res.status).toBe(404);
    expect(res.body).toBe('Not found\n');
    renameSync(join(dir, 'assets', 'gone.js'), join(dir, 'assets', 'app.js'));
    expect((await get(`${server.prefix}assets/app.js`, { cookie: cookie() })).status).toBe(200);
  });

  it.each([
    ['GET // HTTP/1.1', 400],
    ['GET /// HTTP/1.1', 400],
    ['GET //@ HTTP/1.1', 400],
    ['GET /%zz HTTP/1.1', 400],
    ['GET /% HTTP/1.1', 400],
    [`GET /${'a'.repeat(5000)} HTTP/1.1`, 414],
    [`GET /${'a'.repeat(100_000)} HTTP/1.1`, 431],
    ['GET / HTTP/1.1\r\nHost: evil.example', 421],
    ['POST /?token=TOKEN HTTP/1.1\r\nContent-Length: 0', 405],
    ['GET /', 400],
    ['\x00\x01\x02garbage\xff', 400],
  ])('%#: %.40s → %i, and the server goes on', async (line, status) => {
    const text = `${line.replace('TOKEN', token)}\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${cookie()}\r\n\r\n`;
    expect(await raw(text)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect((await get(server.prefix, { cookie: cookie() })).status).toBe(200);
  });
});

describe('the WebSocket', () => {
  it.each([
    [{}, 'status 401'],
    [{ cookie: 'neighborhood_token=nope' }, 'status 401'],
    [{ cookie: cookie(), origin: 'http://evil.example' }, 'status 403'],
    [{ cookie: cookie(), origin: 'null' }, 'status 403'],
  ])('refuses %j', async (headers, error) => {
    await expect(openWs(headers)).rejects.toThrow(error);
  });

  it('answers invokes; the world of world:get is the frame already serialised', async () => {
    const ws = await openWs({ cookie: cookie(), origin: `http://127.0.0.1:${server.port}` });
    const got: string[] = [];
    ws.on('message', (d) => got.push(d.toString()));
    api.emit('world:frame', bigWorld);
    ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'world:get', request: null }));
    await expect.poll(() => got.length).toBe(2);
    expect(JSON.parse(got[0]!).payload.seq).toBe(1);
    expect(JSON.parse(got[1]!).result.value.seq).toBe(1);
    ws.close();
    await closed(ws);
  });

  it.each([
    ['a binary message', (ws: WebSocket) => ws.send(Buffer.from('{}')), 1003, 'binary messages are not accepted'],
    ['not JSON', (ws: WebSocket) => ws.send('{'), 1003, 'message is not JSON'],
    ['a string id', (ws: WebSocket) => ws.send('{"kind":"invoke","id":"1","channel":"settings:get"}'), 1003, /^expected/],
    ['an oversized message', (ws: WebSocket) => ws.send('x'.repeat(70 * 1024)), 1009, ''],
    ['too many in flight', (ws: WebSocket) => [1, 2, 3, 4, 5].forEach((id) => ws.send(JSON.stringify({ kind: 'invoke', id, channel: 'slow' }))), 1008, 'too many requests in flight'],
  ])('closes on %s', async (_name, act, code, reason) => {
    const ws = await openWs();
    ws.on('error', () => {});
    const done = closed(ws);
    act(ws);
    const { code: got, reason: why } = await done;
    expect(got).toBe(code);
    expect(why).toMatch(reason);
    expect((await get(server.prefix, { cookie: cookie() })).status).toBe(200);
  });

  it('closes a client that asks and never reads, holding a bounded amount for it', async () => {
    const ws = await openWs();
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const done = closed(ws);
    let sent = 0;
    const flood = setInterval(() => {
      for (let i = 0; i < 2; i += 1) ws.send(JSON.stringify({ kind: 'invoke', id: ++sent, channel: 'world:get' }));
    }, 5);
    // Reading resumes only to see the close the server sent behind what it had queued.
    setTimeout(() => socket.resume(), 1500);
    const { code, reason } = await done;
    clearInterval(flood);
    expect(code).toBe(1008);
    expect(reason).toBe('not reading: too many results owed');
    expect(logs).toContain('closed a WebSocket: 1008 not reading: too many results owed');
  });

  it('skips world frames for a client that is behind, and sends it the latest once it reads', async () => {
    const ws = await openWs();
    const socket = (ws as unknown as { _socket: Socket })._socket;
    socket.pause();
    const seqs: number[] = [];
    ws.on('message', (d) => seqs.push(JSON.parse(d.toString()).payload.seq));
    for (let seq = 1; seq <= 300; seq += 1) {
      api.emit('world:frame', { seq, hosts: [{ name: 'y'.repeat(200_000) }] });
      await new Promise((r) => setImmediate(r));
    }
    socket.resume();
    await new Promise((r) => setTimeout(r, 500));
    api.emit('world:frame', { seq: 301, hosts: [] });
    await expect.poll(() => seqs.at(-1)).toBe(301);
    expect(seqs.length).toBeLessThan(300);
    ws.close();
    await closed(ws);
  });

  it('closes a client that is behind by more than the hard cap when something is due', async () => {
    const ws = await openWs();
    (ws as unknown as { _socket: Socket })._socket.pause();
    const done = closed(ws);
    let emitted = 0;
    while (ws.readyState === WebSocket.OPEN && emitted < 2_000) {
      api.emit('settings:changed', { sampleIntervalSeconds: 2, padding: 'z'.repeat(100_000) });
      emitted += 1;
      await new Promise((r) => setImmediate(r));
      if (logs.includes('closed a WebSocket: 1008 not reading')) break;
    }
    expect(logs).toContain('closed a WebSocket: 1008 not reading');
    (ws as unknown as { _socket: Socket })._socket.resume();
    expect((await done).code).toBe(1008);
  });

  it('refuses the session past the cap with 503', async () => {
    const open = await Promise.all([openWs(), openWs(), openWs()]);
    await expect(openWs()).rejects.toThrow('status 503');
    open[0].close();
    await closed(open[0]);
    const fresh = await openWs(); // its place is free again
    for (const ws of [...open.slice(1), fresh]) ws.close();
    await Promise.all([...open.slice(1), fresh].map(closed));
  });

  it('drops a peer that stops answering pings, not one that is merely idle', async () => {
    const quick = await startServer({ api, rendererDir: dir, host: '127.0.0.1', allowHosts: [], port: 0, token, limits: { pingIntervalMs: 300, idleTimeoutMs: 200 }, log: () => {} });
    try {
      const connectTo = (pausedAfterOpen: boolean) =>
        new Promise<WebSocket>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${quick.port}${quick.prefix}ws`, { headers: { cookie: cookie() } });
          ws.once('open', () => {
            // ws answers pings by itself unless its socket stops reading.
            if (pausedAfterOpen) (ws as unknown as { _socket: Socket })._socket.pause();
            resolve(ws);
          });
        });
      const mute = await connectTo(true);
      const lively = await connectTo(false);
      await new Promise((r) => setTimeout(r, 1500));
      (mute as unknown as { _socket: Socket })._socket.resume();
      await expect.poll(() => mute.readyState, { timeout: 3000 }).toBe(WebSocket.CLOSED);
      expect(lively.readyState).toBe(WebSocket.OPEN);
      lively.close();
    } finally {
      await quick.close();
    }
  });
});
