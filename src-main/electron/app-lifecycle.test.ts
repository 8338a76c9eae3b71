/**
 * The app's life on a fake Electron and a fake core: which page it loads (and that a packaged app
 * ignores ELECTRON_RENDERER_URL), that the window it makes is guarded and wired, that quitting waits for
 * the core's dispose (and not forever), and that a failed start is reported and exits. Then what makes
 * it a desktop app: one instance (a second start focuses the first's window), the window opening where
 * it was left (maximized or not, back on screen when its monitor is gone), and the menu — every View
 * item reaching the page as its ui:command, About listing the versions, nothing thrown into Electron.
 */
import { HistoryStore } from '../core/history/history';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiCommand, World } from '../contract';
import type { Core, CoreOptions } from '../core/create-core';
import { startApp, type AppDependencies } from './app-lifecycle';
import { QUIT_DEADLINE_MS } from './quit-guard';
import { fake, FakeBrowserWindow, FakeMenu, type FakeDisplay } from './testing/fake-electron';
import { SAVE_DELAY_MS } from './window-state';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const MAIN_DIR = '/opt/neighborhood/out/main';
const RENDERER_FILE = '/opt/neighborhood/out/renderer/index.html';
const RENDERER_URL = 'file:///opt/neighborhood/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

interface FakeCore {
  core: Core;
  disposed: number;
  finishDispose: () => void;
  /** What the menu asked the page to do, in order. */
  uiCommands: UiCommand[];
  world: World;
}

const engine = (kind: string, name: string, version: string | null, state: string) => ({ kind, name, version, status: { state } });
const WORLD = {
  seq: 7,
  at: 0,
  sampleIntervalSeconds: 2,
  hosts: [
    { id: 'h1', name: 'this machine', engines: [engine('docker', 'Docker', '28.1.1', 'connected'), engine('libvirt', 'QEMU/KVM', null, 'unreachable')] },
    { id: 'h2', name: 'lab box', engines: [engine('podman', 'lab podman', '5.4.0', 'connected')] },
  ],
} as unknown as World;

