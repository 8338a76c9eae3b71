// A libvirtd that holds the connection but answers nothing (a stuck QEMU monitor, an NFS-hung
// block stat) must not starve the process: the binding's calls run on its own threads, so timers,
// file reads and DNS (libuv's pool) stay prompt, and every call rejects at its deadline.
// Simulated with a proxy in front of libvirtd's socket that stops forwarding (stall-proxy.ts);
// the real daemon is never touched.
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import { existsSync, promises as fsp } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Connection, debugCounts, ErrorCode, LibvirtError, type NativeCounts } from '../src/index';
import { bindingAvailable, waitFor } from './helpers';
import { LIBVIRT_SOCKET, startStallProxy } from './stall-proxy';

const QUERY_DEADLINE_MS = 2000;
const pkgDir = resolve(import.meta.dirname, '..');

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

/**
 * Waits until no binding thread is left (idle ones exit after 5 s), so a test's thread counts are
 * its own: an idle thread of an earlier test exiting midway would skew them.
 */
async function quietBinding(): Promise<NativeCounts> {
  return waitFor(
    () => {
      const c = debugCounts()!;
      return c.threads === 0 && c.queued === 0 ? c : undefined;
    },
    10_000,
    'a quiet binding (no threads, nothing queued)',
  );
}

/** How late a setTimeout(…, ms) fires. */
async function timerLateness(ms: number): Promise<number> {
  const { ms: took } = await timed(() => new Promise((r) => setTimeout(r, ms)));
  return took - ms;
}

