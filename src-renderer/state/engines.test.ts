import { describe, expect, it } from 'vitest';
import type { Bridge, EngineConfig, EngineEntry, EventChannels, InvokeChannel } from '../../src-main/contract';
import type { Connection, ConnectionState } from '../bridge/connection';
import { InvokeError } from '../bridge/unwrap';
import { EnginesState } from './engines.svelte';

const entry = (name: string, id = `docker:/run/${name}.sock`): EngineEntry => ({ id, config: { kind: 'docker', name, url: `unix:///run/${name}.sock` }, discovered: false });

/** A bridge whose answers the test writes per channel, and whose pushes it sends. */
function fakes(answers: Partial<Record<InvokeChannel, (request: unknown) => Promise<unknown>>>) {
  const listeners = new Set<(entries: EngineEntry[]) => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();
  const calls: Array<[string, unknown]> = [];
  const bridge: Bridge = {
    async invoke(channel, request) {
      calls.push([channel, request]);
      const answer = answers[channel];
      if (!answer) throw new Error(`unexpected ${channel}`);
      return (await answer(request)) as never;
    },
    on(event, listener) {
      if (event !== 'engines:changed') return () => {};
      const l = listener as (p: EventChannels['engines:changed']) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const connection: Connection = {
    state: 'open',
    subscribe: (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
  };
  return {
    bridge,
    connection,
    calls,
    push: (entries: EngineEntry[]) => listeners.forEach((l) => l(entries)),
    connectionIs: (s: ConnectionState) => stateListeners.forEach((l) => l(s)),
    listeners,
  };
}

const config: EngineConfig = { kind: 'docker', name: 'two', url: 'unix:///run/two.sock' };

describe('EnginesState', () => {
  it('lists when opened and follows what main pushes', async () => {
    const f = fakes({ 'engines:list': async () => [entry('one')] });
    const state = new EnginesState(f.bridge, f.connection);
    const stop = state.start();
    state.open();
    expect(state.shown).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(state.entries?.map((e) => e.config.name)).toEqual(['one']);
    f.push([entry('one'), entry('other window')]);
    expect(state.entries?.map((e) => e.config.name)).toEqual(['one', 'other window']);
    stop();
    expect(f.listeners.size).toBe(0);
  });

  it('a list answer older than a push is dropped', async () => {
    let answer!: (entries: EngineEntry[]) => void;
    const f = fakes({ 'engines:list': () => new Promise((resolve) => (answer = resolve)) });
    const state = new EnginesState(f.bridge, f.connection);
    state.start();
    const listed = state.refresh();
    f.push([entry('pushed')]);
    answer([entry('stale')]);
    await listed;
    expect(state.entries?.map((e) => e.config.name)).toEqual(['pushed']);
  });

  it('says why the list could not be read, and forgets it with the next list', async () => {
    const f = fakes({ 'engines:list': async () => Promise.reject(new InvokeError('socket closed')) });
    const state = new EnginesState(f.bridge, f.connection);
    state.start();
    await state.refresh();
    expect(state.listError).toBe('socket closed');
    f.push([]);
    expect(state.listError).toBeNull();
  });

  it('lists again after a reconnect while open, not while closed', async () => {
    const f = fakes({ 'engines:list': async () => [] });
    const state = new EnginesState(f.bridge, f.connection);
    state.start();
    f.connectionIs('open');
    expect(f.calls).toEqual([]);
    state.open();
    state.close();
    state.open();
    f.connectionIs('open');
    expect(f.calls.filter(([c]) => c === 'engines:list')).toHaveLength(3);
  });

  it('adds: the entry shows at once, and once only when main’s push comes too', async () => {
    const added = entry('two');
    const f = fakes({ 'engines:list': async () => [entry('one')], 'engines:add': async () => added });
    const state = new EnginesState(f.bridge, f.connection);
    state.start();
    await state.refresh();
    const reply = await state.add(config);
    expect(reply).toEqual({ ok: true, value: added });
    expect(f.calls.at(-1)).toEqual(['engines:add', config]);
    expect(state.entries?.map((e) => e.config.name)).toEqual(['one', 'two']);
    f.push([entry('one'), added]);
    expect(state.entries?.map((e) => e.config.name)).toEqual(['one', 'two']);
  });

  it.each([
    ['engines:add', (s: EnginesState) => s.add(config)],
    ['engines:test', (s: EnginesState) => s.test(config)],
    ['engines:rename', (s: EnginesState) => s.rename('docker:/run/one.sock', 'x')],
    ['engines:remove', (s: EnginesState) => s.remove('docker:/run/one.sock')],
  ] as const)('%s: main’s refusal comes back as its words, and the list is unchanged', async (channel, call) => {
    const refusal = 'Invalid request for engines:add: url must be unix:///path/to.sock, tcp://host:port or ssh://user@host';
    const f = fakes({ 'engines:list': async () => [entry('one')], [channel]: async () => Promise.reject(new InvokeError(refusal, 'invalid-request')) });
    const state = new EnginesState(f.bridge, f.connection);
    await state.refresh();
    const before = state.entries;
    expect(await call(state)).toEqual({ ok: false, message: refusal });
    expect(state.entries).toBe(before);
  });

  it('test passes main’s answer through, failed or not', async () => {
    const answer = { ok: false, message: 'connect ECONNREFUSED 127.0.0.1:1. Is the engine listening there?', version: null, host: null };
    const f = fakes({ 'engines:test': async () => answer });
    const state = new EnginesState(f.bridge, f.connection);
    expect(await state.test(config)).toEqual({ ok: true, value: answer });
    expect(state.entries).toBeNull();
  });

  it('renames and removes in place', async () => {
    const f = fakes({
      'engines:list': async () => [entry('one'), entry('two')],
      'engines:rename': async () => entry('uno', 'docker:/run/one.sock'),
      'engines:remove': async () => null,
    });
    const state = new EnginesState(f.bridge, f.connection);
    await state.refresh();
    await state.rename('docker:/run/one.sock', 'uno');
    expect(state.entries?.map((e) => e.config.name)).toEqual(['uno', 'two']);
    await state.remove('docker:/run/two.sock');
    expect(state.entries?.map((e) => e.config.name)).toEqual(['uno']);
    expect(f.calls.slice(1)).toEqual([
      ['engines:rename', { id: 'docker:/run/one.sock', name: 'uno' }],
      ['engines:remove', { id: 'docker:/run/two.sock' }],
    ]);
  });
});
