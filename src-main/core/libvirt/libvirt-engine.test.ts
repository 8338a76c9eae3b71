import { describe, expect, it } from 'vitest';
import { LibvirtEngine } from './libvirt-engine';

describe('LibvirtEngine on a machine without libvirt', () => {
  it('reports unavailable with the reason and a hint, and never retries', async () => {
    const engine = new LibvirtEngine({ availability: () => ({ available: false, reason: 'libvirt-dev is not installed (pkg-config cannot find libvirt)' }) });
    let changes = 0;
    engine.subscribe(() => changes++);
    engine.start();
    const report = engine.report();
    expect(report.status).toEqual({ state: 'unavailable', reason: 'libvirt is not available: libvirt-dev is not installed (pkg-config cannot find libvirt)' });
    expect(report.hint).toMatch(/Install libvirt/);
    expect(report.vms).toEqual([]);
    expect(changes).toBe(1);
    await engine.sample();
    expect(engine.debugCounts()).toMatchObject({ connected: false, retryPending: false });
    await engine.dispose();
  });
});
