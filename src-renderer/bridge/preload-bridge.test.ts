import { describe, expect, it } from 'vitest';
import type { PreloadApi, Settings, WorldFrame } from '../../src-main/contract';
import { makeWorld } from '../testing/make';
import { preloadBridge } from './preload-bridge';

const unused = { ok: false, error: { message: 'not in this test' } } as const;

function fakeApi(): { api: PreloadApi; emit: (f: WorldFrame) => void } {
  const listeners = new Set<(f: WorldFrame) => void>();
  const api: PreloadApi = {
    invoke: {
      'world:get': async () => ({ ok: true, value: makeWorld({ seq: 3 }) }),
      'settings:get': async () => ({ ok: true, value: { sampleIntervalSeconds: 2, slowWhenHidden: true } }),
      'settings:set': async (r: Partial<Settings>) =>
        (r.sampleIntervalSeconds ?? 0) > 60
          ? { ok: false, error: { message: 'Sample interval must be 1–60 seconds' } }
          : { ok: true, value: { sampleIntervalSeconds: r.sampleIntervalSeconds ?? 2, slowWhenHidden: true } },
      'view:visibility': async () => ({ ok: true, value: null }),
      'action:run': async () => ({ ok: false, error: { message: 'Container web is already stopped.', code: 'docker:304' } }),
      // Channels these tests do not use answer that they are not here.
      'engines:list': async () => unused,
      'engines:add': async () => unused,
      'engines:test': async () => unused,
      'engines:rename': async () => unused,
      'engines:remove': async () => unused,
      'history:get': async () => unused,
      'history:tails': async () => unused,
    },
    on: {
      'world:frame': (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      'settings:changed': () => () => {},
      'engines:changed': () => () => {},
      'ui:command': () => () => {},
    },
  };
  return { api, emit: (f) => listeners.forEach((l) => l(f)) };
}

describe('preloadBridge', () => {
  it('unwraps ok results to their value', async () => {
    const bridge = preloadBridge(fakeApi().api);
    expect((await bridge.invoke('world:get', null)).seq).toBe(3);
    expect(await bridge.invoke('settings:set', { sampleIntervalSeconds: 5 })).toEqual({ sampleIntervalSeconds: 5, slowWhenHidden: true });
  });

  it('throws an Error carrying the message of an error result', async () => {
    const bridge = preloadBridge(fakeApi().api);
    await expect(bridge.invoke('settings:set', { sampleIntervalSeconds: 99 })).rejects.toThrow('Sample interval must be 1–60 seconds');
  });

  it('keeps the code of an error result, so an action can tell a refusal from an engine error', async () => {
    const bridge = preloadBridge(fakeApi().api);
    const error = await bridge
      .invoke('action:run', { kind: 'container', engineId: 'docker:/s', containerId: 'c1', op: 'stop' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'Container web is already stopped.', code: 'docker:304' });
  });

  it('passes events through and unsubscribes', () => {
    const { api, emit } = fakeApi();
    const seen: number[] = [];
    const off = preloadBridge(api).on('world:frame', (f) => seen.push(f.kind === 'full' ? f.world.seq : f.seq));
    emit({ kind: 'full', world: makeWorld({ seq: 1 }) });
    off();
    emit({ kind: 'full', world: makeWorld({ seq: 2 }) });
    expect(seen).toEqual([1]);
  });
});
