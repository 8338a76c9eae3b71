/**
 * The channel map, served: one handler per invoke channel and one source per event channel. Both
 * transports (Electron IPC, WebSocket) hand untrusted (channel, request) pairs to `invoke`, which
 * validates before anything runs and returns errors as data.
 */
import type { EventChannel, EventChannels, InvokeChannel, InvokeResult, RequestOf, ResponseOf, Settings } from '../contract';
import type { Hub } from './hub';
import type { SettingsStore } from './settings-store';
import { Signal } from './signal';
import { isInvokeChannel, validateRequest } from './validation';

export interface Api {
  invoke(channel: unknown, request: unknown): Promise<InvokeResult<unknown>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
}

type Handlers = { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export function createApi(hub: Hub, settings: SettingsStore): Api {
  const settingsChanged = new Signal<Settings>('settings');

  const handlers: Handlers = {
    'world:get': async () => hub.world(),
    'settings:get': async () => settings.get(),
    'action:run': (action) => hub.act(action),
    'settings:set': async (patch) => {
      const next = await settings.update(patch);
      hub.setSampleInterval(next.sampleIntervalSeconds);
      settingsChanged.emit(next);
      return next;
    },
  };

  const sources: { [E in EventChannel]: (listener: (payload: EventChannels[E]) => void) => () => void } = {
    'world:frame': (listener) => hub.onFrame(listener),
    'settings:changed': (listener) => settingsChanged.subscribe(listener),
  };

  return {
    async invoke(channel, request) {
      try {
        if (!isInvokeChannel(channel)) throw Object.assign(new Error(`Unknown channel: ${String(channel).slice(0, 60)}`), { code: 'unknown-channel' });
        const handler = handlers[channel] as (r: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(validateRequest(channel, request)) };
      } catch (err) {
        const e = err as { message?: string; code?: unknown };
        return { ok: false, error: { message: e.message ?? String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } };
      }
    },
    on(event, listener) {
      return sources[event](listener);
    },
  };
}
