/**
 * Browser mode refuses every HTTP request and WebSocket without the right token.
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

test.describe('the token', () => {


  for (const [what, path] of [
    ['no token', '/'],
    ['a wrong token', '/?token=wrong-token-wrong-token'],
    ['an asset without a token', '/index.html'],
    ['an empty token', '/?token='],
  ] as const) {
    test(`HTTP with ${what} is refused`, async ({ request }) => {
      const res = await request.get(`${server().origin}${path}`, { maxRedirects: 0 });
      expect(res.status()).toBe(403);
      expect(await res.text()).not.toContain('<script');
    });
  }

  test('HTTP with the token is served, and sets a strict HttpOnly cookie', async ({ request }) => {
    const res = await request.get(server().url);
    expect(res.status()).toBe(200);
    expect(res.headers()['set-cookie']).toMatch(/HttpOnly; SameSite=Strict/);
    expect(await res.text()).toContain('Content-Security-Policy');
  });

  test('a foreign Host header is refused even with the token (DNS rebinding)', async () => {
    const { port, token } = server();
    // fetch() may not set Host (a forbidden header), so speak HTTP directly, as a rebinding page's browser would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: `/?token=${token}`, headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(421);
  });

  test('WebSocket without or with a wrong token is refused; with it, it opens', async () => {
    const { port, token } = server();
    expect(await wsOpens(`ws://127.0.0.1:${port}/ws`)).toEqual({ opened: false, status: 401 });
    expect(await wsOpens(`ws://127.0.0.1:${port}/ws?token=nope`)).toEqual({ opened: false, status: 401 });
    expect(await wsOpens(`ws://127.0.0.1:${port}/ws?token=${token}`, { origin: 'http://evil.example' })).toEqual({ opened: false, status: 403 });
    expect(await wsOpens(`ws://127.0.0.1:${port}/ws?token=${token}`)).toEqual({ opened: true });
  });

  test('a bad request over the socket is refused with a reason and changes nothing', async () => {
    const { port, token } = server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
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
    ws.close();
  });
});
