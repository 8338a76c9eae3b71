/**
 * How the channel map travels: the result envelope of an invoke, the Bridge the renderer talks to,
 * the WebSocket messages of browser mode and the Electron preload's API. Types only.
 */
import type { EventChannel, EventChannels, InvokeChannel, RequestOf, ResponseOf } from './channels';

/** What an invoke returns across any transport: errors travel as data and become Errors again. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: { message: string; code?: string } };

/** The one interface the renderer talks to, whatever carries it. */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
}

/** WebSocket messages (browser mode). */
export type ClientMessage = { kind: 'invoke'; id: number; channel: string; request: unknown };
export type ServerMessage =
  | { kind: 'result'; id: number; result: InvokeResult<unknown> }
  | { kind: 'event'; event: EventChannel; payload: unknown };

/**
 * What the Electron preload exposes on `window.neighborhood`: one named function per channel, never
 * raw ipcRenderer. Results come back as InvokeResult so errors survive the context bridge.
 */
export interface PreloadApi {
  invoke: { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<InvokeResult<ResponseOf<C>>> };
  on: { [E in EventChannel]: (listener: (payload: EventChannels[E]) => void) => () => void };
}
