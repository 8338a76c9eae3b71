/**
 * The channel map, served: one handler per invoke channel and one source per event channel. Both
 * transports (Electron IPC, WebSocket) hand untrusted (channel, request) pairs to `invoke`, which
 * validates before anything runs and returns errors as data.
 */
import type { EngineEntry, EventChannel, EventChannels, InvokeChannel, InvokeResult, RequestOf, ResponseOf, Settings, UiCommand } from '../contract';
import { ActionError } from './actions/action-error';
import { testEngineConfig } from './engines/adapter-for';
import type { EngineRegistry } from './engines/engine-registry';
import type { HistoryStore } from './history/history';
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
  /** The desktop window's menu asks the page to do something. */
  sendUiCommand(command: UiCommand): void;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
}

type Handlers = { [C in InvokeChannel]: (request: RequestOf<C>, caller: Caller | undefined) => Promise<ResponseOf<C>> };

export interface ApiParts {
  /** The editable engine list; null when the engines are fixed (tests, tools). */
  engines: EngineRegistry | null;
  history: HistoryStore;
}

export function createApi(hub: Hub, settings: SettingsStore, parts: ApiParts): Api {
  const settingsChanged = new Signal<Settings>('settings');
  const uiCommands = new Signal<UiCommand>('ui command');
  const noEngines = new Signal<EngineEntry[]>('engines');
  const registry = (): EngineRegistry => {
    if (!parts.engines) throw new ActionError('The engines here are fixed by whoever started Neighborhood; they cannot be changed from the map.', 'not-supported');
    return parts.engines;
  };

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
    'engines:list': async () => parts.engines?.list() ?? [],
    'engines:add': (config) => registry().add(config),
    'engines:test': (config) => testEngineConfig(config),
    'engines:rename': ({ id, name }) => registry().rename(id, name),
    'engines:remove': async ({ id }) => {
      await registry().remove(id);
      return null;
    },
    'history:get': async ({ key }) => parts.history.get(key),
    'history:tails': async ({ keys, points }) => parts.history.tails(keys, points),
  };

  const sources: { [E in EventChannel]: (listener: (payload: EventChannels[E]) => void) => () => void } = {
    'world:frame': (listener) => hub.onWorldFrame(listener),
    'settings:changed': (listener) => settingsChanged.subscribe(listener),
    'engines:changed': (listener) => (parts.engines?.changed ?? noEngines).subscribe(listener),
    'ui:command': (listener) => uiCommands.subscribe(listener),
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
    sendUiCommand: (command) => uiCommands.emit(command),
  };
}
