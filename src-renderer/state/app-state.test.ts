import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action, ActionDone, Bridge, EventChannels, Settings, World, WorldFrame } from '../../src-main/contract';
import { diffWorld } from '../../src-main/shared/world-delta';
import type { Connection, ConnectionState } from '../bridge/connection';
import { InvokeError } from '../bridge/unwrap';
import { makeContainer, makeEngine, makeHost, makeStats, makeWorld } from '../testing/make';
import { AppState, SUCCESS_SHOWN_MS } from './app-state.svelte';

/** A bridge whose answers and pushes the test controls. */
function fakeBridge(initial: World, opts: { refuse?: string; act?: (action: Action) => Promise<ActionDone> } = {}) {
  const listeners = new Map<keyof EventChannels, Set<(p: never) => void>>();
  const emit = <E extends keyof EventChannels>(event: E, payload: EventChannels[E]): void =>
    listeners.get(event)?.forEach((l) => (l as (p: EventChannels[E]) => void)(payload));
  const calls: string[] = [];
  const visibility: boolean[] = [];
  let world = initial;
  /** When set, world:get answers only when the test releases it. */
  let holdWorld = false;
  const held: Array<() => void> = [];
  let connectionState: ConnectionState = 'open';
  const connectionListeners = new Set<(s: ConnectionState) => void>();
  let settings: Settings = { sampleIntervalSeconds: 2, slowWhenHidden: true };
  const bridge: Bridge = {
    async invoke(channel, request) {
      calls.push(channel);
      if (channel === 'world:get') {
        if (holdWorld) await new Promise<void>((resolve) => held.push(resolve));
        return world;
      }
      if (channel === 'settings:get') return settings;
      if (channel === 'view:visibility') {
        visibility.push((request as { visible: boolean }).visible);
        return null;
      }
      if (channel === 'action:run') {
        const act = opts.act ?? (async () => ({ message: 'done', ms: 1 }));
        return await act(request as unknown as Action);
      }
      if (opts.refuse) throw new Error(opts.refuse);
      settings = { ...settings, ...(request as Partial<Settings>) };
      return settings;
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
    visibility,
    count: (channel: string) => calls.filter((c) => c === channel).length,
    serve: (w: World) => (world = w),
    holdWorld: () => (holdWorld = true),
    releaseWorld: () => {
      holdWorld = false;
      held.splice(0).forEach((release) => release());
    },
    push: (frame: WorldFrame) => emit('world:frame', frame),
    pushWorld: (w: World) => emit('world:frame', { kind: 'full', world: w }),
    pushSettings: (s: Settings) => emit('settings:changed', s),
    setConnection: (s: ConnectionState) => {
      connectionState = s;
      connectionListeners.forEach((l) => l(s));
    },
  };
}

/** A visibility the test flips. */
function fakeVisibility(initial: boolean) {
  const listeners = new Set<(v: boolean) => void>();
  const v = {
    visible: initial,
    subscribe(l: (v: boolean) => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(visible: boolean) {
      v.visible = visible;
      listeners.forEach((l) => l(visible));
    },
  };
  return v;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

const withContainer = (seq: number, state: 'running' | 'paused' | null, cpu = 0) =>
  makeWorld({
    seq,
    hosts: [
      makeHost({
        engines: [makeEngine({ id: 'docker:/s', containers: state ? [makeContainer({ id: 'c1', name: 'web', state, stats: makeStats({ cpuCores: cpu }) }), makeContainer({ id: 'c2', name: 'db' })] : [] })],
      }),
    ],
  });
/** The delta from `a` to `b` as it travels. */
const delta = (a: World, b: World): WorldFrame => JSON.parse(JSON.stringify(diffWorld(a, b))) as WorldFrame;

describe('AppState', () => {
  it('fetches the world and settings first and says whether it is visible, then follows pushed frames in seq order', async () => {
    const fake = fakeBridge(withContainer(5, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    const stop = app.start();
    expect(fake.calls).toEqual(['world:get', 'settings:get', 'view:visibility']);
    await settle();
    expect(app.world?.seq).toBe(5);
    expect(app.settings).toEqual({ sampleIntervalSeconds: 2, slowWhenHidden: true });
    fake.pushWorld(withContainer(4, 'running'));
    expect(app.world?.seq).toBe(5);
    fake.pushWorld(withContainer(6, 'running'));
    expect(app.world?.seq).toBe(6);
    fake.pushSettings({ sampleIntervalSeconds: 9, slowWhenHidden: true });
    expect(app.settings?.sampleIntervalSeconds).toBe(9);
    stop();
    fake.pushWorld(withContainer(7, 'running'));
    expect(app.world?.seq).toBe(6);
  });

  it('patches the world held with each delta, keeping unchanged tenants as the same objects', async () => {
    const first = withContainer(1, 'running');
    const fake = fakeBridge(first);
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    const second = withContainer(2, 'running', 0.5);
    fake.push(delta(first, second));
    expect(app.world).toEqual(second);
    const [web, db] = app.world!.hosts[0]!.engines[0]!.containers;
    expect(web?.stats?.cpuCores).toBe(0.5);
    expect(db).toBe(first.hosts[0]!.engines[0]!.containers[1]);
    // Not newer: ignored, the world held stays the very same object.
    const held = app.world;
    fake.push(delta(withContainer(0, 'running'), withContainer(2, 'paused')));
    expect(app.world).toBe(held);
    expect(fake.count('world:get')).toBe(1);
  });

  it('a delta that cannot apply asks for the whole world once, however many follow meanwhile, then carries on', async () => {
    const fake = fakeBridge(withContainer(1, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    // Frames 2 and 3 were skipped (the socket was behind): 4 patches 3, which this page never had.
    fake.serve(withContainer(4, 'running', 0.25));
    fake.holdWorld();
    fake.push(delta(withContainer(3, 'running'), withContainer(4, 'running', 0.25)));
    fake.push(delta(withContainer(4, 'running', 0.25), withContainer(5, 'running', 0.5)));
    fake.push(delta(withContainer(5, 'running', 0.5), withContainer(6, 'running', 0.75)));
    expect(fake.count('world:get')).toBe(2);
    expect(app.world?.seq).toBe(1);
    fake.serve(withContainer(6, 'running', 0.75));
    fake.releaseWorld();
    await settle();
    expect(app.world?.seq).toBe(6);
    // The next frame patches what the fetch brought: no more asking.
    fake.push(delta(withContainer(6, 'running', 0.75), withContainer(7, 'paused')));
    expect(app.world?.seq).toBe(7);
    expect(app.world?.hosts[0]?.engines[0]?.containers[0]?.state).toBe('paused');
    expect(fake.count('world:get')).toBe(2);
    // A later gap asks again (once).
    fake.push(delta(withContainer(8, 'running'), withContainer(9, 'running')));
    fake.push(delta(withContainer(9, 'running'), withContainer(10, 'running')));
    await settle();
    expect(fake.count('world:get')).toBe(3);
  });

  it('keeps the open panel live and reports a tenant that disappeared', async () => {
    const fake = fakeBridge(withContainer(1, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    app.open({ kind: 'container', engineId: 'docker:/s', id: 'c1', name: 'web' });
    expect(app.selected?.kind === 'container' && app.selected.container.state).toBe('running');
    fake.push(delta(withContainer(1, 'running'), withContainer(2, 'paused')));
    expect(app.selected?.kind === 'container' && app.selected.container.state).toBe('paused');
    fake.push(delta(withContainer(2, 'paused'), withContainer(3, null)));
    expect(app.selected?.kind).toBe('gone');
    app.close();
    expect(app.selected).toBeNull();
  });

  it('after a reconnect takes the restarted server’s lower seq, applies no delta before it, and says again whether it is visible', async () => {
    const fake = fakeBridge(withContainer(100, 'running'));
    const app = new AppState(fake.bridge, fake.connection);
    app.start();
    await settle();
    fake.setConnection('reconnecting');
    expect(app.connection).toBe('reconnecting');
    fake.serve(withContainer(1, 'paused'));
    fake.holdWorld();
    fake.setConnection('open');
    // The new server's delta on its seq 100 (a collision) must not patch the old server's world.
    fake.push(delta(withContainer(100, 'paused'), withContainer(101, 'running', 1)));
    expect(app.world?.seq).toBe(100);
    fake.releaseWorld();
    await settle();
    expect(app.world?.seq).toBe(1);
    expect(app.world?.hosts[0]?.engines[0]?.containers[0]?.state).toBe('paused');
    expect(fake.count('world:get')).toBe(2);
    expect(fake.visibility).toEqual([true, true]);
    // Ordering applies again from there on.
    fake.pushWorld(withContainer(0, 'running'));
    expect(app.world?.seq).toBe(1);
  });

  it('tells the core when the page is hidden and shown again', async () => {
    const fake = fakeBridge(withContainer(1, 'running'));
    const visibility = fakeVisibility(false);
    const app = new AppState(fake.bridge, fake.connection, visibility);
    const stop = app.start();
    await settle();
    expect(fake.visibility).toEqual([false]);
    visibility.set(true);
    visibility.set(false);
    expect(fake.visibility).toEqual([false, true, false]);
    stop();
    visibility.set(true);
    expect(fake.visibility).toEqual([false, true, false]);
  });

  it('shows a refusal beside the setting it is about, and clears it on success', async () => {
    const refused = fakeBridge(withContainer(1, null), { refuse: 'sampleIntervalSeconds must be at most 60 seconds' });
    const app = new AppState(refused.bridge, refused.connection);
    await app.setSampleInterval(99);
    expect(app.settingsError).toEqual({ setting: 'sampleIntervalSeconds', message: 'sampleIntervalSeconds must be at most 60 seconds' });
    await app.setSlowWhenHidden(false);
    expect(app.settingsError?.setting).toBe('slowWhenHidden');

    const ok = fakeBridge(withContainer(1, null));
    const app2 = new AppState(ok.bridge, ok.connection);
    app2.settingsError = { setting: 'sampleIntervalSeconds', message: 'old' };
    await app2.setSampleInterval(5);
    expect(app2.settingsError).toBeNull();
    expect(app2.settings).toEqual({ sampleIntervalSeconds: 5, slowWhenHidden: true });
    await app2.setSlowWhenHidden(false);
    expect(app2.settings).toEqual({ sampleIntervalSeconds: 5, slowWhenHidden: false });
    expect(ok.calls).toEqual(['settings:set', 'settings:set']);
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
    app.receive({ kind: 'full', world: withContainer(1, 'running') });
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
