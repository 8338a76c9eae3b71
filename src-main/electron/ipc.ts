/**
 * The contract over Electron IPC. Invokes are accepted only from our window's own page (sender
 * checked) and go through the same validating api as the WebSocket. Events wait until the page has
 * loaded, so the first frame is never sent into the void.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, ipcEventName } from '../channels';
import type { Api } from '../core/api';
import { isOwnPage } from './security';

export function wireIpc(api: Api, window: BrowserWindow, rendererUrl: string): () => void {
  const fromOurPage = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents && !!event.senderFrame && isOwnPage(event.senderFrame.url, rendererUrl);

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!fromOurPage(event)) return { ok: false, error: { message: 'Refused: request from an unknown page', code: 'bad-sender' } };
      return api.invoke(channel, request);
    });
  }

  let ready = false;
  const queued: Array<() => void> = [];
  window.webContents.on('did-finish-load', () => {
    ready = true;
    for (const send of queued.splice(0)) send();
  });
  window.webContents.on('did-start-loading', () => {
    ready = false;
  });

  const unsubscribers = EVENT_CHANNELS.map((event) =>
    api.on(event, (payload) => {
      const send = () => {
        if (!window.isDestroyed()) window.webContents.send(ipcEventName(event), payload);
      };
      if (ready) send();
      // Only the latest world matters; keep the queue from growing while the page loads.
      else queued.splice(0, queued.length, ...queued.slice(-4), send);
    }),
  );

  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    for (const off of unsubscribers) off();
  };
}
