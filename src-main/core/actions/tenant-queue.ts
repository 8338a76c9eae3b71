/**
 * Actions on one tenant run one at a time, in the order asked: libvirt otherwise makes the second wait
 * 30 s for the domain's state-change lock and then fails it, and "stop, then remove" must mean that order.
 * Each tenant has its own queue, so other tenants (and sampling, which never goes through here) never wait.
 * The queue also knows what is running, so the map can mark the tenant and the panel count its time.
 */
import type { TenantActivity } from '../../contract';

interface Entry {
  running: Omit<TenantActivity, 'queued'> | null;
  waiting: number;
  tail: Promise<unknown>;
}

export class TenantQueues {
  private readonly entries = new Map<string, Entry>();

  /** `changed` runs whenever an action starts or ends, so the world can show it. */
  constructor(private readonly changed: () => void) {}

  run<T>(key: string, label: string, action: string, work: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { running: null, waiting: 0, tail: Promise.resolve() }));
    const e = entry;
    e.waiting++;
    const result = e.tail.then(async () => {
      e.waiting--;
      e.running = { label, action, since: Date.now() };
      this.changed();
      try {
        return await work();
      } finally {
        e.running = null;
        if (e.waiting === 0 && this.entries.get(key) === e) this.entries.delete(key);
        this.changed();
      }
    });
    e.tail = result.catch(() => undefined);
    if (e.waiting > 0 && e.running) this.changed(); // the queue behind a running action grew
    return result;
  }

  activity(key: string): TenantActivity | null {
    const e = this.entries.get(key);
    return e?.running ? { ...e.running, queued: e.waiting } : null;
  }

  /** How many tenants have actions running or waiting (tests prove nothing is left behind). */
  get size(): number {
    return this.entries.size;
  }
}
