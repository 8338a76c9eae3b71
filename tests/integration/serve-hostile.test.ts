/**
 * Hostile input against browser mode, built and started exactly as users start it. After every case the
 * token holder still gets the page and the settings are what they were; at the end the process is alive
 * and its memory bounded. Engines are whatever the lab runs: browser mode needs none of them to serve.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { rawExchange, stallingConnection } from '../support/raw-http';
import { encodeFrame, RawWs } from '../support/raw-ws';
import { httpGet, rssMiB, serveRefuses, startServe, watchRss, type ServeChild } from '../support/serve-child';

/** Generous: the server idles near 100 MiB; an unbounded queue of worlds would pass this quickly. */
const RSS_LIMIT_MIB = 400;

let srv: ServeChild;
let settingsBefore: unknown;
const rss: Record<string, number> = {};

/** One invoke over a fresh WebSocket carrying the cookie, as the page makes it. */
async function invokeOnce(s: ServeChild, channel: string, request: unknown = null): Promise<unknown> {
  const ws = new WebSocket(`ws://127.0.0.1:${s.port}${s.prefix}ws`, { headers: { cookie: s.cookie, origin: `http://127.0.0.1:${s.port}` } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${channel}: no answer within 10 s`)), 10_000);
      ws.on('message', (data) => {
        const m = JSON.parse(data.toString()) as { kind: string; id: number; result: unknown };
        if (m.kind === 'result' && m.id === 1) {
          clearTimeout(timer);
          resolve(m.result);
        }
      });
      ws.send(JSON.stringify({ kind: 'invoke', id: 1, channel, request }));
    });
  } finally {
    ws.terminate();
  }
}

async function pageLoads(s: ServeChild): Promise<void> {
  const res = await httpGet(s.port, s.prefix, { cookie: s.cookie });
  expect(res.status).toBe(200);
  expect(res.body).toContain('<div id="app"></div>');
}

async function expectHealthy(s: ServeChild = srv): Promise<void> {
  expect(s.alive()).toBe(true);
  await pageLoads(s);
  expect(await invokeOnce(s, 'settings:get')).toEqual(settingsBefore);
}

const openRaw = (s: ServeChild = srv, keepMessages = true) => RawWs.open(s.port, `${s.prefix}ws`, { Cookie: s.cookie }, keepMessages);

beforeAll(async () => {
  srv = await startServe();
  settingsBefore = await invokeOnce(srv, 'settings:get');
  expect(settingsBefore).toMatchObject({ ok: true });
  rss.start = rssMiB(srv.pid);
});

afterAll(async () => {
  if (!srv) return;
  rss.end = rssMiB(srv.pid);
  console.log(`browser mode RSS (MiB): ${Object.entries(rss).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  const alive = srv.alive();
  const crashes = srv.stderr.filter((line) => /uncaught|unhandled/i.test(line));
  await srv.stop();
  expect(alive).toBe(true);
  expect(crashes).toEqual([]);
  expect(rss.end).toBeLessThan(RSS_LIMIT_MIB);
});

describe('malformed requests over raw TCP', () => {
  const lines: Array<[string, string]> = [
    ['GET //', 'GET // HTTP/1.1'],
    ['GET ///', 'GET /// HTTP/1.1'],
    ['GET //@', 'GET //@ HTTP/1.1'],
    ['GET //evil.example/', 'GET //evil.example/ HTTP/1.1'],
    ['GET /%zz', 'GET /%zz HTTP/1.1'],
    ['GET /%', 'GET /% HTTP/1.1'],
    ['GET /PREFIX%zz', 'GET /PREFIX%zz HTTP/1.1'],
    ['GET /PREFIX..%2F..%2Fetc%2Fpasswd', 'GET /PREFIX..%2F..%2Fetc%2Fpasswd HTTP/1.1'],
    ['a 5 KB URL', `GET /${'a'.repeat(5_000)} HTTP/1.1`],
    ['a 100 KB URL', `GET /${'a'.repeat(100_000)} HTTP/1.1`],
    ['absolute-form', 'GET http://127.0.0.1/ HTTP/1.1'],
    ['asterisk-form', 'OPTIONS * HTTP/1.1'],
    ['no version', 'GET /'],
    ['an unknown version', 'GET / HTTP/9.9'],
    ['a bad method', 'BREW / HTTP/1.1'],
    ['POST', 'POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc'],
  ];

  for (const withToken of [false, true]) {
    it.each(lines)(`%s ${withToken ? 'with' : 'without'} the token → 4xx`, async (_name, line) => {
      const cookie = withToken ? `Cookie: ${srv.cookie}\r\n` : '';
      const requestLine = line.replace('/PREFIX', srv.prefix);
      const [first, ...rest] = requestLine.split('\r\n');
      const text = `${first}\r\nHost: 127.0.0.1:${srv.port}\r\n${cookie}${rest.length ? `${rest.join('\r\n')}` : '\r\n'}`;
      const answer = await rawExchange(srv.port, text);
      expect(answer.status, answer.text.slice(0, 200)).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toContain('/work/');
      expect(answer.text).not.toMatch(/at .*\.js:\d+/);
      await expectHealthy();
    });
  }

  it.each([
    ['garbage bytes', Buffer.from([0x00, 0x16, 0x03, 0x01, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a])],
    ['a TLS hello', Buffer.from('16030100a5010000a10303', 'hex')],
    ['no Host header', Buffer.from('GET // HTTP/1.1\r\n\r\n')],
    ['a bad header', Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n')],
    ['64 KB of headers', Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX: ${'y'.repeat(65_536)}\r\n\r\n`)],
    ['an invalid cookie', Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \u00ff;;=;neighborhood_token\r\n\r\n', 'latin1')],
    ['an upgrade to //', Buffer.from('GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')],
    ['an upgrade to //@', Buffer.from('GET //@ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')],
    ['an upgrade to /%zz', Buffer.from('GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n')],
  ])('%s → 4xx', async (_name, bytes) => {
    const answer = await rawExchange(srv.port, bytes);
    expect(answer.status === null ? 'closed without answer' : answer.status).toSatisfy((s: unknown) => s === 'closed without answer' || (typeof s === 'number' && s >= 400 && s < 500));
    await expectHealthy();
  });
});

describe('upgrades that are not WebSockets, with the token', () => {
  it.each([
    ['no key', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13'],
    ['a wrong version', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA=='],
    ['another protocol', 'Upgrade: h2c\r\nConnection: Upgrade'],
    ['a wrong path', 'Upgrade: websocket\r\nConnection: Upgrade', '/elsewhere/ws'],
    ['a foreign Origin', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nOrigin: http://evil.example'],
  ] as Array<[string, string, string?]>)('%s → 4xx', async (_name, headers, path) => {
    const text = `GET ${path ?? `${srv.prefix}ws`} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nCookie: ${srv.cookie}\r\n${headers}\r\n\r\n`;
    const answer = await rawExchange(srv.port, text);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    await expectHealthy();
  });
});

describe('hostile Range headers', () => {
  let asset = '';
  beforeAll(async () => {
    const index = await httpGet(srv.port, srv.prefix, { cookie: srv.cookie });
    asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.body)?.[1] ?? '';
    expect(asset).not.toBe('');
  });

  it.each([
    ['bytes=10-5', [416]],
    ['bytes=-0', [416]],
    ['bytes=999999999-', [416]],
    ['bytes=0-0,-1', [200, 206]],
    [`bytes=${Array.from({ length: 1000 }, (_, i) => `${i}-${i}`).join(',')}`, [200, 206]],
    ['bytes=abc', [200]],
    ['bytes=--', [200]],
    ['bytes=18446744073709551616-', [200, 416]],
    ['garbage ,;=', [200]],
    ['bytes=0-1'.repeat(500), [200, 206, 416]],
  ])('Range %s', async (range, statuses) => {
    const res = await httpGet(srv.port, `${srv.prefix}${asset}`, { cookie: srv.cookie, range });
    expect(statuses).toContain(res.status);
    await expectHealthy();
  });
});

describe('assets deleted or renamed under a running server', () => {
  let copy: ServeChild;
  let dir = '';
  let assetName = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'neighborhood-renderer-'));
    cpSync('out/renderer', dir, { recursive: true });
    assetName = readdirSync(join(dir, 'assets')).find((f) => f.endsWith('.js'))!;
    copy = await startServe({ NEIGHBORHOOD_RENDERER_DIR: dir });
  });
  afterAll(async () => {
    const alive = copy?.alive();
    await copy?.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(alive).toBe(true);
  });

  it('a renamed asset is a 404 without the path; back in place it is served again', async () => {
    const url = `${copy.prefix}assets/${assetName}`;
    expect((await httpGet(copy.port, url, { cookie: copy.cookie })).status).toBe(200);
    renameSync(join(dir, 'assets', assetName), join(dir, 'assets', `${assetName}.moved`));
    const gone = await httpGet(copy.port, url, { cookie: copy.cookie });
    expect(gone.status).toBe(404);
    expect(gone.body).toBe('Not found\n');
    renameSync(join(dir, 'assets', `${assetName}.moved`), join(dir, 'assets', assetName));
    expect((await httpGet(copy.port, url, { cookie: copy.cookie })).status).toBe(200);
  });

  it('requests racing a file being removed and restored get 200 or 404, nothing else', async () => {
    const path = join(dir, 'assets', assetName);
    const moved = `${path}.moved`;
    let flipping = true;
    const flipper = (async () => {
      while (flipping) {
        renameSync(path, moved);
        await new Promise((r) => setImmediate(r));
        renameSync(moved, path);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const statuses = new Set<number>();
    for (let round = 0; round < 30; round += 1) {
      const answers = await Promise.allSettled(
        Array.from({ length: 20 }, () => httpGet(copy.port, `${copy.prefix}assets/${assetName}`, { cookie: copy.cookie })),
      );
      for (const a of answers) statuses.add(a.status === 'fulfilled' ? a.value.status : -1);
    }
    flipping = false;
    await flipper;
    expect([...statuses].every((s) => s === 200 || s === 404 || s === -1)).toBe(true);
    expect(copy.alive()).toBe(true);
  });

  it('a rebuild (every asset replaced) answers 404 for the old files and serves the new index', async () => {
    rmSync(join(dir, 'assets'), { recursive: true });
    unlinkSync(join(dir, 'index.html'));
    expect((await httpGet(copy.port, copy.prefix, { cookie: copy.cookie })).status).toBe(404);
    cpSync('out/renderer', dir, { recursive: true });
    writeFileSync(join(dir, 'assets', 'new-chunk.js'), 'export {};');
    expect((await httpGet(copy.port, `${copy.prefix}assets/new-chunk.js`, { cookie: copy.cookie })).status).toBe(200);
    await pageLoads(copy);
  });
});

describe('hostile WebSocket messages', () => {
  it.each([
    ['an oversized message (70 KiB)', 1009, encodeFrame({ opcode: 1, payload: Buffer.alloc(70 * 1024, 0x61) })],
    ['a frame claiming 2^62 bytes', 1009, encodeFrame({ opcode: 1, payload: Buffer.alloc(16), claimedLength: 2 ** 62 })],
    ['a binary message', 1003, encodeFrame({ opcode: 2, payload: Buffer.from('{"kind":"invoke","id":1,"channel":"settings:get"}') })],
    ['text that is not JSON', 1003, encodeFrame({ opcode: 1, payload: Buffer.from('{"kind":') })],
    ['invalid UTF-8', 1007, encodeFrame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) })],
    ['reserved bits set', 1002, encodeFrame({ opcode: 1, payload: Buffer.from('{}'), rsv: 4 })],
    ['an unmasked client frame', 1002, encodeFrame({ opcode: 1, payload: Buffer.from('{}'), mask: false })],
    ['a reserved opcode', 1002, encodeFrame({ opcode: 3, payload: Buffer.from('x') })],
    ['a fragmented control frame', 1002, encodeFrame({ opcode: 9, payload: Buffer.from('x'), fin: false })],
    ['a continuation without a start', 1002, encodeFrame({ opcode: 0, payload: Buffer.from('x') })],
  ])('%s → close %i', async (_name, code, frame) => {
    const ws = await openRaw();
    ws.send(frame);
    const seen = await ws.closed();
    expect(seen.code).toBe(code);
    ws.destroy();
    await expectHealthy();
  });

  it.each([
    ['a string id', { kind: 'invoke', id: '1', channel: 'settings:get', request: null }],
    ['a fractional id', { kind: 'invoke', id: 1.5, channel: 'settings:get', request: null }],
    ['a huge id', { kind: 'invoke', id: 1e300, channel: 'settings:get', request: null }],
    ['no id', { kind: 'invoke', channel: 'settings:get', request: null }],
    ['an object as channel', { kind: 'invoke', id: 1, channel: { toString: 1 }, request: null }],
    ['another kind', { kind: 'result', id: 1, result: { ok: true } }],
    ['an array', [1, 2, 3]],
    ['null', null],
  ])('%s → close 1003 with a reason', async (_name, message) => {
    const ws = await openRaw();
    ws.sendText(JSON.stringify(message));
    const seen = await ws.closed();
    expect(seen.code).toBe(1003);
    expect(seen.reason.length).toBeGreaterThan(0);
    ws.destroy();
    await expectHealthy();
  });

  it('invalid invokes are answered as errors and change nothing', async () => {
    const ws = await openRaw();
    const answers: Array<[unknown, unknown, string]> = [
      ['shell:exec', 'rm -rf /', 'unknown-channel'],
      ['__proto__', null, 'unknown-channel'],
      ['constructor', null, 'unknown-channel'],
      ['x'.repeat(10_000), null, 'unknown-channel'],
      ['settings:set', { sampleIntervalSeconds: 0 }, 'invalid-request'],
      ['settings:set', { sampleIntervalSeconds: 'ten' }, 'invalid-request'],
      ['settings:set', { sampleIntervalSeconds: 1e308 }, 'invalid-request'],
      ['settings:set', { sampleIntervalSeconds: 5, extra: true }, 'invalid-request'],
      ['settings:set', JSON.parse('{"__proto__":{"sampleIntervalSeconds":5}}'), 'invalid-request'],
      ['settings:set', null, 'invalid-request'],
      ['settings:set', [5], 'invalid-request'],
      ['world:get', { all: true }, 'invalid-request'],
    ];
    for (const [i, [channel, request, code]] of answers.entries()) {
      ws.invoke(i + 1, channel, request);
      const m = JSON.parse(await ws.next((t) => JSON.parse(t).id === i + 1)) as { result: { ok: boolean; error?: { code?: string; message: string } } };
      expect(m.result.ok, `${String(channel).slice(0, 20)} ${JSON.stringify(request)}`).toBe(false);
      expect(m.result.error?.code).toBe(code);
      expect(m.result.error?.message.length).toBeLessThan(300);
    }
    expect(ws.writable).toBe(true);
    ws.destroy();
    await expectHealthy();
  });
});

describe('clients that ask and never read', () => {
  it('a burst of 10,000 world:get from a paused client closes it, memory bounded', async () => {
    const ws = await openRaw(srv, false);
    ws.socket.pause();
    const watch = watchRss(srv.pid);
    const frames = Array.from({ length: 10_000 }, (_, i) => encodeFrame({ opcode: 1, payload: Buffer.from(JSON.stringify({ kind: 'invoke', id: i + 1, channel: 'world:get', request: null })) }));
    ws.send(Buffer.concat(frames));
    await new Promise((r) => setTimeout(r, 3_000));
    ws.socket.resume();
    const seen = await ws.closed(20_000);
    rss.burstPeak = watch.stop();
    console.log(`burst: closed with ${seen.code} "${seen.reason}" after ${ws.messageCount} messages; RSS peak ${rss.burstPeak.toFixed(1)} MiB`);
    expect(seen.code === 1008 || seen.ended).toBe(true);
    if (seen.code !== null) expect(seen.code).toBe(1008);
    expect(ws.messageCount).toBeLessThan(10_000);
    expect(rss.burstPeak).toBeLessThan(RSS_LIMIT_MIB);
    ws.destroy();
    await expectHealthy();
  });

  it('a paced flood from a paused client is closed (1008), memory bounded', async () => {
    const logged = srv.stderr.length;
    const ws = await openRaw(srv, false);
    ws.socket.pause();
    const watch = watchRss(srv.pid);
    let sent = 0;
    const deadline = Date.now() + 40_000;
    while (ws.writable && sent < 500_000 && Date.now() < deadline) {
      // A few at a time, as a page's code in a loop would send them.
      for (let i = 0; i < 4; i += 1) ws.invoke(++sent, 'world:get');
      await new Promise((r) => setTimeout(r, 1));
    }
    ws.socket.resume();
    const seen = await ws.closed(20_000);
    rss.pacedPeak = watch.stop();
    console.log(`paced: sent ${sent} invokes; closed with ${seen.code} "${seen.reason}" after ${ws.messageCount} answers (${(ws.receivedBytes / 2 ** 20).toFixed(1)} MiB); server: ${srv.stderr.slice(logged).filter((l) => l.includes('closed a WebSocket')).join(' | ')}; RSS peak ${rss.pacedPeak.toFixed(1)} MiB`);
    expect(seen.code === 1008 || seen.ended).toBe(true);
    if (seen.code !== null) expect(seen.reason).toMatch(/not reading|too many/);
    // The close frame waits behind what the client never read, so the server's own log says why.
    expect(srv.stderr.slice(logged).join('\n')).toMatch(/closed a WebSocket: 1008 (not reading|too many)/);
    expect(rss.pacedPeak).toBeLessThan(RSS_LIMIT_MIB);
    ws.destroy();
    await expectHealthy();
  });
});

describe('hundreds of sockets', () => {
  it('300 WebSocket upgrades: 32 sessions, the rest 503; the page loads meanwhile; a session is free after', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 300 }, () => openRaw(srv, false)));
    const opened = attempts.filter((a): a is PromiseFulfilledResult<RawWs> => a.status === 'fulfilled').map((a) => a.value);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => String(a.reason));
    expect(opened.length).toBe(32);
    expect(refused.every((r) => r.includes('503'))).toBe(true);
    await pageLoads(srv);
    for (const ws of opened) ws.destroy();
    await expect.poll(async () => invokeOnce(srv, 'settings:get').catch(() => null), { timeout: 5_000 }).toEqual(settingsBefore);
    await expectHealthy();
  });

  it('500 connections stalled in the request line: the page loads meanwhile; the server times them out', async () => {
    const stalled = await Promise.all(Array.from({ length: 500 }, () => stallingConnection(srv.port, 'GET /')));
    await expectHealthy();
    const started = Date.now();
    const answers = await Promise.all(stalled.map((s) => s.closed));
    const waited = Date.now() - started;
    console.log(`500 stalled connections closed by the server within ${(waited / 1000).toFixed(1)} s`);
    expect(waited).toBeLessThan(20_000);
    expect(answers.every((a) => a === '' || /^HTTP\/1\.1 408 /.test(a))).toBe(true);
    await expectHealthy();
  });
});

describe('the command line', () => {
  it.each([
    ['--token on the command line', ['--token', 'abcdefghijklmnopqrstuvwxyz'], {}, /--token is refused: .*visible to every local user.*NEIGHBORHOOD_TOKEN.*--token-file/],
    ['a wildcard host without --allow-host', ['--host', '0.0.0.0'], {}, /listens on every interface.*--allow-host/],
    ['a short token', [], { NEIGHBORHOOD_TOKEN: 'short' }, /at least 16 characters/],
    ['an unknown option', ['--bogus'], {}, /Unknown option/],
  ])('refuses %s, saying why', async (_name, args, env, message) => {
    const { code, stdout, stderr } = await serveRefuses(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses a token file others can read, and takes one only its owner can', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neighborhood-token-'));
    try {
      const file = join(dir, 'token');
      writeFileSync(file, 'file-token-0123456789abcdef\n');
      chmodSync(file, 0o644);
      const refused = await serveRefuses(['--token-file', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/mode 644.*chmod 600/);
      chmodSync(file, 0o600);
      const served = await startServe({}, ['--token-file', file]);
      expect(served.token).toBe('file-token-0123456789abcdef');
      await pageLoads(served);
      await served.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a wildcard host with --allow-host answers those names, refuses the rest, and warns about clear text', async () => {
    const wide = await startServe({}, ['--host', '0.0.0.0', '--allow-host', 'box.test', '--allow-host', '192.0.2.10']);
    try {
      const asked = (host: string) => httpGet(wide.port, wide.prefix, { cookie: wide.cookie, host: `${host}:${wide.port}` }).then((r) => r.status);
      expect(await asked('box.test')).toBe(200);
      expect(await asked('192.0.2.10')).toBe(200);
      expect(await asked('127.0.0.1')).toBe(200);
      expect(await asked('0.0.0.0')).toBe(421);
      expect(await asked('evil.example')).toBe(421);
      await expect.poll(() => wide.stderr.join('\n')).toMatch(/in clear.*SSH tunnel.*ssh -L/s);
      // The WebSocket's Origin check follows the same list.
      const origin = async (o: string) =>
        new Promise<number | 'open'>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${wide.port}${wide.prefix}ws`, { headers: { cookie: wide.cookie, host: `box.test:${wide.port}`, origin: o } });
          ws.once('open', () => (ws.terminate(), resolve('open')));
          ws.once('unexpected-response', (_q, res) => (ws.terminate(), resolve(res.statusCode ?? 0)));
          ws.once('error', () => resolve(0));
        });
      expect(await origin(`http://box.test:${wide.port}`)).toBe('open');
      expect(await origin(`http://evil.example:${wide.port}`)).toBe(403);
    } finally {
      await wide.stop();
    }
  });

  it('SIGTERM stops it cleanly and promptly', async () => {
    const s = await startServe();
    const started = Date.now();
    const exit = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
    s.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(Date.now() - started).toBeLessThan(6_000);
    await s.stop();
  });
});
