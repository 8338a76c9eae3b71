import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainOfPath, snapshotDirFor, SnapshotDirWatch, WATCH_RESTART_MS } from './snapshot-watch';

describe('snapshotDirFor', () => {
  const env = { home: '/home/ann' };
  it.each([
    ['qemu:///system', '/var/lib/libvirt/qemu/snapshot'],
    ['qemu+unix:///system', '/var/lib/libvirt/qemu/snapshot'],
    ['qemu://localhost/system', '/var/lib/libvirt/qemu/snapshot'],
    ['qemu:///session', '/home/ann/.config/libvirt/qemu/snapshot'],
    ['qemu+ssh://far/system', null],
    ['test:///default', null],
    ['qemu+tcp://10.0.0.2/system', null],
  ])('%s → %s', (uri, want) => {
    expect(snapshotDirFor(uri, env)).toBe(want);
  });

  it('honours XDG_CONFIG_HOME for the session driver', () => {
    expect(snapshotDirFor('qemu:///session', { home: '/home/ann', xdgConfigHome: '/cfg' })).toBe('/cfg/libvirt/qemu/snapshot');
  });
});

describe('domainOfPath', () => {
  it.each([
    ['vm1/snap.xml', 'vm1'],
    ['vm1', 'vm1'],
    ['', null],
    [null, null],
    ['../x', null],
  ])('%s → %s', (path, want) => {
    expect(domainOfPath(path)).toBe(want);
  });
});

describe('SnapshotDirWatch', () => {
  it('names the domain whose snapshot folder changed, also when the folder appears only later', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nbh-snapwatch-'));
    const dir = join(root, 'snapshot');
    const seen = new Set<string | null>();
    const w = new SnapshotDirWatch(dir, (name) => seen.add(name));
    try {
      w.start();
      expect(w.watching).toBe(false);
      mkdirSync(join(dir, 'vm-a'), { recursive: true });
      await waitFor(() => w.watching);
      writeFileSync(join(dir, 'vm-a', 'snap1.xml'), '<domainsnapshot/>');
      mkdirSync(join(dir, 'vm-b'));
      writeFileSync(join(dir, 'vm-b', 'snap2.xml'), '<domainsnapshot/>');
      await waitFor(() => seen.has('vm-a') && seen.has('vm-b'));
    } finally {
      w.close();
      rmSync(root, { recursive: true, force: true });
    }
    expect(w.watching).toBe(false);
  });

  // Node's recursive watch fails as a whole when a domain's folder vanishes while it is being added (seen
  // in the e2e suite: "scandir …/nbh-e2e-snap-…: ENOENT"); it used to stop for good, leaving the 15 s sweep.
  it('starts again after the watch fails, says anything may have changed, and sees later changes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nbh-snapwatch-'));
    const dir = join(root, 'snapshot');
    mkdirSync(dir);
    const seen = new Set<string | null>();
    const w = new SnapshotDirWatch(dir, (name) => seen.add(name));
    try {
      w.start();
      expect(w.watching).toBe(true);
      w['watcher']?.emit('error', Object.assign(new Error('ENOENT: no such file or directory, scandir'), { code: 'ENOENT' }));
      expect(w.watching).toBe(false);
      await waitFor(() => w.watching && seen.has(null), WATCH_RESTART_MS + 2000);
      mkdirSync(join(dir, 'vm-c'));
      writeFileSync(join(dir, 'vm-c', 'snap.xml'), '<domainsnapshot/>');
      await waitFor(() => seen.has('vm-c'));
    } finally {
      w.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('does not start again once closed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nbh-snapwatch-'));
    const seen: Array<string | null> = [];
    const w = new SnapshotDirWatch(root, (name) => seen.push(name));
    try {
      w.start();
      w['watcher']?.emit('error', new Error('gone'));
      w.close();
      await new Promise((r) => setTimeout(r, WATCH_RESTART_MS + 200));
      expect(w.watching).toBe(false);
      expect(seen).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

async function waitFor(ok: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
