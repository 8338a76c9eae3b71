/**
 * What libvirt 9.0 (Debian 12) can and cannot do with snapshots, decided before libvirt is asked, each
 * "no" with its reason and the fix (see DESIGN.md): internal snapshots need every writable disk in qcow2;
 * a running guest with UEFI (pflash) firmware cannot be checkpointed internally; external snapshots can be
 * listed and taken but reverted only from libvirt 9.9 on; internal and external snapshots are never mixed
 * on one VM (peers lost data there). Pure: the panel shows these answers, and the adapter refuses by them.
 */
import type { SnapshotRules, VmState } from '../../contract';
import type { DomainXmlFacts } from './domain-xml';

export interface SnapshotRulesInput {
  state: VmState;
  facts: Pick<DomainXmlFacts, 'disks' | 'firmware'>;
  snapshots: ReadonlyArray<{ external: boolean }>;
}

/** A guest whose memory exists to be saved. */
const LIVE: ReadonlySet<VmState> = new Set(['running', 'paused']);

/** The first writable disk that is not qcow2, as the reason internal snapshots are impossible. */
function internalDiskProblem(disks: SnapshotRulesInput['facts']['disks']): string | null {
  for (const d of disks) {
    if (d.device !== 'disk' || d.readonly) continue;
    if (d.format !== 'qcow2') {
      const what = d.format ? `a ${d.format} disk` : 'a disk of unknown format';
      return `Disk ${d.target} is ${what}; snapshots inside the disk images (internal) need every disk in qcow2. Convert it while the VM is shut off (qemu-img convert -O qcow2 old new) and point the disk at the new file.`;
    }
  }
  return null;
}

export function snapshotRules({ state, facts, snapshots }: SnapshotRulesInput): SnapshotRules {
  const hasExternal = snapshots.some((s) => s.external);
  const hasInternal = snapshots.some((s) => !s.external);
  const noMixInternal = hasExternal
    ? 'This VM has external snapshots; mixing internal ones with them loses data in other tools. Delete the external snapshots first.'
    : null;
  const internal = internalDiskProblem(facts.disks) ?? noMixInternal;

  if (state === 'shutoff') {
    return { take: internal, memory: 'The VM is shut off: it has no memory to save.', diskOnly: null };
  }
  if (!LIVE.has(state)) {
    const why = `The VM is ${state === 'shutdown' ? 'shutting down' : state}; snapshots can be taken while it runs, is paused or is shut off.`;
    return { take: why, memory: why, diskOnly: why };
  }
  const memory =
    facts.firmware === 'pflash'
      ? 'libvirt cannot save the memory of a running VM with UEFI (pflash) firmware. Shut the VM down for a snapshot of its disks, or take a disk-only snapshot.'
      : internal;
  const diskOnly = hasInternal
    ? 'This VM has internal snapshots; mixing a disk-only (external) one with them loses data in other tools. Include the memory, or shut the VM down first.'
    : null;
  return { take: memory !== null && diskOnly !== null ? memory : null, memory, diskOnly };
}

/** Why reverting to a snapshot is not offered; null when it is. */
export function revertBlocked(snapshot: { external: boolean }, canRevertExternal: boolean, libvirtVersion: string | null): string | null {
  if (!snapshot.external || canRevertExternal) return null;
  return `libvirt reverts external snapshots only from version 9.9 on${libvirtVersion ? ` (this host runs ${libvirtVersion})` : ''}.`;
}
