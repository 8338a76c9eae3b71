/**
 * Which engines stand on the same machine. Docker and libvirt on one machine must be one host on the
 * map, and two machines that happen to share a hostname must not be.
 *
 * An engine reached through a local endpoint (a unix socket, qemu:///system) stands on this machine
 * unless its facts contradict it: another CPU count or memory size, or another kernel (a local socket
 * into a VM, as Docker Desktop's is). Hostnames do not count there — libvirt canonicalises its name to
 * the FQDN from /etc/hosts while Docker reports the short one, so on many machines they differ.
 * Remote engines merge by hostname (up to the domain part) with capacity.
 */
import type { HostFacts } from './engine';
import type { LocalMachine } from './local-machine';

/** Memory totals differ slightly between engines (rounding, reserved pages): within 2 % is the same. */
const MEMORY_TOLERANCE = 0.02;

const sameMemory = (a: number, b: number): boolean => Math.abs(a - b) <= MEMORY_TOLERANCE * Math.max(a, b);

/** Facts from an engine describe this machine: a local endpoint whose capacity and kernel are ours. */
export function isThisMachine(facts: HostFacts, local: LocalMachine | null): boolean {
  if (!local || !facts.local) return false;
  if (facts.cpus !== local.cpus || !sameMemory(facts.memoryBytes, local.memoryBytes)) return false;
  // libvirt reports no kernel (''); Docker reports the kernel its daemon runs on.
  return facts.kernel === '' || local.kernel === '' || facts.kernel === local.kernel;
}

/**
 * One machine's names: `box` and `box.example.org` (one FQDN, one short) are the same name;
 * `box.a.org` and `box.b.org` are not. Case never matters in DNS.
 */
export function sameHostName(a: string, b: string): boolean {
  const x = a.trim().toLowerCase().replace(/\.$/, '');
  const y = b.trim().toLowerCase().replace(/\.$/, '');
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return !short.includes('.') && long.startsWith(`${short}.`);
}

/** Two engines' facts describe one remote machine (no shared machine id reachable). */
export function sameRemoteMachine(a: HostFacts, b: HostFacts): boolean {
  return sameHostName(a.hostname, b.hostname) && a.cpus === b.cpus && sameMemory(a.memoryBytes, b.memoryBytes);
}

export function localHostId(local: LocalMachine): string {
  return `machine:${local.machineId}`;
}

/** Keyed by the short name, so the FQDN and the short name of one remote machine share an id. */
export function remoteHostId(facts: HostFacts): string {
  return `host:${facts.hostname.trim().toLowerCase().split('.')[0]}/${facts.cpus}`;
}
