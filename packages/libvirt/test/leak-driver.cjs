// Exercises every native call many times against test:///default, for scripts/leak-check.sh to
// run under valgrind. Loads the .node directly (no TS, no bundler) so valgrind sees only Node
// and the binding. Usage: node --expose-gc test/leak-driver.cjs [iterations]
// Native promises do not keep Node alive (the TS wrapper's deadline timers do), so the driver holds
// an interval while it runs.
'use strict';

const path = require('node:path');
const assert = require('node:assert');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');

const b = require(path.join(__dirname, '..', 'build', 'Release', 'nbh_libvirt.node'));
const ITER = Number(process.argv[2] || 50);
const MISSING = '11111111-2222-3333-4444-555555555555';

// Expects a rejection carrying libvirt's code; returns it.
async function fails(promise, code) {
  try {
    await promise;
  } catch (e) {
    if (code !== undefined) assert.strictEqual(e.code, code, e.message);
    return e;
  }
  throw new Error('expected a failure');
}

async function round(i) {
  let events = 0;
  let closes = 0;
  const c = await b.open('test:///default', false, (kind) => (kind === 'lifecycle' ? events++ : closes++));
  await c.setLifecycleEvents(true);
  const [host, info, caps, lv, hv, type, alive] = await Promise.all([
    c.hostname(), c.nodeInfo(), c.capabilities(), c.libVersion(), c.hypervisorVersion(), c.hypervisorType(), c.isAlive(),
  ]);
  assert.ok(host && info.cpus > 0 && caps.includes('<capabilities>') && lv && hv && type === 'TEST' && alive);
  // Host counters: the test driver has no node memory stats (NO_SUPPORT) and answers fixed CPU ones.
  await fails(c.nodeMemoryStats(), 3);
  const cpu = await c.nodeCpuStats();
  assert.ok(cpu.kernelNs > 0 && cpu.userNs > 0 && cpu.idleNs > 0 && cpu.iowaitNs !== undefined);

  const domains = await c.listAllDomains();
  const test = domains.find((d) => d.name === 'test');
  assert.ok(test);
  const stats = await c.getAllDomainStats();
  assert.strictEqual(stats.length, domains.length);
  assert.ok((await c.domainXml(test.uuid, 0)).includes('<domain'));
  await c.domainXml(test.uuid, 3);

  await c.suspend(test.uuid);
  await c.resume(test.uuid);
  await c.reboot(test.uuid);
  await fails(c.domainCapabilities(), 3); // the test driver has no domain capabilities

  // Snapshots: a chain of three, revert, delete one without and one with children.
  const snap = (n) => `<domainsnapshot><name>${n}</name><description>a &lt;b&gt; &amp;amp;</description></domainsnapshot>`;
  assert.strictEqual(await c.createSnapshot(test.uuid, snap(`s${i}a`), 0), `s${i}a`);
  await c.createSnapshot(test.uuid, snap(`s${i}b`), 0);
  await c.createSnapshot(test.uuid, snap(`s${i}c`), 0);
  const list = await c.listSnapshots(test.uuid);
  assert.deepStrictEqual(list.map((s) => s.parent), [null, `s${i}a`, `s${i}b`]);
  assert.ok((await c.snapshotXml(test.uuid, `s${i}a`, 0)).includes('<domainsnapshot>'));
  await c.revertToSnapshot(test.uuid, `s${i}a`, 1);
  await c.deleteSnapshot(test.uuid, `s${i}b`, 0);
  await c.deleteSnapshot(test.uuid, `s${i}a`, 1);
  assert.strictEqual((await c.listSnapshots(test.uuid)).length, 0);

  // Define / start / destroy / undefine a transient test domain.
  const name = `leak-${i}`;
  const d = await c.defineXml(
    `<domain type='test'><name>${name}</name><memory unit='MiB'>32</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>`,
  );
  await c.start(d.uuid);
  await c.shutdown(d.uuid);
  await fails(c.destroy(d.uuid)); // already shut off: OPERATION_INVALID
  await c.undefine(d.uuid, 2);

  // Errors of every kind.
  await fails(c.start(MISSING), 42);
  await fails(c.domainXml('not-a-uuid', 0), 8);
  await fails(c.snapshotXml(test.uuid, 'nope', 0), 72);
  await fails(c.listSnapshots(MISSING), 42);
  await fails(c.createSnapshot(test.uuid, '<not xml', 0));
  await fails(c.defineXml('<domain/>'));
  await fails(b.open('nosuchdriver:///', false, () => {}));
  try {
    c.start(42);
  } catch (e) {
    assert.ok(e instanceof TypeError);
  }

  // Events off and on again, then close while calls are in flight, and close twice.
  await c.setLifecycleEvents(false);
  await c.setLifecycleEvents(true);
  const inflight = Array.from({ length: 8 }, () => c.listAllDomains().catch((e) => e));
  await Promise.all([c.close(), c.close()]);
  await Promise.all(inflight);
  await fails(c.hostname(), 6);
  await fails(c.nodeCpuStats(), 6);
  assert.strictEqual(await c.isAlive(), false);
  // Events are posted from the libvirt event thread: give them a moment to arrive.
  await new Promise((r) => setImmediate(r));
  return { events, closes };
}

