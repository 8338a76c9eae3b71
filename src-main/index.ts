/**
 * Electron's composition root, kept thin: security hooks, the core (engines + hub), the window, IPC.
 * Everything that knows Docker or libvirt lives in core/ and runs the same in browser mode and tests.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createCore, type Core } from './core/create-core';
import { wireIpc } from './electron/ipc';
import { applySecurityRestrictions } from './electron/security';
import { createMainWindow } from './electron/window';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServer = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '../renderer/index.html');
const rendererUrl = devServer ?? pathToFileURL(rendererFile).href;

let core: Core | null = null;

applySecurityRestrictions(() => rendererUrl);

async function openWindow(): Promise<void> {
  core ??= await createCore({ settingsPath: join(app.getPath('userData'), 'settings.json') });
  const window = createMainWindow(join(here, '../preload/preload.cjs'));
  const unwire = wireIpc(core.api, window, rendererUrl);
  window.once('ready-to-show', () => window.show());
  window.on('closed', unwire);
  if (devServer) await window.loadURL(devServer);
  else await window.loadFile(rendererFile);
}

app.whenReady().then(openWindow).catch((err: unknown) => {
  console.error('Neighborhood could not start:', err);
  app.exit(1);
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) void openWindow();
});

app.on('window-all-closed', () => {
  app.quit();
});

app.on('will-quit', () => {
  void core?.dispose();
});
