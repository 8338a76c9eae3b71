/**
 * The channel map, served: one handler per invoke channel and one source per event channel. Both
 * transports (Electron IPC, WebSocket) hand untrusted (channel, request) pairs to `invoke`, which
 * validates before anything runs and returns errors as data.
 */
import type { EventChannel, EventChannels, InvokeChannel, InvokeResult, RequestOf, ResponseOf, Settings } from '../contract';
import type { Hub, ViewPresence } from './hub';
import type { SettingsStore } from './settings-store';
import { Signal } from './signal';
import { isInvokeChannel, validateRequest } from './validation';

/** Who is asking: the window or tab the request came from, for what is per view (its visibility). */
export interface Caller {
  view: ViewPresence;
}

export interface Api {
  invoke(channel: unknown, request: unknown, caller?: Caller): Promise<InvokeResult<unknown>>;
  /** A window or tab that shows the map; the transport opens one per connection and closes it with it. */
  openView(): ViewPresence;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
}

type Handlers = { [C in InvokeChannel]: (request: RequestOf<C>, caller: Caller | undefined) => Promise<ResponseOf<C>> };

export function createApi(hub: Hub, settings: SettingsStore): Api {
  const settingsChanged = new Signal<Settings>('settings');

  const handlers: Handlers = {
    'world:get': async () => hub.world(),
    'settings:get': async () => settings.get(),
    'action:run': (action) => hub.act(action),
    'settings:set': async (patch) => {
      const next = await settings.update(patch);
      hub.setSampleInterval(next.sampleIntervalSeconds);
      hub.setSlowWhenHidden(next.slowWhenHidden);
      settingsChanged.emit(next);
      return next;
    },
    'view:visibility': async ({ visible }, caller) => {
      caller?.view.setVisible(visible);
      return null;
    },
  };

  const sources: { [E in EventChannel]: (listener: (payload: EventChannels[E]) => void) => () => void } = {
    'world:frame': (listener) => hub.onWorldFrame(listener),
    'settings:changed': (listener) => settingsChanged.subscribe(listener),
  };

  return {
    async invoke(channel, request, caller) {
      try {
        if (!isInvokeChannel(channel)) throw Object.assign(new Error(`Unknown channel: ${String(channel).slice(0, 60)}`), { code: 'unknown-channel' });
        const handler = handlers[channel] as (r: unknown, c: Caller | undefined) => Promise<unknown>;
        return { ok: true, value: await handler(validateRequest(channel, request), caller) };
      } catch (err) {
        const e = err as { message?: string; code?: unknown };
        return { ok: false, error: { message: e.message ?? String(err), ...(typeof e.code === 'string' ? { code: e.code } : {}) } };
      }
    },
    on(event, listener) {
      return sources[event](listener);
    },
    // A view counts as visible until it says otherwise: a page that never reports keeps sampling at full rate.
    openView: () => hub.openView(true),
  };
}
