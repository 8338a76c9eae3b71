// When the addon is missing, importing still works and every entry point explains why.
// Runs against a copy of the wrapper in a temporary directory (no workspace link, no build).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Lib from '../src/index';

const pkgDir = resolve(import.meta.dirname, '..');
const dirs: string[] = [];

function copyWrapper(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nbh-libvirt-'));
  dirs.push(dir);
  cpSync(join(pkgDir, 'src'), join(dir, 'src'), { recursive: true, filter: (f) => !f.endsWith('.cc') && !f.endsWith('.h') });
  cpSync(join(pkgDir, 'binding.gyp'), join(dir, 'binding.gyp'));
  return dir;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loading without a built addon', () => {
  it('reports the reason recorded by the build', async () => {
    const dir = copyWrapper();
    const reason = 'libvirt-dev is not installed (pkg-config cannot find libvirt)';
    writeFileSync(join(dir, 'build-status.json'), JSON.stringify({ available: false, reason }));
    const lib = (await import(join(dir, 'src', 'index.ts'))) as typeof Lib;
    expect(lib.availability()).toEqual({ available: false, reason });
    expect(lib.libraryVersion()).toBeNull();
    expect(lib.DomainState.RUNNING).toBe(1);
    const err = await lib.Connection.open('test:///default').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(lib.LibvirtError);
    expect((err as InstanceType<typeof lib.LibvirtError>).code).toBe(lib.ErrorCode.UNAVAILABLE);
    expect((err as Error).message).toContain(reason);
  });

  it('says the addon was not built when there is no build at all', async () => {
    const dir = copyWrapper();
    const lib = (await import(join(dir, 'src', 'index.ts'))) as typeof Lib;
    const a = lib.availability();
    expect(a.available).toBe(false);
    expect(a.available === false && a.reason).toMatch(/has not been built/);
  });
});
