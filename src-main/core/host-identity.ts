/**
 * Which engines stand on the same machine. Docker and libvirt on one machine must be one host on the
 * map, and two machines that happen to share a hostname must not be: we match by machine identity —
 * this machine's id for local endpoints whose facts agree with it, otherwise hostname with capacity.
 */
import type { HostFacts } from './engine';
import type { LocalMachine } from './local-machine';

/** Memory totals differ slightly between engines (rounding, reserved pages): within 2 % is the same. */
const MEMORY_TOLERANCE = 0.02;

const sameMemory = (a: number, b: number): boolean => Math.abs(a - b) <= MEMORY_TOLERANCE * Math.max(a, b);

/** Facts from an engine describe this machine: local endpoint, same name, same CPUs, same memory. */
export function isThisMachine(facts: HostFacts, local: LocalMachine | null): boolean {
  return !!local && facts.local && facts.hostname === local.hostname && facts.cpus === local.cpus && sameMemory(facts.memoryBytes, local.memoryBytes);
}

/** Two engines' facts describe one remote machine (no shared machine id reachable). */
export function sameRemoteMachine(a: HostFacts, b: HostFacts): boolean {
  return a.hostname !== '' && a.hostname === b.hostname && a.cpus === b.cpus && sameMemory(a.memoryBytes, b.memoryBytes);
}

export function localHostId(local: LocalMachine): string {
  return `machine:${local.machineId}`;
}

export function remoteHostId(facts: HostFacts): string {
  return `host:${facts.hostname}/${facts.cpus}`;
}
