/**
 * Browser mode refuses every HTTP request and WebSocket without the right token. The printed address
 * answers with a redirect to the app's per-instance prefix and a cookie scoped to it, so the token leaves
 * the address bar and no other local web server ever receives the cookie.
 */
import { expect, test } from '@playwright/test';
import http from 'node:http';
import WebSocket from 'ws';
import { server } from './support/server';

function wsOpens(url: string, headers: Record<string, string> = {}): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode });
      ws.terminate();
    });
    ws.once('error', () => resolve({ opened: false }));
  });
}

/** Speaks HTTP directly: fetch() may not set Host, as a rebinding page's browser would. */
function rawGet(path: string, headers: Record<string, string>): Promise<number | undefined> {
  const { port } = server();
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

test.describe('the token', () => {
  for (const [what, path] of [
    ['no token', '/'],
    ['a wrong token', '/?token=wrong-token-wrong-token'],
    ['an empty token', '/?token='],
    ['the app without the cookie', 'PREFIX'],
    ['an asset without the cookie', 'PREFIXindex.html'],
    ['the old layout', '/index.html'],
  ] as const) {
    test(`HTTP with ${what} is refused`, async ({ request }) => {
      const res = await request.get(`${server().origin}${path.replace('PREFIX', server().prefix)}`, { maxRedirects: 0 });
      expect(res.status()).toBe(403);
      expect(await res.text()).not.toContain('<script');
    });
  }

  test('the printed address redirects to the prefix, setting a strict HttpOnly cookie scoped to it', async ({ request }) => {
    const { url, prefix, token, origin } = server();
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()['location']).toBe(prefix);
    expect(res.headers()['set-cookie']).toBe(`neighborhood_token=${token}; Path=${prefix}; HttpOnly; SameSite=Strict`);
    expect(res.headers()['referrer-policy']).toBe('no-referrer');
    const page = await request.get(`${origin}${prefix}`, { headers: { cookie: `neighborhood_token=${token}` }, maxRedirects: 0 });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('Content-Security-Policy');
    expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  test('in the browser: the token leaves the address bar and the map connects over the cookie', async ({ page, context }) => {
    const { url, origin, prefix } = server();
    await page.goto(url);
    expect(page.url()).toBe(`${origin}${prefix}`);
    await expect(page.getByRole('status').filter({ hasText: 'connected' }).first()).toBeVisible({ timeout: 15_000 });
    expect(await context.cookies()).toEqual([expect.objectContaining({ name: 'neighborhood_token', path: prefix, httpOnly: true, sameSite: 'Strict' })]);
    expect(await context.cookies(`${origin}${prefix}ws`)).toHaveLength(1);
    // Any other path on this host — and cookies ignore ports, so any other local server — never gets it.
    expect(await context.cookies(`${origin}/`)).toEqual([]);
    expect(await context.cookies('http://127.0.0.1:1/other/')).toEqual([]);
  });

  test('a foreign Host header is refused even with the token (DNS rebinding)', async () => {
    const { port, token, prefix } = server();
    expect(await rawGet(`/?token=${token}`, { host: `evil.example:${port}` })).toBe(421);
    expect(await rawGet(prefix, { host: `evil.example:${port}`, cookie: `neighborhood_token=${token}` })).toBe(421);
    expect(await rawGet(prefix, { host: `127.0.0.1:${port}`, cookie: `neighborhood_token=${token}` })).toBe(200);
  });

  test('malformed requests are refused with a 4xx and the server goes on', async () => {
    const { port, token } = server();
    for (const path of ['//', '///', '//@', '/%zz', `/${'a'.repeat(5000)}`]) {
      const status = await rawGet(path, { host: `127.0.0.1:${port}`, cookie: `neighborhood_token=${token}` });
      expect(status, path.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    expect(await rawGet(`/?token=${token}`, { host: `127.0.0.1:${port}` })).toBe(303);
  });

  test('WebSocket without or with a wrong token is refused; with it, it opens', async () => {
    const { port, token, prefix } = server();
    const ws = `ws://127.0.0.1:${port}${prefix}ws`;
    expect(await wsOpens(ws)).toEqual({ opened: false, status: 401 });
    expect(await wsOpens(`${ws}?token=nope`)).toEqual({ opened: false, status: 401 });
    expect(await wsOpens(ws, { cookie: 'neighborhood_token=nope' })).toEqual({ opened: false, status: 401 });
    expect(await wsOpens(`${ws}?token=${token}`, { origin: 'http://evil.example' })).toEqual({ opened: false, status: 403 });
    expect(await wsOpens(`ws://127.0.0.1:${port}/ws?token=${token}`)).toEqual({ opened: false, status: 404 });
    expect(await wsOpens(`${ws}?token=${token}`)).toEqual({ opened: true });
    expect(await wsOpens(ws, { cookie: `neighborhood_token=${token}`, origin: `http://127.0.0.1:${port}` })).toEqual({ opened: true });
  });

  test('a bad request over the socket is refused with a reason and changes nothing', async () => {
    const { port, token, prefix } = server();
    const url = `ws://127.0.0.1:${port}${prefix}ws?token=${token}`;
    const ws = new WebSocket(url);
    await new Promise((r) => ws.once('open', r));
    const replies = new Map<number, unknown>();
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { kind: string; id: number; result: unknown };
      if (m.kind === 'result') replies.set(m.id, m.result);
    });
    const ask = async (id: number, channel: string, request: unknown) => {
      ws.send(JSON.stringify({ kind: 'invoke', id, channel, request }));
      await expect.poll(() => replies.has(id)).toBe(true);
      return replies.get(id);
    };
    const before = (await ask(1, 'settings:get', null)) as { ok: true; value: { sampleIntervalSeconds: number } };
    expect(await ask(2, 'settings:set', { sampleIntervalSeconds: 0 })).toEqual({
      ok: false,
      error: { message: expect.stringMatching(/sampleIntervalSeconds must be at least 1 second/), code: 'invalid-request' },
    });
    expect(await ask(3, 'shell:exec', 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await ask(4, 'settings:get', null)).toEqual(before);

    // Not a request at all: the socket is closed with the reason.
    const closedWith = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.send(JSON.stringify({ kind: 'invoke', id: 'five', channel: 'settings:get' }));
    expect(await closedWith).toEqual({ code: 1003, reason: expect.stringMatching(/^expected \{"kind":"invoke"/) });

    const binary = new WebSocket(url);
    await new Promise((r) => binary.once('open', r));
    const binaryClosed = new Promise<{ code: number; reason: string }>((r) => binary.once('close', (code, reason) => r({ code, reason: reason.toString() })));
    binary.send(Buffer.from([1, 2, 3]));
    expect(await binaryClosed).toEqual({ code: 1003, reason: 'binary messages are not accepted' });
  });
});
