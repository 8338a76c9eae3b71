/**
 * The preload against a fake contextBridge and ipcRenderer: exactly one object reaches the page, made
 * of one function per contract channel, with nothing of ipcRenderer in it; listeners get only payloads.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { PreloadApi } from '../contract';
import { EVENT_CHANNELS, INVOKE_CHANNELS, ipcEventName } from '../channels';
import { contextBridge, ipcRenderer } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

let api: PreloadApi;
let exposedKeys: string[];

// The preload runs once, at import, as it does in the page.
beforeAll(async () => {
  contextBridge.reset();
  await import('../preload');
  exposedKeys = [...contextBridge.exposed.keys()];
  api = contextBridge.exposed.get('neighborhood') as PreloadApi;
});
beforeEach(() => ipcRenderer.reset());

/** Every value reachable from the exposed object (own properties, prototypes included). */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    walk(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) walk(Object.getOwnPropertyDescriptor(value, key)?.value);
  };
  walk(root);
  return [...seen];
}

describe('the exposed bridge', () => {
  it('is exactly one object, `neighborhood`, with exactly `invoke` and `on`', () => {
    expect(exposedKeys).toEqual(['neighborhood']);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(Reflect.ownKeys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('`invoke` has exactly the contract’s invoke channels, each a function', () => {
    expect(Reflect.ownKeys(api.invoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const channel of INVOKE_CHANNELS) expect(api.invoke[channel]).toBeTypeOf('function');
  });

  it('`on` has exactly the contract’s event channels, each a function', () => {
    expect(Reflect.ownKeys(api.on).sort()).toEqual([...EVENT_CHANNELS].sort());
    for (const event of EVENT_CHANNELS) expect(api.on[event]).toBeTypeOf('function');
  });

  it('holds nothing of ipcRenderer: not the object, not one of its methods', () => {
    // What any object or function reaches anyway (Object.prototype, Function.prototype, their methods) is not a leak.
    const baseline = new Set([...reachable({}), ...reachable(() => {})]);
    const ipcValues = new Set(reachable(ipcRenderer).filter((v) => !baseline.has(v)));
    expect(ipcValues.has(Reflect.get(ipcRenderer, 'invoke'))).toBe(true);
    const leaked = reachable(api).filter((v) => ipcValues.has(v));
    expect(leaked).toEqual([]);
    for (const fn of [...Object.values(api.invoke), ...Object.values(api.on)]) {
      expect(Object.getPrototypeOf(fn)).toBe(Function.prototype);
    }
  });
});

describe('invoke', () => {
  it('sends the request on the channel of the function’s name and returns main’s result', async () => {
    ipcRenderer.reply = (channel, request) => Promise.resolve({ ok: true, value: { channel, request } });
    await expect(api.invoke['settings:set']({ sampleIntervalSeconds: 4 })).resolves.toEqual({
      ok: true,
      value: { channel: 'settings:set', request: { sampleIntervalSeconds: 4 } },
    });
    expect(ipcRenderer.invoked).toEqual([{ channel: 'settings:set', args: [{ sampleIntervalSeconds: 4 }] }]);
  });

  it('an IPC failure (no handler, window closing) resolves as data', async () => {
    ipcRenderer.reply = () => Promise.reject(new Error("No handler registered for 'world:get'"));
    await expect(api.invoke['world:get'](null)).resolves.toEqual({
      ok: false,
      error: { message: "No handler registered for 'world:get'", code: 'ipc-failed' },
    });
  });
});

describe('on', () => {
  it('listeners receive only the payload, never the IPC event; the disposer detaches', () => {
    const calls: unknown[][] = [];
    const off = api.on['world:frame']((...args: unknown[]) => calls.push(args));
    ipcRenderer.deliver(ipcEventName('world:frame'), { seq: 1 });
    ipcRenderer.deliver(ipcEventName('settings:changed'), { sampleIntervalSeconds: 2 });
    expect(calls).toEqual([[{ seq: 1 }]]);

    off();
    expect(ipcRenderer.listenerCount(ipcEventName('world:frame'))).toBe(0);
    ipcRenderer.deliver(ipcEventName('world:frame'), { seq: 2 });
    expect(calls).toHaveLength(1);
  });

  it('listens on the prefixed event names only, never on an invoke channel', () => {
    for (const event of EVENT_CHANNELS) api.on[event](() => {});
    expect(ipcRenderer.eventNames().sort()).toEqual(EVENT_CHANNELS.map(ipcEventName).sort());
  });
});