function fakeCore(): FakeCore {
  let finish = (): void => {};
  const made: FakeCore = {
    disposed: 0,
    finishDispose: () => finish(),
    uiCommands: [],
    world: WORLD,
    core: {
      hub: { world: () => made.world } as Core['hub'],
      engines: null,
      history: new HistoryStore(),
      api: {
        invoke: (channel) => Promise.resolve({ ok: true, value: channel }),
        on: () => () => {},
        openView: () => ({ setVisible: () => undefined, close: () => undefined }),
        sendUiCommand: (command) => void made.uiCommands.push(command),
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
let userData: string;

function start(overrides: Partial<AppDependencies> = {}) {
  return startApp({
    createCore,
    mainDir: MAIN_DIR,
    env: {},
    process: proc,
    platform: 'linux',
    versions: { electron: '40.10.2', chrome: '144.0.7559.236', node: '24.14.0' },
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
  userData = mkdtempSync(join(tmpdir(), 'neighborhood-userdata-'));
  fake.app.paths.userData = userData;
  reported = [];
  proc = new EventEmitter();
  core = fakeCore();
  createCore = vi.fn(() => Promise.resolve(core.core));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(userData, { recursive: true, force: true });
});

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
    expect(createCore).toHaveBeenCalledWith({ settingsPath: join(userData, 'settings.json') });
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

describe('one instance', () => {
  it('a second start quits at once: no core, no window, no menu, nothing waiting for ready', async () => {
    fake.app.singleInstanceLock = false;
    const running = start();
    await running.started;
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
    fake.app.makeReady();
    await flush();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(FakeMenu.applicationMenu).toBeNull();
  });

  it('the first, told of a second start, restores its minimized window and focuses it', async () => {
    const window = await startedWindow();
    window.emit('ready-to-show');
    window.minimize();
    const focused = window.focusCalls;
    fake.app.secondStart();
    expect(window.isMinimized()).toBe(false);
    expect(window.focusCalls).toBe(focused + 1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('a second start while the window is still loading leaves it to show (and focus) itself', async () => {
    start();
    fake.app.makeReady();
    await flush();
    fake.app.secondStart();
    const window = onlyWindow();
    expect(window.focusCalls).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('a second start with no window open opens one, but not while quitting', async () => {
    const first = await startedWindow();
    first.close();
    fake.app.secondStart();
    await flush();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);

    fake.app.quit();
    fake.app.secondStart();
    await flush();
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('a window that fails while being brought forward is reported, not thrown into Electron', async () => {
    const window = await startedWindow();
    window.emit('ready-to-show');
    window.isMinimized = () => {
      throw new Error('window gone mid-call');
    };
    expect(() => fake.app.secondStart()).not.toThrow();
    expect(reported).toEqual([['bringing the window forward for a second start', 'window gone mid-call']]);
  });
});

describe('window state', () => {
  const stateFile = (): string => join(userData, 'window-state.json');
  const LAPTOP: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 27, width: 1920, height: 1053 } };
  const EXTERNAL: FakeDisplay = { id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 27, width: 2560, height: 1413 } };
  const boundsOf = (window: FakeBrowserWindow) => ({ x: window.options.x, y: window.options.y, width: window.options.width, height: window.options.height });

  /** Everything quits, and Electron starts afresh (same userData): the next run of the app. */
  async function restart(): Promise<FakeBrowserWindow> {
    const displays = fake.screen.displays;
    fake.reset();
    fake.app.paths.userData = userData;
    fake.screen.displays = displays;
    core = fakeCore();
    return startedWindow();
  }

  it('a first start opens at the default size, centred on the primary display', async () => {
    const window = await startedWindow();
    expect(boundsOf(window)).toEqual({ x: 320, y: 144, width: 1280, height: 820 });
  });

  it('moved and resized, then closed: the next start opens it there', async () => {
    vi.useFakeTimers();
    const window = await startedWindow();
    window.userSetsBounds({ x: 200, y: 100, width: 1000, height: 700 });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toEqual({ bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: false });
    window.userSetsBounds({ x: 250 });
    window.close();
    vi.useRealTimers();

    const next = await restart();
    expect(boundsOf(next)).toEqual({ x: 250, y: 100, width: 1000, height: 700 });
    next.emit('ready-to-show');
    expect(next.maximized).toBe(false);
    expect(reported).toEqual([]);
  });

  it('closed maximized: the next start maximizes it before showing it, over its normal bounds', async () => {
    const window = await startedWindow();
    window.userSetsBounds({ x: 300, y: 200, width: 900, height: 600 });
    window.maximize();
    window.close();

    const next = await restart();
    expect(boundsOf(next)).toEqual({ x: 300, y: 200, width: 900, height: 600 });
    const show = vi.spyOn(next, 'show');
    const order: string[] = [];
    next.on('maximize', () => order.push(show.mock.calls.length === 0 ? 'maximize' : 'maximize after show'));
    next.emit('ready-to-show');
    expect(order).toEqual(['maximize']);
    expect(show).toHaveBeenCalledTimes(1);
    expect(next.maximized && next.shown).toBe(true);
  });

  it('left on a monitor that is unplugged by the next start: back on the primary display, clamped to it', async () => {
    fake.screen.displays = [LAPTOP, EXTERNAL];
    const window = await startedWindow();
    window.userSetsBounds({ x: 2200, y: 100, width: 2400, height: 1300 });
    window.close();
    fake.screen.displays = [LAPTOP];

    const next = await restart();
    expect(boundsOf(next)).toEqual({ x: 0, y: 27, width: 1920, height: 1053 });
  });

  it('a damaged state file is reported and the window opens as on a first start', async () => {
    writeFileSync(stateFile(), 'not json');
    const window = await startedWindow();
    expect(boundsOf(window)).toEqual({ x: 320, y: 144, width: 1280, height: 820 });
    expect(reported.map(([context]) => context)).toEqual(['reading the window state']);
  });

  it('quitting saves the state and still waits for the engines', async () => {
    const window = await startedWindow();
    window.userSetsBounds({ x: 10, y: 40 });
    fake.app.quit();
    await flush();
    expect(JSON.parse(readFileSync(stateFile(), 'utf8'))).toMatchObject({ bounds: { x: 10, y: 40 } });
    expect(fake.app.quitted).toBe(false);
    core.finishDispose();
    await flush();
    expect(fake.app.quitted).toBe(true);
  });
});

describe('menu', () => {
  const menu = (): FakeMenu => {
    expect(FakeMenu.applicationMenu).not.toBeNull();
    return FakeMenu.applicationMenu!;
  };

  it('is installed once the app is ready, before the window', async () => {
    start();
    expect(FakeMenu.applicationMenu).toBeNull();
    fake.app.makeReady();
    await flush();
    expect(menu().items.map((item) => item.label ?? item.role)).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu', 'Help']);
  });

  const items: Array<[string, UiCommand, string | undefined]> = [
    ['Map', 'view:map', undefined],
    ['Table', 'view:table', undefined],
    ['Zoom in', 'zoom:in', 'CmdOrCtrl+='],
    ['Zoom out', 'zoom:out', 'CmdOrCtrl+-'],
    ['Actual size', 'zoom:reset', 'CmdOrCtrl+0'],
    ['Fit to window', 'zoom:fit', undefined],
    ['Show legend', 'legend:toggle', undefined],
    ['Find', 'find', 'CmdOrCtrl+F'],
  ];
  it.each(items)('View › %s sends %s to the page (accelerator %s)', async (label, command, accelerator) => {
    await startedWindow();
    expect(menu().find('View', label).accelerator).toBe(accelerator);
    menu().click(['View', label]);
    expect(core.uiCommands).toEqual([command]);
  });

  it('Map and Table are one radio group, Map first checked', async () => {
    await startedWindow();
    expect(menu().find('View', 'Map')).toMatchObject({ type: 'radio', checked: true });
    expect(menu().find('View', 'Table')).toMatchObject({ type: 'radio', checked: false });
  });

  it('unpackaged: Reload and Toggle DevTools; packaged: neither; full screen in both', async () => {
    await startedWindow();
    const roles = () => (menu().find('View').submenu ?? []).map((item) => item.role).filter(Boolean);
    expect(roles()).toEqual(['reload', 'forceReload', 'toggleDevTools', 'togglefullscreen']);
    fake.reset();
    fake.app.paths.userData = userData;
    fake.app.isPackaged = true;
    await startedWindow();
    expect(roles()).toEqual(['togglefullscreen']);
  });

  it('macOS: the app menu holds About and Quit, and Edit keeps copy and paste working in text fields', async () => {
    await startedWindow({ platform: 'darwin' });
    expect(menu().items.map((item) => item.label ?? item.role)).toEqual(['Neighborhood', 'editMenu', 'View', 'windowMenu', 'Help']);
    expect(menu().find('Neighborhood', 'About Neighborhood').click).toBeTypeOf('function');
    expect(menu().find('Neighborhood', 'quit').role).toBe('quit');
  });

  it('a menu click before the engines are up sends nothing and throws nothing', async () => {
    createCore.mockReturnValueOnce(new Promise<Core>(() => {}));
    start();
    fake.app.makeReady();
    await flush();
    expect(() => menu().click(['View', 'Zoom in'])).not.toThrow();
    expect(core.uiCommands).toEqual([]);
  });

  it('a send that throws is reported, not thrown into Electron', async () => {
    await startedWindow();
    core.core.api.sendUiCommand = () => {
      throw new Error('page gone');
    };
    expect(() => menu().click(['View', 'Find'])).not.toThrow();
    expect(reported).toEqual([["the menu's Find", 'page gone']]);
  });
});

describe('About', () => {
  const clickAbout = async () => {
    FakeMenu.applicationMenu!.click(['Help', 'About Neighborhood']);
    await flush();
  };

  it("a native box on the window: the app's, Electron's, Chromium's and Node's versions, and each engine's", async () => {
    fake.app.version = '0.1.0';
    const window = await startedWindow();
    await clickAbout();
    expect(fake.dialog.messageBoxes).toHaveLength(1);
    const [box] = fake.dialog.messageBoxes;
    expect(box!.window).toBe(window);
    expect(box!.options).toMatchObject({ type: 'info', title: 'About Neighborhood', message: 'Neighborhood 0.1.0' });
    expect(box!.options.detail!.split('\n')).toEqual([
      'Electron 40.10.2',
      'Chromium 144.0.7559.236',
      'Node 24.14.0',
      '',
      'Engines:',
      '  Docker (Docker): 28.1.1',
      '  QEMU/KVM (libvirt): not connected',
      '  lab podman (Podman): 5.4.0',
    ]);
  });

  it('reads the world when clicked, not when the menu was made', async () => {
    await startedWindow();
    core.world = { ...WORLD, hosts: [] };
    await clickAbout();
    expect(fake.dialog.messageBoxes[0]!.options.detail).toContain('Engines: none watched');
  });

  it('a box that fails is reported, not thrown', async () => {
    await startedWindow();
    fake.dialog.reply = () => Promise.reject(new Error('no display'));
    await clickAbout();
    expect(reported).toEqual([['showing About', 'no display']]);
  });
});
