/**
 * The app's life on a fake Electron and a fake core: which page it loads (and that a packaged app
 * ignores ELECTRON_RENDERER_URL), that the window it makes is guarded and wired, that quitting waits for
 * the core's dispose (and not forever), and that a failed start is reported and exits.
 */
import { HistoryStore } from '../core/history/history';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core, CoreOptions } from '../core/create-core';
import { startApp, type AppDependencies } from './app-lifecycle';
import { QUIT_DEADLINE_MS } from './quit-guard';
import { fake, FakeBrowserWindow } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const MAIN_DIR = '/opt/neighborhood/out/main';
const RENDERER_FILE = '/opt/neighborhood/out/renderer/index.html';
const RENDERER_URL = 'file:///opt/neighborhood/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

interface FakeCore {
  core: Core;
  disposed: number;
  finishDispose: () => void;
}

function fakeCore(): FakeCore {
  let finish = (): void => {};
  const made: FakeCore = {
    disposed: 0,
    finishDispose: () => finish(),
    core: {
      hub: {} as Core['hub'],
      engines: null,
      history: new HistoryStore(),
      api: {
        invoke: (channel) => Promise.resolve({ ok: true, value: channel }),
        on: () => () => {},
        openView: () => ({ setVisible: () => undefined, close: () => undefined }),
        sendUiCommand: () => undefined,
      },
      dispose: () => {
        made.disposed += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    },
  };
  return made;
}

let reported: Array<[string, string]>;
let proc: EventEmitter;
let core: FakeCore;
let createCore: ReturnType<typeof vi.fn<(options: CoreOptions) => Promise<Core>>>;

function start(overrides: Partial<AppDependencies> = {}) {
  return startApp({
    createCore,
    mainDir: MAIN_DIR,
    env: {},
    process: proc,
    report: (context, error) => reported.push([context, error instanceof Error ? error.message : String(error)]),
    ...overrides,
  });
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
const onlyWindow = (): FakeBrowserWindow => {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
};
/** Ready, window made, page loaded. */
async function startedWindow(overrides: Partial<AppDependencies> = {}): Promise<FakeBrowserWindow> {
  const running = start(overrides);
  fake.app.makeReady();
  await flush();
  const window = onlyWindow();
  window.webContents.finishLoad();
  await running.started;
  return window;
}

beforeEach(() => {
  fake.reset();
  reported = [];
  proc = new EventEmitter();
  core = fakeCore();
  createCore = vi.fn(() => Promise.resolve(core.core));
});
afterEach(() => vi.useRealTimers());

describe('start', () => {
  it('installs the process guards before anything else', () => {
    start();
    expect(proc.listenerCount('unhandledRejection')).toBe(1);
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    proc.emit('uncaughtException', new Error('engine sent garbage'), 'uncaughtException');
    expect(reported).toEqual([['uncaught exception in the main process (uncaughtException)', 'engine sent garbage']]);
  });

  it('makes nothing before the app is ready', async () => {
    start();
    await flush();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('creates the core with settings in userData, then a hardened window loading the built page with our preload', async () => {
    const window = await startedWindow();
    expect(createCore).toHaveBeenCalledWith({ settingsPath: '/fake/userData/settings.json' });
    expect(window.loaded).toEqual({ file: RENDERER_FILE });
    expect((window.options.webPreferences as Record<string, unknown>).preload).toBe('/opt/neighborhood/out/preload/preload.cjs');
    expect(reported).toEqual([]);
  });

  it('guards the window it makes and denies permissions in the default session', async () => {
    const window = await startedWindow();
    expect(window.webContents.tryOpenWindow('https://example.com/')).toBe('deny');
    expect(window.webContents.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(window.webContents.tryNavigate('will-navigate', RENDERER_URL)).toBe(true);
    expect(fake.session.defaultSession.permissionCheckHandler?.(null, 'media', RENDERER_URL, {})).toBe(false);
    expect(fake.shell.opened).toEqual([]);
  });

  it('shows the window only when it is ready to show', async () => {
    const window = await startedWindow();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('wires IPC for our page only', async () => {
    const window = await startedWindow();
    const ours = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await expect(fake.ipcMain.invoke('world:get', ours, null)).resolves.toEqual({ ok: true, value: 'world:get' });
  });

  it('an unpackaged app loads the dev server named by ELECTRON_RENDERER_URL', async () => {
    const window = await startedWindow({ env: { ELECTRON_RENDERER_URL: DEV } });
    expect(window.loaded).toEqual({ url: DEV });
    expect(window.webContents.tryNavigate('will-navigate', DEV)).toBe(true);
    expect(reported).toEqual([]);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL: loads its own file, trusts only it, and says so', async () => {
    fake.app.isPackaged = true;
    const window = await startedWindow({ env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } });
    expect(window.loaded).toEqual({ file: RENDERER_FILE });
    expect(window.webContents.tryNavigate('will-navigate', 'https://evil.example/')).toBe(false);
    const fromThatPage = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(fake.ipcMain.invoke('world:get', fromThatPage as never, null)).resolves.toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(reported).toEqual([['choosing the page to load', 'ELECTRON_RENDERER_URL is ignored in a packaged app']]);
  });

  it('a core that cannot start is reported and the app exits with 1', async () => {
    createCore.mockRejectedValueOnce(new Error('settings file unreadable'));
    const running = start();
    fake.app.makeReady();
    await running.started;
    expect(reported).toEqual([['Neighborhood could not start', 'settings file unreadable']]);
    expect(fake.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('windows', () => {
  it('activate reopens a window when none is open, reusing the core', async () => {
    const first = await startedWindow();
    first.close();
    expect(fake.ipcMain.handlers.size).toBe(0);
    fake.app.emit('activate');
    await flush();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(createCore).toHaveBeenCalledTimes(1);
    expect(fake.ipcMain.handlers.size).toBeGreaterThan(0);
  });

  it('activate while the first window is on its way opens no second one', async () => {
    start();
    fake.app.makeReady();
    fake.app.emit('activate');
    await flush();
    fake.app.emit('activate');
    await flush();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('closing the last window quits', async () => {
    const window = await startedWindow();
    window.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
  });
});

describe('quit', () => {
  it('waits for the core to dispose, then quits for real', async () => {
    await startedWindow();
    fake.app.quit();
    await flush();
    expect(core.disposed).toBe(1);
    expect(fake.app.quitted).toBe(false);
    core.finishDispose();
    await flush();
    expect(fake.app.quitted).toBe(true);
    expect(fake.app.quitCalls).toBe(2);
    expect(core.disposed).toBe(1);
  });

  it('a dispose that never settles still quits after the deadline', async () => {
    await startedWindow();
    vi.useFakeTimers();
    fake.app.quit();
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    expect(fake.app.quitted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.app.quitted).toBe(true);
    expect(reported.map(([context]) => context)).toEqual(['disposing the engines before quitting']);
  });

  it('quitting before any core exists quits at once', async () => {
    start();
    fake.app.quit();
    await flush();
    expect(fake.app.quitted).toBe(true);
    expect(createCore).not.toHaveBeenCalled();
  });
});
