/**
 * The two ways a local container's figures are read — straight from the kernel (cgroup accounting and
 * the container's own interface counters) and through Docker's stats API — agree on the same busy
 * containers. Tolerances: CPU within 0.15 cores (the two reads land at different instants of a busy
 * loop), memory within 5 % or 2 MiB, pids exactly. (Network and block I/O are the same kernel counters
 * either way — dockerd reads them from the same files — and their parsing is table-tested.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerStats, World } from '../../src-main/contract';
import { createCore, type Core } from '../../src-main/core/create-core';
import { DockerEngine } from '../../src-main/core/docker/docker-engine';
import { IN_CI, TestContainers, dockerAnswers, uniqueName } from '../support/engines';
import { containerNamed, engineOfKind, waitForWorld } from '../support/world-waits';

const available = await dockerAnswers();
if (IN_CI && !available) throw new Error('CI=true but dockerd does not answer: run scripts/lab.sh up first');
const MiB = 1024 * 1024;

describe.skipIf(!available)('container figures: kernel fast path vs the stats API (real dockerd)', () => {
  const containers = new TestContainers();
  const kernel = new DockerEngine({ stats: 'auto' });
  const api = new DockerEngine({ stats: 'api' });
  const cores: Core[] = [];

  beforeAll(async () => {
    for (const adapter of [kernel, api]) {
      const core = await createCore({ settingsPath: null, adapters: [adapter] });
      await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
      await waitForWorld(core.hub, (w) => engineOfKind(w, 'docker')?.status.state === 'connected', 10_000, 'connected');
      cores.push(core);
    }
  });

  afterAll(async () => {
    await containers.cleanup();
    for (const core of cores) await core.dispose();
  });

  it('agree within tolerance on busy containers, and the local engine reads from the kernel', async () => {
    const names = { burner: uniqueName('nbh-path-burn'), half: uniqueName('nbh-path-half'), memory: uniqueName('nbh-path-mem'), procs: uniqueName('nbh-path-procs') };
    await containers.run(names.burner, ['sh', '-c', 'while :; do :; done']);
    await containers.run(names.half, ['sh', '-c', 'while :; do :; done'], { nanoCpus: 500_000_000 });
    // 24 MiB in shared memory (counted, as docker stats counts it), plus 16 MiB of page cache that must not be.
    await containers.run(names.memory, ['sh', '-c', 'dd if=/dev/zero of=/tmp/cache bs=1M count=16 2>/dev/null; dd if=/dev/zero of=/dev/shm/fill bs=1M count=24 2>/dev/null; sleep 600']);
    await containers.run(names.procs, ['sh', '-c', 'for i in 1 2 3 4; do sleep 600 & done; wait']);
    const [kCore, aCore] = cores as [Core, Core];
    const statsOf = (w: World, name: string) => containerNamed(w, name)?.stats ?? null;
    const all = (w: World) => Object.values(names).every((n) => statsOf(w, n) !== null);
    await Promise.all([waitForWorld(kCore.hub, all, 15_000, 'kernel figures'), waitForWorld(aCore.hub, all, 15_000, 'API figures')]);
    // Let the memory hog fill up, then collect several samples from both sides.
    await new Promise((r) => setTimeout(r, 3000));
    const samples: Record<'k' | 'a', Record<string, ContainerStats[]>> = { k: {}, a: {} };
    for (let i = 0; i < 4; i++) {
      const [kw, aw] = [kCore.hub.world(), aCore.hub.world()];
      for (const n of Object.values(names)) {
        (samples.k[n] ??= []).push(statsOf(kw, n)!);
        (samples.a[n] ??= []).push(statsOf(aw, n)!);
      }
      await new Promise((r) => setTimeout(r, 1100));
    }
    const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
    const pick = (side: 'k' | 'a', n: string, f: (s: ContainerStats) => number) => median(samples[side][n]!.map(f));
    const rows: string[] = [];
    for (const n of Object.values(names)) {
      const k = { cpu: pick('k', n, (s) => s.cpuCores), mem: pick('k', n, (s) => s.memoryUsedBytes), pids: pick('k', n, (s) => s.pids) };
      const a = { cpu: pick('a', n, (s) => s.cpuCores), mem: pick('a', n, (s) => s.memoryUsedBytes), pids: pick('a', n, (s) => s.pids) };
      rows.push(`${n.split('-').slice(0, 3).join('-')}: cpu ${k.cpu.toFixed(2)} / ${a.cpu.toFixed(2)} cores, memory ${(k.mem / MiB).toFixed(1)} / ${(a.mem / MiB).toFixed(1)} MiB, pids ${k.pids} / ${a.pids}`);
      expect(Math.abs(k.cpu - a.cpu), `${n} cpu`).toBeLessThan(0.15);
      expect(Math.abs(k.mem - a.mem), `${n} memory`).toBeLessThanOrEqual(Math.max(2 * MiB, 0.05 * a.mem));
      expect(k.pids, `${n} pids`).toBe(a.pids);
    }
    console.info(`kernel / API:\n  ${rows.join('\n  ')}`);
    // The figures mean what they say: a free burner ~1 core, a --cpus 0.5 one ~0.5, the page cache left out.
    expect(pick('k', names.burner, (s) => s.cpuCores)).toBeGreaterThan(0.5);
    expect(pick('k', names.half, (s) => s.cpuCores)).toBeLessThan(0.65);
    const mem = pick('k', names.memory, (s) => s.memoryUsedBytes);
    expect(mem).toBeGreaterThan(20 * MiB);
    expect(mem).toBeLessThan(38 * MiB);
    expect(pick('k', names.procs, (s) => s.pids)).toBe(5);
    expect(kernel.statsSources().api).toBe(0);
    expect(kernel.statsSources().kernel).toBeGreaterThan(0);
    expect(api.statsSources().kernel).toBe(0);
  }, 90_000);
});
