/**
 * Tiny real QEMU guests for tests: a small qcow2 disk and no OS, so the guest boots into firmware and
 * idles (TCG, no KVM needed). Every VM made here is destroyed, undefined and its disk removed in cleanup.
 */
import { rm } from 'node:fs/promises';
import { availability, Connection, escapeXml } from '@neighborhood/libvirt';
import { IN_CI, run } from './engines';

export const LIBVIRT_URI = 'qemu:///system';
const IMAGES = '/var/lib/libvirt/images';

export async function libvirtAnswers(): Promise<boolean> {
  if (!availability().available) return false;
  try {
    const conn = await Connection.open(LIBVIRT_URI);
    await conn.close();
    return true;
  } catch {
    return false;
  }
}

const whyNot = (): string => {
  const binding = availability();
  return binding.available ? 'libvirtd does not answer at qemu:///system (run scripts/lab.sh up)' : binding.reason;
};

/** For suites a developer without libvirt may skip: true when usable; in CI a missing libvirt throws. */
export async function requireLibvirt(): Promise<boolean> {
  const ok = await libvirtAnswers();
  if (IN_CI && !ok) throw new Error(`CI=true but libvirt is not usable: ${whyNot()}`);
  return ok;
}

/** For the end-to-end suite, which needs the whole lab like it needs Docker: a missing libvirt fails. */
export async function mustHaveLibvirt(): Promise<void> {
  if (!(await libvirtAnswers())) throw new Error(`the end-to-end suite needs libvirt: ${whyNot()}`);
}

export interface TinyVm {
  name: string;
  vcpus: number;
  mib: number;
  description?: string;
  /** A second disk, vdb, in raw format (internal snapshots refuse it). */
  rawDisk?: string;
}

export function tinyVmXml(vm: TinyVm, disk: string): string {
  const raw = vm.rawDisk
    ? `
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='${escapeXml(vm.rawDisk)}'/>
      <target dev='vdb' bus='virtio'/>
    </disk>`
    : '';
  return `<domain type='qemu'>
  <name>${escapeXml(vm.name)}</name>
  <description>${escapeXml(vm.description ?? 'Neighborhood test VM')}</description>
  <memory unit='MiB'>${vm.mib}</memory>
  <vcpu>${vm.vcpus}</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${escapeXml(disk)}'/>
      <target dev='vda' bus='virtio'/>
    </disk>${raw}
    <interface type='user'><model type='virtio'/></interface>
    <memballoon model='virtio'/>
  </devices>
</domain>`;
}

export class TestVms {
  private conn: Connection | null = null;
  private readonly made: Array<{ uuid: string; disk: string; raw?: string }> = [];

  async connection(): Promise<Connection> {
    this.conn ??= await Connection.open(LIBVIRT_URI);
    return this.conn;
  }

  /** Defines (and by default starts) a tiny VM; returns its uuid. The disk name avoids the VM's own name, which may hold markup. */
  async define(vm: Omit<TinyVm, 'rawDisk'>, options: { start?: boolean; rawDisk?: boolean } = {}): Promise<string> {
    const conn = await this.connection();
    const base = `${IMAGES}/nbh-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const disk = `${base}.qcow2`;
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', disk, '32M']);
    const raw = options.rawDisk ? `${base}.raw` : undefined;
    if (raw) await run('qemu-img', ['create', '-q', '-f', 'raw', raw, '8M']);
    const summary = await conn.defineXml(tinyVmXml({ ...vm, rawDisk: raw }, disk));
    this.made.push({ uuid: summary.uuid, disk, raw });
    if (options.start !== false) await conn.start(summary.uuid);
    return summary.uuid;
  }

  /** The qcow2 image (vda) of a VM made here. */
  diskOf(uuid: string): string {
    const made = this.made.find((m) => m.uuid === uuid);
    if (!made) throw new Error(`no VM ${uuid} was made by this TestVms`);
    return made.disk;
  }

  async cleanup(): Promise<void> {
    // A fresh connection: the one used during the tests may have died with a libvirtd restart.
    await this.conn?.close().catch(() => undefined);
    const conn = await Connection.open(LIBVIRT_URI).catch(() => null);
    for (const { uuid, disk, raw } of this.made.splice(0)) {
      await conn?.destroy(uuid).catch(() => undefined);
      await conn?.undefine(uuid, { snapshotsMetadata: true, nvram: true }).catch(() => undefined);
      await rm(disk, { force: true });
      if (raw) await rm(raw, { force: true });
    }
    await conn?.close().catch(() => undefined);
    this.conn = null;
  }
}
