/**
 * The tenants the benchmark measures against: containers from the lab image and tiny lab VMs, all named
 * `nbh-bench-<pid>-…` so runs beside other tests never collide. Containers also carry the label
 * `neighborhood.bench=<pid>`, and cleanup removes by that label: one that was being created when Ctrl-C
 * came is removed too. Nothing here outlives the run. Other tests on this machine stop and restart the
 * lab's dockerd (which stops every container): `heal` waits for it and starts ours again, and cleanup
 * waits for it before removing.
 */
import { availability, Connection } from '@neighborhood/libvirt';
import Docker from 'dockerode';
import pLimit from 'p-limit';
import { LAB_IMAGE } from '../../tests/support/engines';
import { LIBVIRT_URI, TestVms } from '../../tests/support/vms';

export const PREFIX = `nbh-bench-${process.pid}`;
const LABEL = 'neighborhood.bench';
const CREATE_CONCURRENCY = 8;
/** How long to wait for a dockerd that another test stopped to answer again. */
const ENGINE_BACK_MS = 120_000;
const REMOVE_CONCURRENCY = 16;
/** A shell busy loop, throttled by its CPU quota. */
const BUSY = ['sh', '-c', 'while :; do :; done'];
const IDLE = ['sleep', '86400'];

export interface ContainerSpec {
  role: string;
  busyCpus?: number;
  /** 'none' for the scale fleet: Docker's default bridge takes at most 1023 endpoints. */
  network?: 'bridge' | 'none';
}

export class Fleet {
  readonly docker = new Docker();
  readonly vms = new TestVms();
  /** Ours that run now, oldest first. */
  private readonly running: Array<{ id: string; role: string }> = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly serial = new Map<string, number>();
  private closed = false;
  vmCount = 0;
  busyCount = 0;
  busyCpus = 0;

  get containerCount(): number {
    return this.running.length;
  }

  async checkImage(): Promise<void> {
    try {
      await this.docker.getImage(LAB_IMAGE).inspect();
    } catch (err) {
      throw new Error(`the lab image ${LAB_IMAGE} is not there (${(err as Error).message}): run scripts/lab.sh up`, { cause: err });
    }
  }

