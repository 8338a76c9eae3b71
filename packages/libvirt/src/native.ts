// Finds and loads the compiled addon at run time. The wrapper is bundled into other directories
// (electron-vite's out/main), so the .node is located through the package's own location, not
// relative to this file. Never throws: a failure becomes an availability reason.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The addon file produced by binding.gyp (target nbh_libvirt). */
const ADDON = join('build', 'Release', 'nbh_libvirt.node');

/**
 * What the native connection object exposes (see src/connection.h). Every call returns a Promise
 * that does NOT keep the process alive by itself (the wrapper's deadline timers do).
 */
export interface NativeConnection {
  close(): Promise<void>;
  isAlive(): Promise<boolean>;
  hostname(): Promise<string>;
  nodeInfo(): Promise<unknown>;
  capabilities(): Promise<string>;
  domainCapabilities(): Promise<string>;
  libVersion(): Promise<string>;
  hypervisorVersion(): Promise<string>;
  hypervisorType(): Promise<string>;
  nodeMemoryStats(): Promise<unknown>;
  nodeCpuStats(): Promise<unknown>;
  listAllDomains(): Promise<unknown[]>;
  getAllDomainStats(): Promise<unknown[]>;
  domainXml(uuid: string, flags: number): Promise<string>;
  defineXml(xml: string): Promise<unknown>;
  undefine(uuid: string, flags: number): Promise<void>;
  start(uuid: string): Promise<void>;
  shutdown(uuid: string): Promise<void>;
  destroy(uuid: string): Promise<void>;
  suspend(uuid: string): Promise<void>;
  resume(uuid: string): Promise<void>;
  reboot(uuid: string): Promise<void>;
  listSnapshots(uuid: string): Promise<unknown[]>;
  snapshotXml(uuid: string, name: string, flags: number): Promise<string>;
  createSnapshot(uuid: string, xml: string, flags: number): Promise<string>;
  revertToSnapshot(uuid: string, name: string, flags: number): Promise<void>;
  deleteSnapshot(uuid: string, name: string, flags: number): Promise<void>;
  setLifecycleEvents(enabled: boolean): Promise<void>;
}

/** Called on the JS thread for every close callback ('close', reason) and event ('lifecycle', ...). */
export type Dispatch = (kind: string, ...args: unknown[]) => void;

export interface NativeBinding {
  open(uri: string, readOnly: boolean, dispatch: Dispatch): Promise<NativeConnection>;
  libraryVersion(): string | null;
  constants: Record<string, Record<string, number>>;
  debugCounts(): NativeCounts;
}

/** The binding's live worker threads, jobs waiting for one, and connection states still alive. */
export interface NativeCounts {
  threads: number;
  queued: number;
  connections: number;
}

export type LoadResult = { ok: true; binding: NativeBinding } | { ok: false; reason: string };

let cached: LoadResult | undefined;

/** Loads the addon once; later calls return the same outcome. */
export function loadNative(): LoadResult {
  cached ??= tryLoad();
  return cached;
}

function packageDir(): string | null {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('@neighborhood/libvirt/package.json'));
  } catch {
    // Not resolvable as a dependency (e.g. this file run from a checkout without the workspace
    // link): fall back to the directory above src/, which is right when not bundled.
    const here = dirname(fileURLToPath(import.meta.url));
    const candidate = join(here, '..');
    return existsSync(join(candidate, 'binding.gyp')) ? candidate : null;
  }
}

// Why the last build did not produce the addon, as scripts/build.cjs recorded it.
function buildReason(dir: string): string | null {
  try {
    const status = JSON.parse(readFileSync(join(dir, 'build-status.json'), 'utf8')) as {
      available?: boolean;
      reason?: string;
    };
    return status.available === false ? (status.reason ?? 'the native build failed') : null;
  } catch {
    return null;
  }
}

function tryLoad(): LoadResult {
  try {
    const dir = packageDir();
    if (!dir) return { ok: false, reason: 'cannot locate the @neighborhood/libvirt package' };
    const recorded = buildReason(dir);
    if (recorded) return { ok: false, reason: recorded };
    const file = join(dir, ADDON);
    if (!existsSync(file)) {
      return { ok: false, reason: `the native binding has not been built (${file} is missing; run npm install)` };
    }
    const binding = createRequire(import.meta.url)(file) as NativeBinding;
    return { ok: true, binding };
  } catch (err) {
    return { ok: false, reason: `cannot load the native binding: ${(err as Error).message}` };
  }
}
