/**
 * What the preload puts on `window.neighborhood`, built from an ipcRenderer it is handed (so a test can
 * hand it a fake). One named function per contract channel and nothing else: the page never holds
 * ipcRenderer, cannot pick a channel name, and its listeners get only the payload, never the IPC event
 * (which carries the sender). A failed IPC call (no handler, a closed window) resolves as
 * `{ ok: false }` like every other error, so the page has one error path.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, ipcEventName } from '../channels';
import type { InvokeResult, PreloadApi } from '../contract';

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const ipcFailure = (error: unknown): InvokeResult<never> => ({
  ok: false,
  error: { message: error instanceof Error ? error.message : String(error), code: 'ipc-failed' },
});

export function createPreloadApi(ipc: PreloadIpc): PreloadApi {
  const invoke = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      (request: unknown): Promise<InvokeResult<unknown>> =>
        (ipc.invoke(channel, request) as Promise<InvokeResult<unknown>>).catch(ipcFailure),
    ]),
  ) as unknown as PreloadApi['invoke'];

  const on = Object.fromEntries(
    EVENT_CHANNELS.map((event) => [
      event,
      (listener: (payload: unknown) => void): (() => void) => {
        const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
        ipc.on(ipcEventName(event), wrapped);
        return () => {
          ipc.removeListener(ipcEventName(event), wrapped);
        };
      },
    ]),
  ) as unknown as PreloadApi['on'];

  return { invoke, on };
}
