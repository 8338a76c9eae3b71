/**
 * The sandboxed preload: exposes the contract on `window.neighborhood` (one named function per channel,
 * see electron/preload-api), never ipcRenderer itself. Bundled into one CommonJS file by electron-vite.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './electron/preload-api';

contextBridge.exposeInMainWorld('neighborhood', createPreloadApi(ipcRenderer));
