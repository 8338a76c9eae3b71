import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action, ActionDone, Bridge, EventChannels, Settings, World } from '../../src-main/contract';
import type { Connection, ConnectionState } from '../bridge/connection';
import { InvokeError } from '../bridge/unwrap';
import { makeContainer, makeEngine, makeHost, makeWorld } from '../testing/make';
import { AppState, SUCCESS_SHOWN_MS } from './app-state.svelte';

/** A bridge whose answers and pushes the test controls. */
function fakeBridge(initial: World, opts: { refuse?: string; act?: (action: Action) => Promise<ActionDone> } = {}) {
  const listeners = new Map<keyof EventChannels, Set<(p: never) => void>>();
  const emit = <E extends keyof EventChannels>(event: E, payload: EventChannels[E]): void =>
    listeners.get(event)?.forEach((l) => (l as (p: EventChannels[E]) => void)(payload));
  const calls: string[] = [];
  let world = initial;
  let connectionState: ConnectionState = 'open';
  const connectionListeners = new Set<(s: ConnectionState) => void>();
  const bridge: Bridge = {
    async invoke(channel, request) {
      calls.push(channel);
      if (channel === 'world:get') return world;
      if (channel === 'settings:get') return { sampleIntervalSeconds: 2 } as never;
      if (channel === 'action:run') {
        const act = opts.act ?? (async () => ({ message: 'done', ms: 1 }));
        return await act(request as unknown as Action);
      }
      if (opts.refuse) throw new Error(opts.refuse);
      return { sampleIntervalSeconds: (request as Partial<Settings>).sampleIntervalSeconds ?? 2 } as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const connection: Connection = {
    get state() {
      return connectionState;
    },
    subscribe(l) {
      connectionListeners.add(l);
      return () => connectionListeners.delete(l);
    },
  };
  return {
    bridge,
    connection,
    calls,
    serve: (w: World) => (world = w),
    push: (w: World) => emit('world:frame', w),
    pushSettings: (s: Settings) => emit('settings:changed', s),
    setConnection: (s: ConnectionState) => {
      connectionState = s;
      connectionListeners.forEach((l) => l(s));
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

const withContainer = (seq: number, state: 'running' | 'paused' | null) =>
  makeWorld({
    seq,
    hosts: [makeHost({ engines: [makeEngine({ id: 'docker:/s', containers: state ? [makeContainer({ id: 'c1', name: 'web', state })] : [] })] })],
  });

describe('AppState', () => {
  it('fetches the world and settings first, then follows pushed frames in seq order', async () => {
    const fake = fakeBridge(withContainer(5, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    const stop = app.start();
    expect(fake.calls).toEqual(['world:get', 'settings:get']);
    await settle();
    expect(app.world?.seq).toBe(5);
    expect(app.settings).toEqual({ sampleIntervalSeconds: 2 });
    fake.push(withContainer(4, 'running'));
    expect(app.world?.seq).toBe(5);
    fake.push(withContainer(6, 'running'));
    expect(app.world?.seq).toBe(6);
    fake.pushSettings({ sampleIntervalSeconds: 9, slowWhenHidden: true });
    expect(app.settings?.sampleIntervalSeconds).toBe(9);
    stop();
    fake.push(withContainer(7, 'running'));
    expect(app.world?.seq).toBe(6);
  });

  it('keeps the open panel live and reports a tenant that disappeared', async () => {
    const fake = fakeBridge(withContainer(1, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    app.open({ kind: 'container', engineId: 'docker:/s', id: 'c1', name: 'web' });
    expect(app.selected?.kind === 'container' && app.selected.container.state).toBe('running');
    fake.push(withContainer(2, 'paused'));
    expect(app.selected?.kind === 'container' && app.selected.container.state).toBe('paused');
    fake.push(withContainer(3, null));
    expect(app.selected?.kind).toBe('gone');
    app.close();
    expect(app.selected).toBeNull();
  });

  it('after a reconnect accepts the restarted server’s lower seq and fetches again', async () => {
    const fake = fakeBridge(withContainer(100, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    fake.setConnection('reconnecting');
    expect(app.connection).toBe('reconnecting');
    fake.serve(withContainer(1, 'paused'));
    fake.setConnection('open');
    await settle();
    expect(app.world?.seq).toBe(1);
    expect(fake.calls.filter((c) => c === 'world:get')).toHaveLength(2);
    // Ordering applies again from there on.
    fake.push(withContainer(0, 'running'));
    expect(app.world?.seq).toBe(1);
  });

  it('shows a refusal from settings:set and clears it on success', async () => {
    const refused = fakeBridge(withContainer(1, null), { refuse: 'sampleIntervalSeconds must be at most 60 seconds' });
    const app = new AppState(refused.bridge, refused.connection);
    await app.setSampleInterval(99);
    expect(app.settingsError).toBe('sampleIntervalSeconds must be at most 60 seconds');

    const ok = fakeBridge(withContainer(1, null));
    const app2 = new AppState(ok.bridge, ok.connection);
    app2.settingsError = 'old';
    await app2.setSampleInterval(5);
    expect(app2.settingsError).toBeNull();
    expect(app2.settings).toEqual({ sampleIntervalSeconds: 5 });
  });
});

describe('AppState actions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const web = { kind: 'container', engineId: 'docker:/s', id: 'c1', name: 'web' } as const;
  const stop: Action = { kind: 'container', engineId: 'docker:/s', containerId: 'c1', op: 'stop' };

  it('sends the action on action:run, keeps the answer per tenant and never touches the world', async () => {
    vi.useFakeTimers();
    const sent: Action[] = [];
    const fake = fakeBridge(withContainer(1, 'running'), {
      act: async (action) => {
        sent.push(action);
        return { message: 'Container web stopped', ms: 310 };
      },
    });
    const app = new AppState(fake.bridge, fake.connection);
    app.receive(withContainer(1, 'running'));
    const before = app.world;
    const outcome = await app.act(stop, web);
    expect(sent).toEqual([stop]);
    expect(fake.calls).toEqual(['action:run']);
    expect(outcome).toMatchObject({ ok: true, message: 'Container web stopped', key: 'container:docker:/s:c1', tenant: web });
    expect(app.outcomeFor('container:docker:/s:c1')).toEqual(outcome);
    expect(app.world).toBe(before);
    // Said briefly.
    vi.advanceTimersByTime(SUCCESS_SHOWN_MS);
    expect(app.outcomes).toEqual([]);
  });

  it('keeps an error until the tenant’s next answer replaces it', async () => {
    vi.useFakeTimers();
    let fail = true;
    const fake = fakeBridge(withContainer(1, 'running'), {
      act: async () => {
        if (fail) throw new InvokeError('Container web was not changed: it is already stopped.', 'docker:304');
        return { message: 'Container web started', ms: 5 };
      },
    });
    const app = new AppState(fake.bridge, fake.connection);
    const error = await app.act(stop, web);
    expect(error).toMatchObject({ ok: false, message: 'Container web was not changed: it is already stopped.', code: 'Docker error 304' });
    vi.advanceTimersByTime(10 * SUCCESS_SHOWN_MS);
    expect(app.outcomes).toEqual([error]);
    fail = false;
    const ok = await app.act({ ...stop, op: 'start' }, web);
    expect(app.outcomes).toEqual([ok]);
    app.dismiss(ok.id);
    expect(app.outcomes).toEqual([]);
  });

  it('a success timer never removes a newer answer', async () => {
    vi.useFakeTimers();
    const fake = fakeBridge(withContainer(1, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    await app.act(stop, web);
    vi.advanceTimersByTime(SUCCESS_SHOWN_MS - 1);
    const second = await app.act(stop, web);
    vi.advanceTimersByTime(1);
    expect(app.outcomes).toEqual([second]);
  });

  it('asking for a dialog closes the menu', () => {
    const fake = fakeBridge(withContainer(1, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.openMenu({ tenant: web, at: { x: 1, y: 2 } });
    expect(app.menu?.tenant).toEqual(web);
    app.ask({ kind: 'lifecycle', tenant: web, op: 'remove' });
    expect(app.menu).toBeNull();
    expect(app.dialog).toEqual({ kind: 'lifecycle', tenant: web, op: 'remove' });
    app.closeDialog();
    expect(app.dialog).toBeNull();
  });
});
