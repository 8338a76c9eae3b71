/**
 * The sandboxed preload: exposes one named function per contract channel on `window.neighborhood`,
 * never ipcRenderer itself. Listeners get only the payload, never the IPC event (which carries sender).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS, ipcEventName } from './channels';
import type { PreloadApi } from './contract';

const invoke = Object.fromEntries(
  INVOKE_CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as unknown as PreloadApi['invoke'];

const on = Object.fromEntries(
  EVENT_CHANNELS.map((event) => [
    event,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(ipcEventName(event), wrapped);
      return () => ipcRenderer.removeListener(ipcEventName(event), wrapped);
    },
  ]),
) as unknown as PreloadApi['on'];

const api: PreloadApi = { invoke, on };
contextBridge.exposeInMainWorld('neighborhood', api);
