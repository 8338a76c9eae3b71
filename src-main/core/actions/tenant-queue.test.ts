import { describe, expect, it } from 'vitest';
import { TenantQueues } from './tenant-queue';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TenantQueues', () => {
  it('runs one tenant’s actions one at a time, in the order asked, whatever each takes', async () => {
    const q = new TenantQueues(() => undefined);
    const order: string[] = [];
    let running = 0;
    let overlap = false;
    const job = (name: string, ms: number) => async () => {
      running++;
      overlap ||= running > 1;
      order.push(`start ${name}`);
      await wait(ms);
      order.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([q.run('vm1', 'a', 'x', job('a', 30)), q.run('vm1', 'b', 'x', job('b', 5)), q.run('vm1', 'c', 'x', job('c', 1))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(overlap).toBe(false);
    expect(q.size).toBe(0);
  });

  it('never makes another tenant wait', async () => {
    const q = new TenantQueues(() => undefined);
    let release!: () => void;
    const slow = q.run('vm1', 'slow', 'x', () => new Promise<void>((r) => (release = r)));
    const t = performance.now();
    await q.run('vm2', 'quick', 'x', async () => undefined);
    expect(performance.now() - t).toBeLessThan(50);
    release();
    await slow;
  });

  it('a failure is that action’s only: the next one still runs', async () => {
    const q = new TenantQueues(() => undefined);
    const failed = q.run('vm1', 'bad', 'x', async () => {
      throw new Error('libvirt said no');
    });
    const next = q.run('vm1', 'good', 'x', async () => 'ran');
    await expect(failed).rejects.toThrow('libvirt said no');
    await expect(next).resolves.toBe('ran');
    expect(q.size).toBe(0);
  });

  it('says what runs, since when and how many wait, and tells when that changes', async () => {
    let changes = 0;
    const q = new TenantQueues(() => changes++);
    let release!: () => void;
    const first = q.run('vm1', 'Taking snapshot “a”', 'snapshot-create', () => new Promise<void>((r) => (release = r)));
    const second = q.run('vm1', 'Taking snapshot “b”', 'snapshot-create', async () => undefined);
    await wait(5);
    expect(q.activity('vm1')).toMatchObject({ label: 'Taking snapshot “a”', action: 'snapshot-create', queued: 1 });
    expect(q.activity('vm1')!.since).toBeLessThanOrEqual(Date.now());
    expect(q.activity('vm2')).toBeNull();
    release();
    await Promise.all([first, second]);
    expect(q.activity('vm1')).toBeNull();
    expect(changes).toBeGreaterThanOrEqual(4);
  });
});
