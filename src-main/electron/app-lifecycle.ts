/**
 * The Electron app's life, from start to quit: process guards, security hooks, the core (engines + hub),
 * the window and its IPC, and a quit that waits for the engines to let go. index.ts only hands it its
 * dependencies; tests hand it a fake core and a fake Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import type { Core, CoreOptions } from '../core/create-core';
import type { ErrorReporter } from '../core/report-error';
import { wireIpc } from './ipc';
import { installProcessGuards, type ProcessEvents } from './process-guards';
import { holdQuitUntilDisposed, QUIT_DEADLINE_MS, settleWithin } from './quit-guard';
import { chooseRenderer } from './renderer-location';
import { denyPermissions, guardWebContents } from './security';
import { createMainWindow } from './window';

export interface AppDependencies {
  createCore(options: CoreOptions): Promise<Core>;
  /** The directory of the built main bundle (out/main); the preload and renderer sit beside it. */
  mainDir: string;
  env: Readonly<Record<string, string | undefined>>;
  process: ProcessEvents;
  report: ErrorReporter;
  quitDeadlineMs?: number;
}

export interface RunningApp {
  /** Settles once the first window has loaded, or the start has failed (and the app is exiting). */
  started: Promise<void>;
}

export function startApp(deps: AppDependencies): RunningApp {
  const { report } = deps;
  const deadlineMs = deps.quitDeadlineMs ?? QUIT_DEADLINE_MS;
  installProcessGuards(deps.process, report);

  const { location, ignored } = chooseRenderer({
    isPackaged: app.isPackaged,
    devServerUrl: deps.env.ELECTRON_RENDERER_URL,
    rendererFile: join(deps.mainDir, '../renderer/index.html'),
  });
  if (ignored) report('choosing the page to load', ignored);
  const preloadPath = join(deps.mainDir, '../preload/preload.cjs');

  guardWebContents(app, () => location.url);

  // One core for the app's life, created on first need; the quit disposes whatever was created.
  let core: Promise<Core> | null = null;
  const getCore = (): Promise<Core> =>
    (core ??= deps.createCore({ settingsPath: join(app.getPath('userData'), 'settings.json') }));
  const dispose = async (): Promise<void> => {
    const created = await core?.catch(() => null);
    await created?.dispose();
  };
  holdQuitUntilDisposed(app, dispose, report, deadlineMs);

  async function openWindow(): Promise<void> {
    const { api } = await getCore();
    const window = createMainWindow(preloadPath);
    const unwire = wireIpc({ ipcMain, api, window, rendererUrl: location.url });
    window.once('ready-to-show', () => window.show());
    window.on('closed', unwire);
    window.webContents.on('render-process-gone', (_event, details) =>
      report('the map page is gone', `renderer ${details.reason} (exit code ${details.exitCode})`),
    );
    if (location.kind === 'dev-server') await window.loadURL(location.url);
    else await window.loadFile(location.path);
  }

  // A second window is never opened while one is on its way (activate during start-up).
  let opening: Promise<void> | null = null;
  const openOnce = (): Promise<void> =>
    (opening ??= openWindow().finally(() => {
      opening = null;
    }));

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && !opening) {
      openOnce().catch((error: unknown) => report('reopening the window', error));
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') report(`a ${details.type} process is gone`, details.reason);
  });

  const started = app
    .whenReady()
    .then(() => {
      denyPermissions(session.defaultSession);
      return openOnce();
    })
    .catch(async (error: unknown) => {
      report('Neighborhood could not start', error);
      await settleWithin(dispose, deadlineMs, report, 'disposing the engines after a failed start');
      app.exit(1);
    });

  return { started };
}
