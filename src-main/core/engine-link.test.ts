import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineLink } from './engine-link';

describe('EngineLink', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('goes connecting → unreachable (retrying) → connected, with the hint only while down', () => {
    const reconnect = vi.fn();
    const link = new EngineLink(reconnect);
    const changes = vi.fn();
    link.changed.subscribe(changes);
    expect(link.status).toEqual({ state: 'connecting' });

    const first = link.attempt()!;
    const forget = vi.fn();
    link.down(first, 'connection refused', 'Start it', forget);
    expect(forget).toHaveBeenCalledOnce();
    expect(link.status).toMatchObject({ state: 'unreachable', reason: 'connection refused' });
    expect(link.hint).toBe('Start it');
    expect(link.debugCounts().retryPending).toBe(true);

    vi.runOnlyPendingTimers();
    expect(reconnect).toHaveBeenCalledOnce();
    const second = link.attempt()!;
    link.up(second);
    expect(link.status).toEqual({ state: 'connected' });
    expect(link.hint).toBeNull();
    expect(link.debugCounts().retryPending).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('ignores answers from a connection that is already gone', () => {
    const link = new EngineLink(() => undefined);
    const old = link.attempt()!;
    link.down(old, 'eof', 'hint', () => undefined);
    const since = (link.status as { since: number }).since;
    const forget = vi.fn();
    link.down(old, 'again', 'hint', forget);
    link.up(old);
    expect(forget).not.toHaveBeenCalled();
    expect(link.status).toMatchObject({ state: 'unreachable', reason: 'eof', since });
  });

  it('keeps the first failure time across failed retries', () => {
    const link = new EngineLink(() => undefined);
    link.down(link.attempt()!, 'a', 'h', () => undefined);
    const since = (link.status as { since: number }).since;
    vi.advanceTimersByTime(5000);
    link.down(link.attempt()!, 'b', 'h', () => undefined);
    expect(link.status).toMatchObject({ reason: 'b', since });
  });

  it('after dispose: no attempts, no timers, no listeners', () => {
    const link = new EngineLink(() => undefined);
    link.changed.subscribe(() => undefined);
    link.down(link.attempt()!, 'x', 'h', () => undefined);
    link.dispose();
    expect(link.attempt()).toBeNull();
    expect(link.debugCounts()).toEqual({ retryPending: false, listeners: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unavailable is final and says why', () => {
    const link = new EngineLink(() => undefined);
    link.unavailable('libvirt is not available: no libvirt-dev', 'Install libvirt');
    expect(link.status).toEqual({ state: 'unavailable', reason: 'libvirt is not available: no libvirt-dev' });
    expect(link.hint).toBe('Install libvirt');
    expect(link.debugCounts().retryPending).toBe(false);
  });

  it('aborts the lost signal of the connection that was lost, and only of that one', () => {
    const link = new EngineLink(() => undefined);
    const gen = link.attempt()!;
    link.up(gen);
    const first = link.lostSignal;
    expect(first.aborted).toBe(false);
    link.down(gen, 'socket closed', 'start it', () => undefined);
    expect(first.aborted).toBe(true);
    const second = link.lostSignal;
    expect(second.aborted).toBe(false);
    link.dispose();
    expect(second.aborted).toBe(true);
  });
});
