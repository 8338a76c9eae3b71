/**
 * Pure assembly of a house: the domain's summary, its XML facts, its snapshots and its live readings
 * become the world's Vm.
 */
import type { Snapshot, TenantActivity, Vm, VmState } from '../../contract';
import type { DomainRates, DomainReading } from './domain-stats';
import type { DomainXmlFacts } from './domain-xml';
import { revertBlocked, snapshotRules } from './snapshot-rules';

/** A snapshot as the adapter lists it; whether it may be reverted depends on the host (see vmFrom). */
export type SnapshotEntry = Omit<Snapshot, 'revertBlocked'>;

/** What the host's libvirt can do with snapshots. */
export interface SnapshotHost {
  canRevertExternal: boolean;
  libvirtVersion: string | null;
}

export interface VmInput {
  domain: DomainBasics;
  facts: DomainXmlFacts;
  snapshots: readonly SnapshotEntry[];
  reading: DomainReading | undefined;
  rates: DomainRates | null;
  host?: SnapshotHost;
  activity?: TenantActivity | null;
}

const LIBVIRT_9_0: SnapshotHost = { canRevertExternal: false, libvirtVersion: null };

/** What listAllDomains tells about one domain (structurally the binding's DomainSummary). */
export interface DomainBasics {
  uuid: string;
  name: string;
  persistent: boolean;
  /** virDomainState */
  state: number;
  memoryKiB: number;
  maxMemoryKiB: number;
  vcpus: number;
}

const STATES: readonly VmState[] = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

export const vmState = (state: number): VmState => STATES[state] ?? 'nostate';

export function vmFrom({ domain, facts, snapshots, reading, rates, host = LIBVIRT_9_0, activity = null }: VmInput): Vm {
  const state = vmState(domain.state);
  const live = state !== 'shutoff' && reading !== undefined;
  return {
    uuid: domain.uuid,
    name: domain.name,
    description: facts.description,
    state,
    vcpus: (live ? reading.vcpus : null) ?? domain.vcpus,
    memoryBytes: (live ? reading.balloonBytes : null) ?? (domain.memoryKiB || domain.maxMemoryKiB) * 1024,
    memoryUsedBytes: live ? reading.memoryUsedBytes : null,
    cpuCores: live && rates ? rates.cpuCores : null,
    guestOs: facts.guestOs,
    disks: facts.disks.map((disk) => {
      const counters = reading?.block.get(disk.target);
      const rate = rates?.block.get(disk.target);
      return {
        target: disk.target,
        device: disk.device,
        path: disk.path,
        format: disk.format,
        capacityBytes: counters?.capacity ?? null,
        allocationBytes: counters?.allocation ?? null,
        readBytesPerSec: live ? (rate?.readBytesPerSec ?? null) : null,
        writeBytesPerSec: live ? (rate?.writeBytesPerSec ?? null) : null,
      };
    }),
    // libvirt reports interfaces in the domain XML's order; user-mode NICs have no host device name.
    nics: facts.nics.map((nic, i) => {
      const rate = live ? rates?.net[i] : undefined;
      return {
        mac: nic.mac,
        type: nic.type,
        source: nic.source,
        model: nic.model,
        rxBytesPerSec: rate?.rxBytesPerSec ?? null,
        txBytesPerSec: rate?.txBytesPerSec ?? null,
      };
    }),
    snapshots: snapshots.map((s) => ({ ...s, revertBlocked: revertBlocked(s, host.canRevertExternal, host.libvirtVersion) })),
    snapshotRules: snapshotRules({ state, facts, snapshots }),
    persistent: domain.persistent,
    activity,
  };
}
