// A Connection dropped without close() must be garbage-collected (the native dispatcher holds it
// only weakly), and its native destructor must release the libvirt connection — socket and event
// registration — in the background. Proven from libvirtd's side: its client list (virt-admin).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingAvailable } from './helpers';
import { LIBVIRT_SOCKET } from './stall-proxy';
import { hasVirtAdmin } from './virt-admin';

const pkgDir = resolve(import.meta.dirname, '..');

describe.skipIf(!bindingAvailable() || !hasVirtAdmin || !existsSync(LIBVIRT_SOCKET))('a dropped connection', () => {
  it('is collected, and libvirtd sees its client go away', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'fixtures', 'drop-connection.ts')],
      { cwd: pkgDir, encoding: 'utf8', timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    console.log(`dropped connection: ${line}`);
    const out = JSON.parse(line) as {
      before: { clients: number; native: number };
      open: { clients: number; native: number };
      after: { clients: number; native: number };
      collected: boolean;
    };
    expect(out.open.clients).toBe(out.before.clients + 1);
    expect(out.open.native).toBe(out.before.native + 1);
    expect(out.collected).toBe(true);
    expect(out.after).toEqual(out.before);
  }, 40_000);
});
