/**
 * The Engines dialog's "Test" for a libvirt URI: connect once, say who answered ("libvirt 9.0.0 on box
 * (2 CPUs, 24 GiB)") or exactly why not, and close everything it opened — with a deadline, so a URI that
 * leads nowhere answers in seconds.
 */
import { availability, Connection } from '@neighborhood/libvirt';
import type { EngineTestResult } from '../../contract';
import { libvirtHint } from './libvirt-endpoint';

const TEST_DEADLINE_MS = 10_000;
const GiB = 1024 ** 3;

export async function testLibvirtUri(uri: string): Promise<EngineTestResult> {
  const binding = availability();
  if (!binding.available) return { ok: false, message: `libvirt is not available here: ${binding.reason}. ${libvirtHint(binding.reason, false)}`, version: null, host: null };
  let conn: Connection | null = null;
  try {
    conn = await Connection.open(uri, { queryTimeoutMs: TEST_DEADLINE_MS });
    const [hostname, node, memory, version] = await Promise.all([conn.hostname(), conn.nodeInfo(), conn.nodeMemoryStats().catch(() => null), conn.libVersion()]);
    const bytes = (memory?.totalKiB ?? node.memoryKiB) * 1024;
    return { ok: true, message: `libvirt ${version} on ${hostname} (${node.cpus} CPUs, ${(bytes / GiB).toFixed(bytes < 10 * GiB ? 1 : 0)} GiB)`, version, host: hostname };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, message: `${reason}. ${libvirtHint(reason, true)}`, version: null, host: null };
  } finally {
    await conn?.close().catch(() => undefined);
  }
}
