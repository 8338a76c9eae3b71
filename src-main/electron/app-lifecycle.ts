/**
 * The Electron app's life, from start to quit: one instance (a second start focuses the first's window),
 * process guards, security hooks, the core (engines + hub), the menu, the window (where it was last
 * time) and its IPC, and a quit that waits for the engines to let go. index.ts only hands it its
 * dependencies; tests hand it a fake core and a fake Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session } from 'electron';
import type { UiCommand } from '../contract';
import type { Core, CoreOptions } from '../core/create-core';
import type { ErrorReporter } from '../core/report-error';
import { showAbout, type AboutFacts } from './about';
import { appMenuTemplate } from './app-menu';
import { wireIpc } from './ipc';
import { installProcessGuards, type ProcessEvents } from './process-guards';
import { holdQuitUntilDisposed, QUIT_DEADLINE_MS, settleWithin } from './quit-guard';
import { chooseRenderer } from './renderer-location';
import { denyPermissions, guardWebContents } from './security';
import { createMainWindow, DEFAULT_WINDOW_SIZE } from './window';
import { rememberWindowState, restoredPlacement, WINDOW_STATE_FILE } from './window-state';

export interface AppDependencies {
  createCore(options: CoreOptions): Promise<Core>;
  /** The directory of the built main bundle (out/main); the preload and renderer sit beside it. */
  mainDir: string;
  env: Readonly<Record<string, string | undefined>>;
  process: ProcessEvents;
  report: ErrorReporter;
  /** process.platform: the menu follows macOS conventions there. */
  platform: NodeJS.Platform;
  /** process.versions, for About. */
  versions: AboutFacts['versions'];
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

  // A second start leaves at once; the first one hears 'second-instance' and brings its window forward.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve() };
  }

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
  // The same core once it is up, for what must act at once (a menu click) or not at all.
  let upCore: Core | null = null;
  const getCore = (): Promise<Core> =>
    (core ??= deps.createCore({ settingsPath: join(app.getPath('userData'), 'settings.json') }).then((created) => (upCore = created)));
  const dispose = async (): Promise<void> => {
    const created = await core?.catch(() => null);
    await created?.dispose();
  };
  holdQuitUntilDisposed(app, dispose, report, deadlineMs);

  // The map window, and whether it has been shown (until then it shows and takes focus by itself).
  let current: { window: BrowserWindow; shown: boolean } | null = null;
  const liveWindow = (): BrowserWindow | null => (current && !current.window.isDestroyed() ? current.window : null);

  async function openWindow(): Promise<void> {
    const { api } = await getCore();
    const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
    const placement = restoredPlacement({ file: stateFile, screen, defaultSize: DEFAULT_WINDOW_SIZE, report });
    const window = createMainWindow(preloadPath, placement.bounds, nativeTheme.shouldUseDarkColors);
    const opened = { window, shown: false };
    current = opened;
    rememberWindowState(window, stateFile, report);
    const unwire = wireIpc({ ipcMain, api, window, rendererUrl: location.url });
    window.once('ready-to-show', () => {
      try {
        // Maximized before shown, so it does not appear at its normal size first.
        if (placement.maximized) window.maximize();
        window.show();
        opened.shown = true;
      } catch (error) {
        report('showing the window', error);
      }
    });
    window.on('closed', () => {
      if (current === opened) current = null;
      unwire();
    });
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

  let ready = false;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  /** A window again when there is none: not before the first is opened, nor while quitting. */
  const reopen = (context: string): void => {
    if (!ready || quitting || opening || BrowserWindow.getAllWindows().length > 0) return;
    openOnce().catch((error: unknown) => report(context, error));
  };

  app.on('activate', () => reopen('reopening the window'));
  app.on('second-instance', () => {
    try {
      const window = liveWindow();
      if (!window) reopen('opening a window for a second start');
      else if (current?.shown) {
        if (window.isMinimized()) window.restore();
        window.focus();
      }
    } catch (error) {
      report('bringing the window forward for a second start', error);
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') report(`a ${details.type} process is gone`, details.reason);
  });

  // The page's own controls, from the menu: only a page that exists can be told anything.
  const sendToPage = (command: UiCommand): void => upCore?.api.sendUiCommand(command);
  const about = (): Promise<void> =>
    showAbout(dialog, liveWindow(), { appVersion: app.getVersion(), versions: deps.versions, world: upCore?.hub.world() ?? null });

  function installMenu(): void {
    try {
      const template = appMenuTemplate({ isMac: deps.platform === 'darwin', isPackaged: app.isPackaged, send: sendToPage, showAbout: about, report });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    } catch (error) {
      // Electron's default menu stays: the map works without ours.
      report('installing the menu', error);
    }
  }

  const started = app
    .whenReady()
    .then(() => {
      ready = true;
      denyPermissions(session.defaultSession);
      installMenu();
      return openOnce();
    })
    .catch(async (error: unknown) => {
      report('Neighborhood could not start', error);
      await settleWithin(dispose, deadlineMs, report, 'disposing the engines after a failed start');
      app.exit(1);
    });

  return { started };
}
