/**
 * libvirt raises no event when a snapshot is taken, deleted or redefined by another tool (virsh,
 * virt-manager). For a local QEMU driver whose metadata we can read, the snapshot metadata directory
 * (one folder per domain, one XML file per snapshot) says at once which domain's snapshots changed;
 * elsewhere the adapter's slower sweep catches up. A watch that cannot start or fails later just stops:
 * it is a shortcut, never the only way.
 */
import { watch, type FSWatcher } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { reportError } from '../report-error';

/** Where the QEMU driver behind `uri` keeps snapshot metadata, when it is on this machine; else null. */
export function snapshotDirFor(uri: string, env: { home: string; xdgConfigHome?: string | undefined }): string | null {
  const m = /^qemu(?:\+unix)?:\/\/(?:localhost)?\/(system|session)(?:\?.*)?$/.exec(uri.trim());
  if (!m) return null;
  if (m[1] === 'system') return '/var/lib/libvirt/qemu/snapshot';
  return join(env.xdgConfigHome || join(env.home, '.config'), 'libvirt', 'qemu', 'snapshot');
}

/** `vm1/snap.xml` or `vm1` → `vm1`; anything else (the folder itself) → null. */
export function domainOfPath(relative: string | null): string | null {
  if (!relative) return null;
  const first = relative.split('/')[0] ?? '';
  return first === '' || first === '.' || first === '..' ? null : first;
}

/** How long after a failed watch it is started again. */
export const WATCH_RESTART_MS = 500;
/** A failure is reported once in this long: a folder that keeps vanishing under the watch does not flood the log. */
const REPORT_EVERY_MS = 60_000;

/**
 * `onDomain(name)`: that domain's snapshots may have changed; `onDomain(null)`: any domain's may have (the
 * watch failed and was started again, so events in between were lost).
 */
export class SnapshotDirWatch {
  private watcher: FSWatcher | null = null;
  private parentWatcher: FSWatcher | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastReport = -Infinity;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly onDomain: (name: string | null) => void,
  ) {}

  static forUri(uri: string, onDomain: (name: string | null) => void): SnapshotDirWatch | null {
    const dir = snapshotDirFor(uri, { home: homedir(), xdgConfigHome: process.env.XDG_CONFIG_HOME });
    return dir ? new SnapshotDirWatch(dir, onDomain) : null;
  }

  start(): void {
    if (this.closed || this.watcher) return;
    try {
      this.watcher = watch(this.dir, { recursive: true, persistent: false }, (_event, file) => {
        const name = domainOfPath(typeof file === 'string' ? file : null);
        if (name) this.onDomain(name);
      });
      this.watcher.on('error', (error) => this.stop(error));
      this.closeParent();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // libvirt makes the folder with the first snapshot: wait for it to appear.
      if (code === 'ENOENT') this.awaitFolder();
      else if (code !== 'EACCES' && code !== 'EPERM') reportError(`watching ${this.dir} for snapshots`, error);
    }
  }

  private awaitFolder(): void {
    if (this.parentWatcher) return;
    try {
      this.parentWatcher = watch(dirname(this.dir), { persistent: false }, (_event, file) => {
        if (file === basename(this.dir)) this.start();
      });
      this.parentWatcher.on('error', () => this.closeParent());
    } catch {
      // No parent either (libvirt not installed the usual way): the sweep covers it.
    }
  }

  /**
   * Node's recursive watch on Linux fails as a whole when a domain's folder vanishes while it is being
   * added (libvirt removes it with the domain's last snapshot): start again shortly, and say that anything
   * may have changed meanwhile.
   */
  private stop(error: unknown): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.closed) return;
    const now = performance.now();
    if (now - this.lastReport >= REPORT_EVERY_MS) {
      this.lastReport = now;
      reportError(`watching ${this.dir} for snapshots failed (started again)`, error);
    }
    if (this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
      if (!this.closed) this.onDomain(null);
    }, WATCH_RESTART_MS);
    this.restartTimer.unref();
  }

  private closeParent(): void {
    this.parentWatcher?.close();
    this.parentWatcher = null;
  }

  get watching(): boolean {
    return this.watcher !== null;
  }

  close(): void {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    this.watcher?.close();
    this.watcher = null;
    this.closeParent();
  }
}