// Close a listening connection while another one keeps producing events (test:///default shares
// one driver state per process, so A's suspend/resume is an event on B): events and the close
// race on the libvirt event thread, which must never touch a released sink or freed state.
async function closeUnderEvents() {
  const a = await b.open('test:///default', false, () => {});
  const [test] = (await a.listAllDomains()).filter((d) => d.name === 'test');
  let seen = 0;
  for (let k = 0; k < 5; k++) {
    const l = await b.open('test:///default', true, () => seen++);
    await l.setLifecycleEvents(true);
    const churn = (async () => {
      for (let j = 0; j < 10; j++) {
        await a.suspend(test.uuid);
        await a.resume(test.uuid);
      }
    })();
    await new Promise((r) => setImmediate(r));
    await Promise.all([l.close(), l.setLifecycleEvents(true).catch(() => {}), churn]);
  }
  await a.close();
  return seen;
}

// Connections dropped without close(), with events on and calls in flight: the collector runs
// their destructors, which hand the teardown to a background thread.
async function dropped() {
  const before = b.debugCounts().connections;
  for (let k = 0; k < 3; k++) {
    const c = await b.open('test:///default', k === 0, () => {});
    await c.setLifecycleEvents(true);
    c.listAllDomains().catch(() => {});
  }
  for (let tries = 0; b.debugCounts().connections > before; tries++) {
    if (tries > 400) throw new Error(`dropped connections were never released: ${JSON.stringify(b.debugCounts())}`);
    global.gc();
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A libvirtd that stops answering (a proxy in front of its socket that holds every byte), then
// drops the connection: close() and garbage collection race tasks that are stuck inside libvirt,
// which finish (with an error) only after the teardown has begun.
const SOCK = '/var/run/libvirt/libvirt-sock';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stallingProxy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbh-leak-'));
  const file = path.join(dir, 'sock');
  const sockets = new Set();
  let stalled = false;
  const server = net.createServer((client) => {
    const upstream = net.createConnection(SOCK);
    for (const [from, to] of [[client, upstream], [upstream, client]]) {
      sockets.add(from);
      from.on('data', (chunk) => stalled || to.write(chunk));
      from.on('error', () => {});
      from.on('close', () => to.destroy());
    }
  });
  await new Promise((r) => server.listen(file, r));
  return {
    uri: `qemu+unix:///system?socket=${file}`,
    stall: () => (stalled = true),
    async drop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Opens a connection and returns the only reference to it: a function that fires calls at it.
async function opener(uri) {
  const c = await b.open(uri, true, () => {});
  await c.setLifecycleEvents(true);
  return (calls) => {
    for (let k = 0; k < 6; k++) calls.push(c.listAllDomains().catch((e) => e));
    for (let k = 0; k < 3; k++) calls.push(c.suspend(MISSING).catch((e) => e));
  };
}

async function stalled() {
  if (!fs.existsSync(SOCK)) return;
  const proxy = await stallingProxy();
  const closed = await b.open(proxy.uri, true, () => {});
  await closed.setLifecycleEvents(true);
  await closed.listAllDomains();
  let fire = await opener(proxy.uri);
  proxy.stall();
  const calls = [];
  fire(calls);
  fire = null; // that connection is now unreachable, with its calls stuck inside libvirt
  for (let k = 0; k < 6; k++) calls.push(closed.listAllDomains().catch((e) => e));
  for (let k = 0; k < 3; k++) calls.push(closed.suspend(MISSING).catch((e) => e));
  await sleep(50);
  const closing = closed.close(); // its teardown waits for libvirtd, on the teardown lane
  if (global.gc) global.gc(); // the other connection is unreachable: its destructor tears it down
  await sleep(50);
  await proxy.drop(); // EOF: every stuck call and both teardowns fail and return
  await closing;
  for (const r of await Promise.all(calls)) assert.ok(r instanceof Error, 'a stuck call succeeded');
  while (b.debugCounts().queued > 0) await sleep(10);
}

const hold = setInterval(() => {}, 1000);
(async () => {
  const t0 = Date.now();
  let events = 0;
  for (let i = 0; i < ITER; i++) {
    events += (await round(i)).events;
    if (i % 10 === 0) events += await closeUnderEvents();
    if (i % 10 === 5 && global.gc) await dropped();
    if (i % 10 === 9) await stalled();
  }
  // A connection never closed explicitly: its finalizer path runs at exit / GC.
  const lingering = await b.open('test:///default', true, () => {});
  await lingering.hostname();
  if (global.gc) global.gc();
  console.log(`leak-driver: ${ITER} rounds in ${Date.now() - t0} ms, ${events} events delivered`, b.debugCounts());
})()
  .catch((e) => {
    console.error(e);
    process.exit(1);
  })
  .finally(() => clearInterval(hold));