describe.skipIf(!bindingAvailable() || !existsSync(LIBVIRT_SOCKET))('a hung libvirtd', () => {
  it('does not starve timers, fs or dns; calls reject at their deadline; close and reconnect stay prompt', async () => {
    const baseline = await quietBinding();
    const proxy = await startStallProxy();
    const uri = `qemu+unix:///system?socket=${proxy.path}`;
    const direct = await Connection.open('qemu:///system', { readOnly: true });
    let conn: Connection | undefined;
    try {
      conn = await Connection.open(uri, { readOnly: true, queryTimeoutMs: QUERY_DEADLINE_MS });
      const before = await conn.listAllDomains();

      proxy.stall();
      // More calls at once than libuv has pool threads (4), on both kinds of query.
      const calls = Array.from({ length: 16 }, (_, i) => {
        const what = i % 2 ? 'getAllDomainStats' : 'listAllDomains';
        const issued = performance.now();
        const p = i % 2 ? conn!.getAllDomainStats() : conn!.listAllDomains();
        return p.then(
          () => ({ what, err: null as unknown, ms: performance.now() - issued }),
          (err: unknown) => ({ what, err, ms: performance.now() - issued }),
        );
      });

      // While they hang: the JS thread, libuv's pool (fs, dns) and other connections are free.
      const late: number[] = [];
      for (let i = 0; i < 5; i++) late.push(await timerLateness(50));
      const small = join(pkgDir, 'package.json');
      const read = await timed(() => fsp.readFile(small, 'utf8'));
      const reads = await timed(() => Promise.all(Array.from({ length: 8 }, () => fsp.readFile(small))));
      const lookup = await timed(() => dns.promises.lookup('localhost'));
      const other = await timed(() => direct.listAllDomains());
      const during = debugCounts()!;

      const results = await Promise.all(calls);
      const ms = results.map((r) => r.ms);
      console.log(
        `hung libvirtd: timer lateness max ${Math.max(...late).toFixed(1)} ms; readFile ${read.ms.toFixed(1)} ms, ` +
          `8 readFiles ${reads.ms.toFixed(1)} ms; dns ${lookup.ms.toFixed(1)} ms; other connection ${other.ms.toFixed(1)} ms; ` +
          `deadline ${QUERY_DEADLINE_MS} ms → rejected after ${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} ms; ` +
          `while hung: ${JSON.stringify(during)} (baseline ${JSON.stringify(baseline)})`,
      );

      for (const l of late) expect(l).toBeLessThan(100); // a 50 ms timer fires within ~150 ms
      expect(read.value.length).toBeGreaterThan(0);
      expect(read.ms).toBeLessThan(100);
      expect(reads.ms).toBeLessThan(200);
      expect(lookup.ms).toBeLessThan(200);
      expect(other.value.length).toBe(before.length);
      expect(other.ms).toBeLessThan(1000);
      // The stalled connection holds at most its query lane's 2 threads; the rest wait in its queue.
      expect(during.queued).toBeGreaterThanOrEqual(14);
      expect(during.threads - baseline.threads).toBeLessThanOrEqual(2 + 2);

      for (const r of results) {
        expect(r.err).toBeInstanceOf(LibvirtError);
        const e = r.err as LibvirtError;
        expect(e.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
        expect(e.message).toBe(`libvirt did not answer ${r.what} within 2 s`);
        // Not earlier than the deadline (Node's timers have 1 ms granularity), and not much later.
        expect(r.ms).toBeGreaterThanOrEqual(QUERY_DEADLINE_MS - 1);
        expect(r.ms).toBeLessThan(QUERY_DEADLINE_MS + 300);
      }

      // libvirtd answers again: the stalled connection closes promptly, and a new one works.
      proxy.resume();
      const closing = await timed(() => conn!.close());
      const again = await timed(async () => {
        const c = await Connection.open(uri, { readOnly: true });
        try {
          return await c.listAllDomains();
        } finally {
          await c.close();
        }
      });
      console.log(`after resume: close ${closing.ms.toFixed(1)} ms; new connection + listAllDomains ${again.ms.toFixed(1)} ms`);
      expect(closing.ms).toBeLessThan(1000);
      expect(again.value.length).toBe(before.length);
      expect(again.ms).toBeLessThan(2000);
    } finally {
      await conn?.close().catch(() => undefined);
      await direct.close();
      await proxy.close();
    }

    // Nothing left running: the closed connections' threads exit once their queues drain (the
    // teardown lane's idle threads within 5 s).
    const settled = await waitFor(
      () => {
        const c = debugCounts()!;
        return c.queued === 0 && c.threads <= baseline.threads ? c : undefined;
      },
      8000,
      'the binding threads to wind down',
    );
    console.log(`after the test: ${JSON.stringify(settled)}`);
  }, 40_000);

  it('closing a connection while libvirtd is hung resolves or rejects at the deadline, never hangs', async () => {
    const proxy = await startStallProxy();
    try {
      const conn = await Connection.open(`qemu+unix:///system?socket=${proxy.path}`, {
        readOnly: true,
        queryTimeoutMs: 1000,
      });
      conn.onDomainEvent(() => undefined);
      await conn.eventsReady();
      proxy.stall();
      const hung = conn.listAllDomains().catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 100)); // on the wire, unanswered
      const closing = await timed(() => conn.close().then(() => null, (e: unknown) => e));
      // Deregistering events is a round trip libvirtd does not answer: the deadline ends the wait.
      expect(closing.value).toBeInstanceOf(LibvirtError);
      expect((closing.value as LibvirtError).code).toBe(ErrorCode.DEADLINE_EXCEEDED);
      expect(closing.ms).toBeLessThan(1300);
      // Calls after close are refused at once, without a thread.
      const after = await timed(() => conn.hostname().catch((e: unknown) => e));
      expect((after.value as LibvirtError).code).toBe(ErrorCode.INVALID_CONN);
      expect(after.ms).toBeLessThan(50);
      expect(((await hung) as LibvirtError).code).toBe(ErrorCode.DEADLINE_EXCEEDED);
      console.log(`close while hung: rejected after ${closing.ms.toFixed(1)} ms (deadline 1000 ms)`);
    } finally {
      // Dropping the proxy's sockets ends the hung calls and the background teardown (EOF).
      await proxy.close();
    }
    await waitFor(() => (debugCounts()!.queued === 0 ? true : undefined), 5000, 'the queues to drain');
  }, 30_000);

  it('bounds threads: 2 query + 4 action per connection, 64 in all; the rest wait in their queues', async () => {
    const MISSING = '11111111-2222-3333-4444-555555555555';
    const baseline = await quietBinding();
    const proxy = await startStallProxy();
    const conns: Connection[] = [];
    try {
      const open = () =>
        Connection.open(`qemu+unix:///system?socket=${proxy.path}`, { readOnly: true, queryTimeoutMs: 1500 });
      conns.push(await open());
      proxy.stall();
      // One connection: 8 reads and 8 actions at once (the actions ask about a UUID that does not
      // exist, and the connection is read-only: nothing on the host can change).
      const fire = (c: Connection) => [
        ...Array.from({ length: 8 }, () => c.listAllDomains().catch((e: unknown) => e)),
        ...Array.from({ length: 8 }, () => c.suspend(MISSING, { timeoutMs: 1500 }).catch((e: unknown) => e)),
      ];
      const first = fire(conns[0]!);
      await waitFor(() => (debugCounts()!.threads - baseline.threads >= 6 ? true : undefined), 2000, '6 threads');
      await new Promise((r) => setTimeout(r, 100)); // would a 7th start?
      const one = debugCounts()!;
      expect(one.threads - baseline.threads).toBe(6);
      expect(one.queued - baseline.queued).toBe(16 - 6);
      const errors = (await Promise.all(first)) as LibvirtError[];
      expect(errors.map((e) => e.code)).toEqual(Array(16).fill(ErrorCode.DEADLINE_EXCEEDED));
      expect(errors[8]!.message).toBe('libvirt did not answer suspend within 1500 ms');

      // Twelve stalled connections want 12 × 6 = 72 threads: the global cap holds them at 64.
      proxy.resume();
      while (conns.length < 12) conns.push(await open());
      proxy.stall();
      const all = conns.flatMap(fire);
      await waitFor(() => (debugCounts()!.threads - baseline.threads >= 64 ? true : undefined), 3000, '64 threads');
      await new Promise((r) => setTimeout(r, 200));
      const many = debugCounts()!;
      console.log(`12 stalled connections × (8 reads + 8 actions): ${JSON.stringify(many)} (baseline ${JSON.stringify(baseline)})`);
      expect(many.threads - baseline.threads).toBeLessThanOrEqual(64);
      expect(many.threads).toBeLessThanOrEqual(64 + 8); // + the teardown lane's own cap
      expect(many.queued).toBeGreaterThanOrEqual(12 * 16 - 64);
      await Promise.all(all);
      proxy.resume();
    } finally {
      await Promise.all(conns.map((c) => c.close().catch(() => undefined)));
      await proxy.close();
    }
    // Once libvirtd answers, every queue drains and the threads wind down.
    const settled = await waitFor(
      () => {
        const c = debugCounts()!;
        return c.queued === 0 && c.threads <= baseline.threads ? c : undefined;
      },
      15_000,
      'the binding threads to wind down',
    );
    console.log(`after: ${JSON.stringify(settled)}`);
  }, 50_000);

  it('a quitting process is not held by a call libvirt never answers', () => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'hung-exit.ts')], {
      cwd: pkgDir,
      encoding: 'utf8',
      timeout: 15_000,
    });
    const wall = Date.now() - t0;
    const line = r.stdout.trim().split('\n').pop() ?? '';
    console.log(`hung call in a quitting child: ${line}; child wall time ${wall} ms, exit ${r.status}`);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(line) as { code: number; rejectedAfterMs: number; sinceStartMs: number };
    expect(out.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
    expect(out.rejectedAfterMs).toBeGreaterThanOrEqual(999);
    // It exits right after the rejection (tsx start-up aside), not when libvirt's keepalive gives up (~20 s).
    expect(wall).toBeLessThan(out.sinceStartMs + 3000);
  }, 20_000);
});
