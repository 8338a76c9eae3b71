// The binding against libvirt's in-process test driver (test:///default: one running domain
// "test"). Needs no daemon, so it runs anywhere the binding builds.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Connection,
  debugCounts,
  DomainState,
  ErrorCode,
  LibvirtError,
  SnapshotRevertFlags,
  snapshotCreateXml,
  type DomainEvent,
  type DomainSummary,
} from '../src/index';
import { bindingAvailable, waitFor, xmlText } from './helpers';

const MISSING_UUID = '11111111-2222-3333-4444-555555555555';

describe.skipIf(!bindingAvailable())('libvirt binding on test:///default', () => {
  let conn: Connection;
  let test: DomainSummary;

  beforeAll(async () => {
    conn = await Connection.open('test:///default');
    const domains = await conn.listAllDomains();
    test = domains.find((d) => d.name === 'test')!;
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('reports the host', async () => {
    expect(conn.uri).toBe('test:///default');
    expect(await conn.isAlive()).toBe(true);
    expect((await conn.hostname()).length).toBeGreaterThan(0);
    const info = await conn.nodeInfo();
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memoryKiB).toBeGreaterThan(0);
    expect(typeof info.model).toBe('string');
    expect(await conn.libVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await conn.hypervisorVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await conn.hypervisorType()).toBe('TEST');
    expect(await conn.capabilities()).toContain('<capabilities>');
  });

  // The test driver has no node memory stats (virNodeGetMemoryStats is not implemented: NO_SUPPORT),
  // and answers virNodeGetCPUStats with fixed made-up counters (the same on every call).
  it('refuses nodeMemoryStats with NO_SUPPORT, and answers nodeCpuStats with fixed counters', async () => {
    const err = await conn.nodeMemoryStats().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect((err as LibvirtError).code).toBe(ErrorCode.NO_SUPPORT);
    expect((err as LibvirtError).message).toMatch(/virNodeGetMemoryStats/);

    const cpu = await conn.nodeCpuStats();
    for (const v of [cpu.kernelNs, cpu.userNs, cpu.idleNs, cpu.iowaitNs]) {
      expect(Number.isSafeInteger(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    expect(await conn.nodeCpuStats()).toEqual(cpu);
  });

  it('lists the running test domain', async () => {
    expect(test).toBeDefined();
    expect(test.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(test.active).toBe(true);
    expect(test.persistent).toBe(true);
    expect(test.id).toBeGreaterThan(0);
    expect(test.state).toBe(DomainState.RUNNING);
    expect(test.vcpus).toBeGreaterThan(0);
    expect(test.maxMemoryKiB).toBeGreaterThan(0);
  });

  it('returns one bulk stats record per domain', async () => {
    const [domains, stats] = await Promise.all([conn.listAllDomains(), conn.getAllDomainStats()]);
    expect(stats.map((s) => s.uuid).sort()).toEqual(domains.map((d) => d.uuid).sort());
    const rec = stats.find((s) => s.uuid === test.uuid)!;
    expect(rec.name).toBe('test');
    expect(rec.params['state.state']).toBe(DomainState.RUNNING);
  });

  it('returns the domain XML', async () => {
    const xml = await conn.domainXml(test.uuid);
    expect(xmlText(xml, 'name')).toBe('test');
    expect(xmlText(xml, 'uuid')).toBe(test.uuid);
    expect(await conn.domainXml(test.uuid, { inactive: true, secure: true })).toContain('<domain');
  });

  it('delivers lifecycle events for suspend and resume', async () => {
    const events: DomainEvent[] = [];
    const off = conn.onDomainEvent((e) => events.push(e));
    try {
      await conn.eventsReady();
      await conn.suspend(test.uuid);
      expect((await conn.listAllDomains()).find((d) => d.uuid === test.uuid)!.state).toBe(DomainState.PAUSED);
      await conn.resume(test.uuid);
      await waitFor(() => (events.length >= 2 ? true : undefined), 2000, 'two events');
      expect(events.map((e) => [e.type, e.uuid, e.name])).toEqual([
        ['suspended', test.uuid, 'test'],
        ['resumed', test.uuid, 'test'],
      ]);
    } finally {
      off();
    }
    // After the last listener is gone no more events arrive.
    await conn.eventsReady();
    await conn.suspend(test.uuid);
    await conn.resume(test.uuid);
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toHaveLength(2);
  });

  it('creates, lists, reverts and deletes snapshots', async () => {
    const description = 'Before the <b>upgrade</b> &amp; "reboot" — it\'s fine';
    const xml = snapshotCreateXml({ name: 'base', description });
    expect(xml).toContain('&lt;b&gt;upgrade&lt;/b&gt; &amp;amp; &quot;reboot&quot;');
    expect(await conn.createSnapshot(test.uuid, xml)).toBe('base');
    expect(await conn.createSnapshot(test.uuid, snapshotCreateXml({ name: 'mid' }))).toBe('mid');
    expect(await conn.createSnapshot(test.uuid, snapshotCreateXml({ name: 'top' }))).toBe('top');

    expect(await conn.listSnapshots(test.uuid)).toEqual([
      { name: 'base', parent: null, current: false },
      { name: 'mid', parent: 'base', current: false },
      { name: 'top', parent: 'mid', current: true },
    ]);
    const baseXml = await conn.snapshotXml(test.uuid, 'base');
    expect(xmlText(baseXml, 'name')).toBe('base');
    expect(xmlText(baseXml, 'description')).toBe(description);

    await conn.revertToSnapshot(test.uuid, 'base', SnapshotRevertFlags.RUNNING);
    expect((await conn.listSnapshots(test.uuid)).find((s) => s.current)?.name).toBe('base');

    // Without children: 'top' is re-parented onto 'base'.
    await conn.deleteSnapshot(test.uuid, 'mid');
    expect(await conn.listSnapshots(test.uuid)).toEqual([
      { name: 'base', parent: null, current: true },
      { name: 'top', parent: 'base', current: false },
    ]);
    // With children: everything below goes too.
    await conn.deleteSnapshot(test.uuid, 'base', { children: true });
    expect(await conn.listSnapshots(test.uuid)).toEqual([]);

    const err = await conn.snapshotXml(test.uuid, 'base').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect((err as LibvirtError).code).toBe(ErrorCode.NO_DOMAIN_SNAPSHOT);
  });

  it('defines, starts, stops and undefines a domain', async () => {
    const events: DomainEvent[] = [];
    const off = conn.onDomainEvent((e) => events.push(e));
    const xml = `<domain type='test'><name>nbh-defined</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>
      <os><type>hvm</type></os></domain>`;
    const d = await conn.defineXml(xml);
    expect(d).toMatchObject({ name: 'nbh-defined', active: false, id: -1, state: DomainState.SHUTOFF });
    await conn.start(d.uuid);
    await conn.destroy(d.uuid);
    await conn.undefine(d.uuid, { snapshotsMetadata: true });
    await waitFor(() => (events.length >= 4 ? true : undefined), 2000, 'four events');
    off();
    expect(events.map((e) => e.type)).toEqual(['defined', 'started', 'stopped', 'undefined']);
    expect((await conn.listAllDomains()).some((x) => x.uuid === d.uuid)).toBe(false);
  });

  it('reboots a running domain (hypervisor default method); the test driver has no domain capabilities', async () => {
    await conn.reboot(test.uuid);
    expect((await conn.listAllDomains()).find((d) => d.uuid === test.uuid)!.state).toBe(DomainState.RUNNING);
    const err = await conn.reboot(MISSING_UUID).catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(ErrorCode.NO_DOMAIN);
    const caps = await conn.domainCapabilities().catch((e: unknown) => e);
    expect(caps).toBeInstanceOf(LibvirtError);
    expect((caps as LibvirtError).code).toBe(ErrorCode.NO_SUPPORT);
  });

  it('reports a throwing listener to console.error and keeps delivering to the others', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new Error('listener bug');
    const seen: string[] = [];
    const offBad = conn.onDomainEvent(() => {
      throw boom;
    });
    const offGood = conn.onDomainEvent((e) => seen.push(e.type));
    try {
      await conn.eventsReady();
      await conn.suspend(test.uuid);
      await conn.resume(test.uuid);
      await waitFor(() => (seen.length >= 2 ? true : undefined), 2000, 'two events');
      expect(seen).toEqual(['suspended', 'resumed']);
      expect(spy).toHaveBeenCalledWith('libvirt: a domain-event listener threw', boom);
      expect(spy.mock.calls.filter((c) => c[1] === boom)).toHaveLength(2);
    } finally {
      offBad();
      offGood();
      spy.mockRestore();
    }
  });

  it('hands listener errors to onListenerError when given', async () => {
    const reported: Array<[unknown, string]> = [];
    const c = await Connection.open('test:///default', { onListenerError: (err, source) => reported.push([err, source]) });
    try {
      const boom = new Error('listener bug');
      c.onDomainEvent(() => {
        throw boom;
      });
      await c.eventsReady();
      await c.suspend(test.uuid);
      await c.resume(test.uuid);
      await waitFor(() => (reported.length >= 2 ? true : undefined), 2000, 'two reports');
      expect(reported).toEqual([
        [boom, 'domain-event'],
        [boom, 'domain-event'],
      ]);
    } finally {
      await c.close();
    }
  });

  it('refuses bad deadlines with INVALID_ARG', async () => {
    for (const options of [{ queryTimeoutMs: 0 }, { actionTimeoutMs: -5 }, { queryTimeoutMs: Number.NaN }]) {
      const err = await Connection.open('test:///default', options).catch((e: unknown) => e);
      expect((err as LibvirtError).code, JSON.stringify(options)).toBe(ErrorCode.INVALID_ARG);
    }
    const err = await conn.suspend(test.uuid, { timeoutMs: 2 ** 40 }).catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(ErrorCode.INVALID_ARG);
    expect(conn.queryTimeoutMs).toBe(15_000);
    expect(conn.actionTimeoutMs).toBe(600_000);
    const custom = await Connection.open('test:///default', { queryTimeoutMs: 1234, actionTimeoutMs: 5678 });
    expect([custom.queryTimeoutMs, custom.actionTimeoutMs]).toEqual([1234, 5678]);
    await custom.close();
  });

  it('refuses calls after close at once, and its lanes wind down', async () => {
    const c = await Connection.open('test:///default');
    await Promise.all([c.listAllDomains(), c.hostname(), c.suspend(MISSING_UUID).catch(() => undefined)]);
    const busy = debugCounts()!;
    await c.close();
    const err = await c.listAllDomains().catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(ErrorCode.INVALID_CONN);
    expect(await c.isAlive()).toBe(false);
    // Closed lanes let their threads go as soon as their queues are empty (only the shared
    // teardown lane's idle thread may linger, for up to 5 s).
    await waitFor(() => (debugCounts()!.threads <= busy.threads - 1 ? true : undefined), 2000, 'lane threads to exit');
    expect(debugCounts()!.queued).toBe(0);
  });

  it('rejects an unknown domain with libvirt code, domain and message', async () => {
    const err = await conn.start(MISSING_UUID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    const e = err as LibvirtError;
    expect(e.code).toBe(ErrorCode.NO_DOMAIN);
    expect(e.domain).toBe(12); // VIR_FROM_TEST
    expect(e.level).toBe(2);
    expect(e.message).toMatch(/domain not found/i);
    const bad = await conn.domainXml('not-a-uuid').catch((x: unknown) => x);
    expect(bad).toBeInstanceOf(LibvirtError);
    expect((bad as LibvirtError).code).toBe(ErrorCode.INVALID_ARG);
  });

  it('rejects an unknown URI', async () => {
    const err = await Connection.open('nosuchdriver:///x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LibvirtError);
    expect((err as LibvirtError).message.length).toBeGreaterThan(0);
  });

  it('survives close while calls are in flight, and close twice', async () => {
    const c = await Connection.open('test:///default', { readOnly: true });
    c.onDomainEvent(() => {});
    const calls = Array.from({ length: 20 }, () => c.listAllDomains().then(() => 'ok', (e: LibvirtError) => e.code));
    await Promise.all([c.close(), c.close()]);
    await c.close();
    for (const r of await Promise.all(calls)) expect(['ok', ErrorCode.INVALID_CONN]).toContain(r);
    expect(await c.isAlive()).toBe(false);
    const after = await c.hostname().catch((e: unknown) => e);
    expect(after).toBeInstanceOf(LibvirtError);
    expect((after as LibvirtError).code).toBe(ErrorCode.INVALID_CONN);
  });

  it('refuses writes on a read-only connection', async () => {
    const ro = await Connection.open('test:///default', { readOnly: true });
    try {
      const err = await ro.suspend(test.uuid).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LibvirtError);
      expect((err as LibvirtError).code).toBe(ErrorCode.OPERATION_DENIED);
    } finally {
      await ro.close();
    }
  });
});
