/**
 * libvirt's own command line, as the judge of what the app did: what snapshots a VM has, which one is
 * current, what libvirt stored — and the same operations timed, to put beside the app's own times.
 */
import { run } from '../../tests/support/engines';
import { LIBVIRT_URI } from '../../tests/support/vms';

export async function virsh(...args: string[]): Promise<string> {
  return (await run('virsh', ['-c', LIBVIRT_URI, ...args])).stdout.trim();
}

/** Snapshot names of a VM (by uuid), sorted. */
export async function snapshotNames(uuid: string): Promise<string[]> {
  return (await virsh('snapshot-list', uuid, '--name'))
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .sort();
}

export async function currentSnapshot(uuid: string): Promise<string> {
  return virsh('snapshot-current', uuid, '--name');
}

/** Runs `virsh …` and returns how long it took, ms. */
export async function timedVirsh(...args: string[]): Promise<number> {
  const started = performance.now();
  await virsh(...args);
  return Math.round(performance.now() - started);
}

/** Undoes XML escaping as libvirt writes it (&lt; &gt; &amp; &apos; &quot;). */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[e] ?? _m);
}
