/**
 * Pure turn of libvirt's bulk domain stats (typed parameters, one record per domain) into counters,
 * and of two readings into live figures: CPU in cores, memory in use, disk and NIC rates.
 */
import { coresInUse, ratePerSecond } from '../rates';

export type StatsParams = Record<string, number | string | boolean>;

export interface DomainReading {
  atMs: number;
  cpuTimeNs: number | null;
  vcpus: number | null;
  /** Current balloon size: the memory the guest has now (bytes). */
  balloonBytes: number | null;
  /** Memory in use: what the guest reports through its balloon driver, else the QEMU process RSS. */
  memoryUsedBytes: number | null;
  block: Map<string, { readBytes: number; writeBytes: number; capacity: number | null; allocation: number | null }>;
  /** By position, as libvirt lists them (the order of the domain XML's interfaces). */
  net: Array<{ name: string; rxBytes: number; txBytes: number }>;
}

const num = (p: StatsParams, key: string): number | null => {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function readDomainStats(p: StatsParams, atMs: number): DomainReading {
  const kib = (key: string) => {
    const v = num(p, key);
    return v === null ? null : v * 1024;
  };
  const available = kib('balloon.available');
  const unused = kib('balloon.unused');
  const rss = kib('balloon.rss');
  const block: DomainReading['block'] = new Map();
  for (let i = 0; i < (num(p, 'block.count') ?? 0); i++) {
    const name = p[`block.${i}.name`];
    if (typeof name !== 'string') continue;
    block.set(name, {
      readBytes: num(p, `block.${i}.rd.bytes`) ?? 0,
      writeBytes: num(p, `block.${i}.wr.bytes`) ?? 0,
      capacity: num(p, `block.${i}.capacity`),
      allocation: num(p, `block.${i}.allocation`),
    });
  }
  const net: DomainReading['net'] = [];
  for (let i = 0; i < (num(p, 'net.count') ?? 0); i++) {
    net.push({ name: String(p[`net.${i}.name`] ?? ''), rxBytes: num(p, `net.${i}.rx.bytes`) ?? 0, txBytes: num(p, `net.${i}.tx.bytes`) ?? 0 });
  }
  return {
    atMs,
    cpuTimeNs: num(p, 'cpu.time'),
    vcpus: num(p, 'vcpu.current'),
    balloonBytes: kib('balloon.current'),
    memoryUsedBytes: available !== null && unused !== null && available >= unused ? available - unused : rss,
    block,
    net,
  };
}

export interface DomainRates {
  cpuCores: number | null;
  block: Map<string, { readBytesPerSec: number; writeBytesPerSec: number }>;
  net: Array<{ rxBytesPerSec: number; txBytesPerSec: number }>;
}

/** Rates between two readings of one domain; null figures without a previous reading. */
export function domainRates(previous: DomainReading | undefined, current: DomainReading): DomainRates {
  const block: DomainRates['block'] = new Map();
  const net: DomainRates['net'] = [];
  if (!previous) return { cpuCores: null, block, net };
  const seconds = (current.atMs - previous.atMs) / 1000;
  for (const [name, now] of current.block) {
    const before = previous.block.get(name);
    if (before) block.set(name, { readBytesPerSec: ratePerSecond(before.readBytes, now.readBytes, seconds), writeBytesPerSec: ratePerSecond(before.writeBytes, now.writeBytes, seconds) });
  }
  current.net.forEach((now, i) => {
    const before = previous.net[i];
    net.push(before && before.name === now.name
      ? { rxBytesPerSec: ratePerSecond(before.rxBytes, now.rxBytes, seconds), txBytesPerSec: ratePerSecond(before.txBytes, now.txBytes, seconds) }
      : { rxBytesPerSec: 0, txBytesPerSec: 0 });
  });
  const cpuCores = previous.cpuTimeNs !== null && current.cpuTimeNs !== null ? coresInUse(previous.cpuTimeNs, current.cpuTimeNs, seconds * 1e9) : null;
  return { cpuCores, block, net };
}