  /** Creates and starts one container; returns its id. */
  run(spec: ContainerSpec): Promise<string> {
    if (this.closed) return Promise.reject(new Error('the run is being cleaned up'));
    const n = (this.serial.get(spec.role) ?? 0) + 1;
    this.serial.set(spec.role, n);
    const work = (async () => {
      const container = await this.docker.createContainer({
        name: `${PREFIX}-${spec.role}-${n}`,
        Image: LAB_IMAGE,
        Cmd: spec.busyCpus ? BUSY : IDLE,
        Labels: { [LABEL]: String(process.pid) },
        HostConfig: { NanoCpus: spec.busyCpus ? Math.round(spec.busyCpus * 1e9) : 0, NetworkMode: spec.network ?? 'bridge' },
      });
      await container.start();
      this.running.push({ id: container.id, role: spec.role });
      return container.id;
    })();
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  /** Creates `count` containers, a few at a time; returns how long it took. */
  async runMany(count: number, spec: (i: number) => ContainerSpec, progress?: (done: number) => void, signal?: AbortSignal): Promise<number> {
    const limit = pLimit(CREATE_CONCURRENCY);
    const started = performance.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        limit(async () => {
          signal?.throwIfAborted();
          await this.run(spec(i));
          progress?.(++done);
        }),
      ),
    );
    return performance.now() - started;
  }

  async remove(id: string): Promise<void> {
    const i = this.running.findIndex((c) => c.id === id);
    if (i >= 0) this.running.splice(i, 1);
    await this.docker.getContainer(id).remove({ force: true });
  }

  count(role: string): number {
    return this.running.filter((c) => c.role === role).length;
  }

  /** Removes every container of one role, a few at a time. */
  async removeRole(role: string): Promise<void> {
    const limit = pLimit(REMOVE_CONCURRENCY);
    const ids = this.running.filter((c) => c.role === role).map((c) => c.id);
    await Promise.all(ids.map((id) => limit(() => this.remove(id))));
  }

  /** The base fleet: `count` containers, about a tenth busy at `busyCpus` each, the rest idle. */
  async runBase(count: number, busyCpus: number | null, hostCpus: number, signal?: AbortSignal): Promise<number> {
    this.busyCount = count >= 1 ? Math.max(1, Math.round(count / 10)) : 0;
    // 0.2 CPU each, unless that would keep more than a quarter of the host busy (10 × 0.2 = all of 2 CPUs).
    this.busyCpus = busyCpus ?? Math.max(0.01, Math.min(0.2, Math.floor((25 * hostCpus) / Math.max(1, this.busyCount)) / 100));
    return this.runMany(count, (i) => (i < this.busyCount ? { role: 'busy', busyCpus: this.busyCpus } : { role: 'idle' }), undefined, signal);
  }

  /** Running VMs of 64, 96 or 128 MiB. */
  async defineVms(count: number): Promise<void> {
    if (count === 0) return;
    const binding = availability();
    if (!binding.available) throw new Error(`libvirt is not available: ${binding.reason} (BENCH_VMS=0 runs without VMs)`);
    for (let i = 0; i < count; i++) {
      if (this.closed) throw new Error('the run is being cleaned up');
      await this.vms.define({ name: `${PREFIX}-vm-${i + 1}`, vcpus: 1, mib: 64 + 32 * (i % 3), description: 'Neighborhood benchmark VM' });
      this.vmCount++;
    }
  }

  /** Resolves once dockerd answers; throws after `timeoutMs`. */
  async engineAnswers(timeoutMs = ENGINE_BACK_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.docker.ping();
        return;
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`dockerd did not answer for ${timeoutMs / 1000} s: ${(err as Error).message}`, { cause: err });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Starts again those of ours that are not running (a dockerd restart stops them all); returns how many. */
  async heal(): Promise<number> {
    await this.engineAnswers();
    const listed = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL}=${process.pid}`] } });
    const state = new Map(listed.map((c) => [c.Id, c.State]));
    const limit = pLimit(CREATE_CONCURRENCY);
    const stopped = this.running.filter((c) => state.get(c.id) !== 'running');
    await Promise.all(
      stopped.map((c) =>
        limit(async () => {
          if (state.has(c.id)) await this.docker.getContainer(c.id).start();
          else this.running.splice(this.running.indexOf(c), 1);
        }),
      ),
    );
    return stopped.length;
  }

  /** Removes every container with our label (waiting for dockerd if another test has it stopped). */
  async cleanupContainers(): Promise<void> {
    this.closed = true;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => setTimeout(r, 60_000))]);
    const hint = `run: docker rm -f $(docker ps -aq --filter label=${LABEL}=${process.pid})`;
    try {
      await this.engineAnswers();
    } catch (err) {
      throw new Error(`${(err as Error).message}; the containers stay: ${hint}`, { cause: err });
    }
    const ours = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL}=${process.pid}`] } });
    const limit = pLimit(REMOVE_CONCURRENCY);
    const failed: string[] = [];
    await Promise.all(ours.map((c) => limit(() => this.docker.getContainer(c.Id).remove({ force: true }).catch(() => failed.push(c.Names[0] ?? c.Id)))));
    this.running.length = 0;
    if (failed.length > 0) console.error(`cleanup: could not remove ${failed.length} containers; ${hint}`);
  }

  /** Destroys and undefines every VM we made (and any named like ours), removing their disks. */
  async cleanupVms(): Promise<void> {
    this.closed = true;
    if (!availability().available) return;
    await this.vms.cleanup();
    // A VM whose define was interrupted is not in TestVms' list: find it by name.
    const conn = await Connection.open(LIBVIRT_URI).catch(() => null);
    if (!conn) return;
    try {
      for (const d of await conn.listAllDomains()) {
        if (!d.name.startsWith(`${PREFIX}-`)) continue;
        await conn.destroy(d.uuid).catch(() => undefined);
        await conn.undefine(d.uuid, { snapshotsMetadata: true, nvram: true }).catch(() => undefined);
      }
    } finally {
      await conn.close().catch(() => undefined);
    }
  }
}
