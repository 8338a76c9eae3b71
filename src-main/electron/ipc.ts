/**
 * The contract over Electron IPC. Invokes are accepted only from our window's own page (sender checked)
 * and go through the same validating api as the WebSocket. Every answer is data: a refused sender or a
 * handler that throws comes back as `{ ok: false, error }`, never as an exception across IPC.
 * Events wait until the page has loaded, so the first frame is never sent into the void.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventChannel, InvokeResult } from '../contract';
import { EVENT_CHANNELS, INVOKE_CHANNELS, ipcEventName } from '../channels';
import type { Api } from '../core/api';
import { reportError } from '../core/report-error';
import { isOwnPage } from './security';

export interface IpcWiring {
  ipcMain: IpcMain;
  api: Api;
  window: BrowserWindow;
  rendererUrl: string;
}

/** From our window, its top frame, showing our page. `senderFrame` is null once the frame is gone. */
export function isFromOurPage(event: IpcMainInvokeEvent, contents: WebContents, rendererUrl: string): boolean {
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isOwnPage(frame.url, rendererUrl);
}

const failure = (message: string, code: string): InvokeResult<never> => ({ ok: false, error: { message, code } });

export function wireIpc({ ipcMain, api, window, rendererUrl }: IpcWiring): () => void {
  const contents = window.webContents;
  // The window is one view of the map: its page says when it is hidden or minimised (and sampling slows).
  const caller = { view: api.openView() };

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<InvokeResult<unknown>> => {
      try {
        // Reading senderFrame can itself throw when the frame was disposed mid-call: inside the try.
        if (!isFromOurPage(event, contents, rendererUrl)) return failure('Refused: request from an unknown page', 'bad-sender');
        return await api.invoke(channel, request, caller);
      } catch (error) {
        reportError(`IPC ${channel} failed`, error);
        return failure(error instanceof Error ? error.message : String(error), 'internal');
      }
    });
  }

  // Every event carries a whole state (the world, the settings), so while the page loads only the latest
  // of each channel matters: the queue is bounded by the number of channels and nothing stale is replayed.
  const pending = new Map<EventChannel, unknown>();
  let ready = false;

  const send = (event: EventChannel, payload: unknown): void => {
    if (window.isDestroyed() || contents.isDestroyed()) return;
    try {
      contents.send(ipcEventName(event), payload);
    } catch (error) {
      reportError(`sending ${event} to the page failed`, error);
    }
  };
  const onLoaded = (): void => {
    ready = true;
    const queued = [...pending];
    pending.clear();
    for (const [event, payload] of queued) send(event, payload);
  };
  // A new document (load, reload, after a crash) has no listeners until its scripts have run.
  const onUnloaded = (): void => {
    ready = false;
  };
  contents.on('did-finish-load', onLoaded);
  contents.on('did-navigate', onUnloaded);
  contents.on('render-process-gone', onUnloaded);

  const unsubscribers = EVENT_CHANNELS.map((event) =>
    api.on(event, (payload) => {
      if (ready) send(event, payload);
      else {
        pending.delete(event);
        pending.set(event, payload);
      }
    }),
  );

  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    for (const off of unsubscribers) off();
    caller.view.close();
    pending.clear();
    if (!contents.isDestroyed()) {
      contents.off('did-finish-load', onLoaded);
      contents.off('did-navigate', onUnloaded);
      contents.off('render-process-gone', onUnloaded);
    }
  };
}
