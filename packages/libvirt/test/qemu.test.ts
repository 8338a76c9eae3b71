// The binding against the real QEMU driver through libvirtd (qemu:///system, started by
// scripts/lab.sh up). The test defines its own tiny guest — a small empty qcow2 disk, no OS; it
// boots into firmware and idles under TCG — and removes it afterwards even when a test fails.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Connection,
  DomainState,
  ErrorCode,
  escapeXml,
  LibvirtError,
  SnapshotCreateFlags,
  SnapshotRevertFlags,
  snapshotCreateXml,
  type DomainEvent,
  type DomainSummary,
} from '../src/index';
import { bindingAvailable, waitFor, xmlText } from './helpers';
import { clientIdsOf, hasVirtAdmin } from './virt-admin';

const URI = 'qemu:///system';
// The pid in the name lets a later run recognise (and remove) guests a crashed run left behind.
const NAME = `nbh-test-${process.pid}-${randomBytes(3).toString('hex')}`;
const IMAGES = '/var/lib/libvirt/images';
const DISK = `${IMAGES}/${NAME}.qcow2`;

const domainXml = `<domain type='qemu'>
  <name>${NAME}</name>
  <description>Neighborhood binding test guest</description>
  <memory unit='MiB'>128</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <features><acpi/></features>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${DISK}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='user'><model type='virtio'/></interface>
    <memballoon model='virtio'/>
  </devices>
</domain>`;

/**
 * A snapshot's own XML (as snapshotXml returns it) with its description replaced. Only the part
 * before the embedded <domain> is the snapshot's; the domain has a <description> of its own.
 */
function withSnapshotDescription(xml: string, description: string): string {
  const cut = xml.search(/<domain[\s>]/); // not <domainsnapshot>
  const head = cut < 0 ? xml : xml.slice(0, cut);
  const tail = cut < 0 ? '' : xml.slice(cut);
  const element = `<description>${escapeXml(description)}</description>`;
  const edited = /<description>[\s\S]*?<\/description>/.test(head)
    ? head.replace(/<description>[\s\S]*?<\/description>/, () => element)
    : head.replace(/<\/name>/, () => `</name>\n  ${element}`);
  return edited + tail;
}

/** The snapshot part of a snapshot XML without its description (to compare everything else). */
const withoutDescription = (xml: string) => xml.replace(/<description>[\s\S]*?<\/description>\s*/, '');

const gone = (codes: number[]) => (e: unknown) => {
  if (!(e instanceof LibvirtError) || !codes.includes(e.code)) throw e;
};

/**
 * Destroys and undefines the guest, surviving a libvirtd restart in between (the connection then
 * fails with an RPC/system error): it retries on fresh connections for up to 30 s.
 */
async function removeGuest(first: Connection | undefined, uuid: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let c = first;
  for (;;) {
    try {
      if (!c) throw new Error('no connection');
      await c.destroy(uuid).catch(gone([ErrorCode.OPERATION_INVALID, ErrorCode.NO_DOMAIN]));
      await c.undefine(uuid, { snapshotsMetadata: true }).catch(gone([ErrorCode.NO_DOMAIN]));
      if (c !== first) await c.close();
      return;
    } catch (err) {
      if (c && c !== first) await c.close().catch(() => {});
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
      c = await Connection.open(URI).catch(() => undefined);
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes guests (and disks) of earlier runs of this file whose process is gone. */
async function removeLeftovers(c: Connection): Promise<void> {
  for (const d of await c.listAllDomains()) {
    const m = /^nbh-test-(\d+)-[0-9a-f]+$/.exec(d.name);
    if (!m || processAlive(Number(m[1]))) continue;
    await removeGuest(c, d.uuid);
    rmSync(`${IMAGES}/${d.name}.qcow2`, { force: true });
  }
}

describe.skipIf(!bindingAvailable())('libvirt binding on qemu:///system', () => {
  let conn: Connection;
  let dom: DomainSummary;
  const events: Array<DomainEvent & { at: number }> = [];

  beforeAll(async () => {
    conn = await Connection.open(URI);
    await removeLeftovers(conn);
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', DISK, '32M']);
    conn.onDomainEvent((e) => {
      if (e.name === NAME) events.push({ ...e, at: Date.now() });
    });
    await conn.eventsReady();
    dom = await conn.defineXml(domainXml);
  }, 60_000);

  afterAll(async () => {
    try {
      if (dom) await removeGuest(conn, dom.uuid);
    } finally {
      await conn?.close().catch(() => {});
      rmSync(DISK, { force: true });
    }
  }, 60_000);

  it('defines the guest shut off', () => {
    expect(dom).toMatchObject({ name: NAME, active: false, persistent: true, state: DomainState.SHUTOFF, vcpus: 1 });
    expect(dom.maxMemoryKiB).toBe(128 * 1024);
  });

  it("starts it and sees the 'started' event within 1 s", async () => {
    await conn.start(dom.uuid);
    const started = Date.now();
    const ev = await waitFor(() => events.find((e) => e.type === 'started'), 1000, "the 'started' event");
    expect(ev.uuid).toBe(dom.uuid);
    expect(ev.at - started).toBeLessThanOrEqual(1000);
    const now = (await conn.listAllDomains()).find((d) => d.uuid === dom.uuid)!;
    expect(now).toMatchObject({ active: true, state: DomainState.RUNNING });
    expect(now.id).toBeGreaterThan(0);
  }, 30_000);

  it('reports cpu, balloon, block and net in the bulk stats', async () => {
    const stats = await conn.getAllDomainStats();
    const rec = stats.find((s) => s.uuid === dom.uuid)!;
    expect(rec.name).toBe(NAME);
    const p = rec.params;
    expect(p['state.state']).toBe(DomainState.RUNNING);
    expect(typeof p['cpu.time']).toBe('number');
    expect(p['balloon.current']).toBe(128 * 1024);
    expect(p['vcpu.current']).toBe(1);
    expect(p['block.count']).toBe(1);
    expect(p['block.0.name']).toBe('vda');
    expect(p['block.0.path']).toBe(DISK);
    expect(p['block.0.capacity']).toBe(32 * 1024 * 1024);
    expect(p['net.count']).toBe(1);
    // Every domain libvirtd knows appears once (the lab's demo VMs included).
    const all = await conn.listAllDomains();
    expect(stats.length).toBe(all.length);
  }, 30_000);

  it('takes, reverts to and deletes an internal snapshot with memory', async () => {
    const description = 'Live <b>checkpoint</b> & more';
    const name = await conn.createSnapshot(dom.uuid, snapshotCreateXml({ name: 'live-1', description }));
    expect(name).toBe('live-1');
    expect(await conn.listSnapshots(dom.uuid)).toEqual([{ name: 'live-1', parent: null, current: true }]);
    const xml = await conn.snapshotXml(dom.uuid, 'live-1');
    expect(xmlText(xml, 'description')).toBe(description);
    expect(xmlText(xml, 'state')).toBe('running');
    expect(xml).toMatch(/<memory snapshot='internal'\/>/);
    expect(xml).toMatch(/<disk name='vda' snapshot='internal'\/>/);

    await conn.revertToSnapshot(dom.uuid, 'live-1', SnapshotRevertFlags.RUNNING);
    const after = (await conn.listAllDomains()).find((d) => d.uuid === dom.uuid)!;
    expect(after.state).toBe(DomainState.RUNNING);

    await conn.deleteSnapshot(dom.uuid, 'live-1');
    expect(await conn.listSnapshots(dom.uuid)).toEqual([]);
  }, 120_000);

  it('redefines snapshot descriptions from their own XML, stored verbatim as text (hostile text included)', async () => {
    expect(await conn.createSnapshot(dom.uuid, snapshotCreateXml({ name: 'base', description: 'first' }))).toBe('base');
    expect(await conn.createSnapshot(dom.uuid, snapshotCreateXml({ name: 'top', description: 'second' }))).toBe('top');
    const listed = await conn.listSnapshots(dom.uuid);
    expect(listed).toEqual([
      { name: 'base', parent: null, current: false },
      { name: 'top', parent: 'base', current: true },
    ]);
    const hostile = "</description><disks><disk name='vda' snapshot='external'/></disks>";
    const edits: Array<[string, number, string]> = [
      // The current snapshot keeps being current only with CURRENT.
      ['top', SnapshotCreateFlags.REDEFINE | SnapshotCreateFlags.CURRENT, hostile],
      ['base', SnapshotCreateFlags.REDEFINE, `${hostile} & "more" <b>—</b> ünïcödé`],
    ];
    try {
      for (const [name, flags, description] of edits) {
        const before = await conn.snapshotXml(dom.uuid, name);
        const edited = withSnapshotDescription(before, description);
        expect(await conn.createSnapshot(dom.uuid, edited, flags)).toBe(name);
        const after = await conn.snapshotXml(dom.uuid, name);
        expect(xmlText(after, 'description'), name).toBe(description);
        // Text, not markup: the disks are what they were, and nothing else changed.
        expect(after.match(/<disks>/g), name).toHaveLength(1);
        expect(after).toMatch(/<disk name='vda' snapshot='internal'\/>/);
        expect(after).not.toMatch(/<disk name='vda' snapshot='external'\/>/);
        expect(withoutDescription(after)).toBe(withoutDescription(before));
      }
      expect(await conn.listSnapshots(dom.uuid)).toEqual(listed);
    } finally {
      await conn.deleteSnapshot(dom.uuid, 'base', { children: true });
    }
    expect(await conn.listSnapshots(dom.uuid)).toEqual([]);
  }, 120_000);

  it('reports the domain capabilities of the default emulator (read-write connections only)', async () => {
    const xml = await conn.domainCapabilities();
    expect(xml).toMatch(/^<domainCapabilities>/);
    // The default virt type is kvm whenever /dev/kvm exists, even where guests end up on TCG.
    expect(xmlText(xml, 'domain')).toMatch(/^(kvm|qemu)$/);
    expect(xml).toMatch(/<os supported='yes'>/);
    expect(xml).toMatch(/<path>\/usr\/bin\/qemu-system-x86_64<\/path>/);
  });

  it('reboots it (hypervisor default: ACPI) and it keeps running', async () => {
    await conn.reboot(dom.uuid, { timeoutMs: 30_000 });
    const now = (await conn.listAllDomains()).find((d) => d.uuid === dom.uuid)!;
    expect(now.active).toBe(true);
    const err = await conn.reboot('11111111-2222-3333-4444-555555555555').catch((e: unknown) => e);
    expect((err as LibvirtError).code).toBe(ErrorCode.NO_DOMAIN);
  }, 60_000);

  it("destroys it and sees 'stopped', then undefines it", async () => {
    await conn.destroy(dom.uuid);
    await waitFor(() => events.find((e) => e.type === 'stopped'), 5000, "the 'stopped' event");
    await conn.undefine(dom.uuid, { snapshotsMetadata: true });
    await waitFor(() => events.find((e) => e.type === 'undefined'), 5000, "the 'undefined' event");
    expect((await conn.listAllDomains()).some((d) => d.uuid === dom.uuid)).toBe(false);
  }, 60_000);
});

// No host in the URI: libvirtd runs on this machine, so its host is the one /proc describes.
const LOCAL = new URL(URI).host === '';

/** MemTotal from /proc/meminfo, in KiB (the kernel's "kB"). */
function memTotalKiB(): number {
  const m = /^MemTotal:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'));
  if (!m) throw new Error('no MemTotal in /proc/meminfo');
  return Number(m[1]);
}

describe.skipIf(!bindingAvailable())('host memory and CPU stats on qemu:///system', () => {
  let conn: Connection;

  beforeAll(async () => {
    conn = await Connection.open(URI, { readOnly: true });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('reports whole-host memory: total > free > 0, total = MemTotal (±2%) when local', async () => {
    const mem = await conn.nodeMemoryStats();
    expect(mem.totalKiB).toBeGreaterThan(mem.freeKiB);
    expect(mem.freeKiB).toBeGreaterThan(0);
    for (const v of [mem.buffersKiB, mem.cachedKiB]) {
      if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      if (v !== null) expect(v).toBeLessThan(mem.totalKiB);
    }
    // All cells together: at least what nodeInfo reports (which may be one NUMA node's memory).
    expect(mem.totalKiB).toBeGreaterThanOrEqual((await conn.nodeInfo()).memoryKiB * 0.98);
    if (LOCAL) {
      const memTotal = memTotalKiB();
      expect(Math.abs(mem.totalKiB - memTotal)).toBeLessThanOrEqual(memTotal * 0.02);
    }
  });

  it('reports whole-host CPU time that grows between two calls ~200 ms apart', async () => {
    const a = await conn.nodeCpuStats();
    const t0 = process.hrtime.bigint();
    await new Promise((r) => setTimeout(r, 200));
    const b = await conn.nodeCpuStats();
    const elapsedNs = Number(process.hrtime.bigint() - t0);
    for (const k of ['kernelNs', 'userNs', 'idleNs'] as const) {
      expect(Number.isSafeInteger(a[k])).toBe(true);
      expect(b[k]).toBeGreaterThanOrEqual(a[k]);
    }
    if (a.iowaitNs !== null && b.iowaitNs !== null) expect(b.iowaitNs).toBeGreaterThanOrEqual(a.iowaitNs);
    const sum = (s: typeof a) => s.kernelNs + s.userNs + s.idleNs;
    const grown = sum(b) - sum(a);
    expect(grown).toBeGreaterThan(0);
    // Nanoseconds summed over all CPUs: at most (elapsed wall time + one tick) per CPU, so a
    // unit mix-up (µs, jiffies) or a single CPU's counters would show here.
    if (LOCAL) expect(grown).toBeLessThanOrEqual((elapsedNs + 20e6) * cpus().length);
  });
});

describe.skipIf(!bindingAvailable() || !hasVirtAdmin)('the close callback on qemu:///system', () => {
  it("reports 'eof' when libvirtd drops the client, and close() still cleans up", async () => {
    const c = await Connection.open(URI, { readOnly: true });
    const reasons: string[] = [];
    c.onClose((r) => reasons.push(r));
    c.onDomainEvent(() => {});
    await c.eventsReady();
    try {
      // Only this process's own client is disconnected; nobody else's connection is touched.
      const mine = clientIdsOf(process.pid);
      expect(mine).toHaveLength(1);
      execFileSync('virt-admin', ['client-disconnect', 'libvirtd', mine[0]!]);
      await waitFor(() => (reasons.length ? true : undefined), 5000, 'the close callback');
      expect(reasons).toEqual(['eof']);
      expect(await c.isAlive()).toBe(false);
      const err = await c.hostname().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LibvirtError);
    } finally {
      await c.close();
      await c.close();
    }
  }, 30_000);
});
