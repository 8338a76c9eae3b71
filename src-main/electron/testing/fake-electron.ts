/**
 * A small stand-in for the parts of Electron our glue touches, for unit tests on machines without the
 * Electron binary. It records what the code asked for (handlers, options, exposures, sends) and lets a
 * test play Chromium's side: a page navigating, a frame invoking, the user quitting, moving or maximizing
 * the window, clicking a menu item, a second start, a monitor unplugged. It mimics the behaviour our code
 * relies on (preventDefault stops a quit, a close or a navigation, `ipcMain.handle` refuses a second
 * handler, a window emits `web-contents-created`, `maximize` shows a hidden window), nothing more.
 *
 * Tests install it with `vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule))`
 * and call `fake.reset()` before each test; every fake is reset in place, so imports bound at module load
 * stay valid.
 */
import { EventEmitter } from 'node:events';

/** An Electron event: `preventDefault` records that the default was refused. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  readonly mainFrame: FakeFrame;
  destroyed = false;
  windowOpenHandler: ((details: WindowOpenDetails) => { action: string }) | null = null;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What Chromium asks before a navigation; true when nobody prevented it. */
  tryNavigate(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event = new FakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    if (kind === 'will-frame-navigate') this.emit(kind, event);
    else this.emit(kind, event, url, false, true);
    return !event.defaultPrevented;
  }
  /** `window.open` / target=_blank / middle-click: the action the handler chose (Electron allows when none is set). */
  tryOpenWindow(url: string): string {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }).action ?? 'allow';
  }
  /** A `<webview>` about to attach; true when nobody prevented it. */
  tryAttachWebview(src: string): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, { preload: '/evil.js' }, { src });
    return !event.defaultPrevented;
  }
  /** The main frame committed a new document (a load, a reload). */
  commitNavigation(url: string): void {
    this.mainFrame.url = url;
    this.emit('did-navigate', new FakeEvent(), url, 200, 'OK');
  }
  finishLoad(): void {
    this.emit('did-finish-load', new FakeEvent());
  }
}

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;
  maximized = false;
  minimized = false;
  focusCalls = 0;
  /** The normal (unmaximized) bounds; Electron centres a window given no position, and so does the fake. */
  bounds: FakeRect;
  loaded: { url: string } | { file: string } | null = null;

  constructor(readonly options: Record<string, unknown>) {
    super();
    const width = typeof options.width === 'number' ? options.width : 800;
    const height = typeof options.height === 'number' ? options.height : 600;
    const area = screen.getPrimaryDisplay().workArea;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : area.x + Math.round((area.width - width) / 2),
      y: typeof options.y === 'number' ? options.y : area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    return this.load({ url }, url);
  }
  loadFile(file: string): Promise<void> {
    return this.load({ file }, `file://${file}`);
  }
  /** Resolves, as Electron's does, once the page has finished loading (`finishLoad`). */
  private load(what: { url: string } | { file: string }, url: string): Promise<void> {
    this.loaded = what;
    this.webContents.commitNavigation(url);
    return new Promise((resolve) => this.webContents.once('did-finish-load', () => resolve()));
  }
  show(): void {
    this.shown = true;
    this.minimized = false;
    this.focusCalls += 1;
  }
  isVisible(): boolean {
    return this.shown && !this.destroyed;
  }
  focus(): void {
    this.focusCalls += 1;
  }
  getNormalBounds(): FakeRect {
    return { ...this.bounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isFullScreen(): boolean {
    return false;
  }
  /** As Electron's: shows (without focusing) a window not yet shown. */
  maximize(): void {
    this.shown = true;
    this.maximized = true;
    this.emit('maximize');
  }
  unmaximize(): void {
    this.maximized = false;
    this.emit('unmaximize');
  }
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  /** The user dragging or resizing the window (normal state): what Electron reports as move / resize. */
  userSetsBounds(next: Partial<FakeRect>): void {
    const before = this.bounds;
    this.bounds = { ...before, ...next };
    if (this.bounds.x !== before.x || this.bounds.y !== before.y) this.emit('move');
    if (this.bounds.width !== before.width || this.bounds.height !== before.height) this.emit('resize');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Electron's order: `close` (preventDefault keeps the window), then `closed`. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Neighborhood';
  version = '0.1.0';
  /** What `getPath` answers per name (default `/fake/<name>`). */
  readonly paths: Record<string, string> = {};
  /** What `requestSingleInstanceLock` answers: false plays the second instance. */
  singleInstanceLock = true;
  lockRequests = 0;
  /** How many times `quit()` was called, and whether a quit went through. */
  quitCalls = 0;
  quitted = false;
  exitCode: number | null = null;
  private readyResolve: () => void = () => {};
  private ready: Promise<void> = this.freshReady();

  private freshReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.readyResolve = resolve));
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  makeReady(): void {
    this.emit('ready');
    this.readyResolve();
  }
  getPath(name: string): string {
    return this.paths[name] ?? `/fake/${name}`;
  }
  getVersion(): string {
    return this.version;
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequests += 1;
    return this.singleInstanceLock;
  }
  /** Another start of the app, which lost the lock (Electron emits this in the first instance). */
  secondStart(argv: string[] = ['neighborhood'], workingDirectory = '/'): void {
    this.emit('second-instance', new FakeEvent(), argv, workingDirectory, {});
  }
  /** Electron's order: before-quit, windows close, will-quit, quit; preventDefault at either stops it. */
  quit(): void {
    this.quitCalls += 1;
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const w of FakeBrowserWindow.getAllWindows()) w.close();
    const will = new FakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit', new FakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.name = 'Neighborhood';
    this.version = '0.1.0';
    for (const name of Object.keys(this.paths)) delete this.paths[name];
    this.singleInstanceLock = true;
    this.lockRequests = 0;
    this.quitCalls = 0;
    this.quitted = false;
    this.exitCode = null;
    this.ready = this.freshReady();
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.devicePermissionHandler = null;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What a renderer's invoke does: a handler that throws rejects here, as it would in the page. */
  invoke(channel: string, sender: { sender: unknown; senderFrame: FakeFrame | null }, request: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Descriptors, not values: a test may give senderFrame a getter (Electron's can throw).
    const event = Object.defineProperties(new FakeEvent(), Object.getOwnPropertyDescriptors(sender));
    return Promise.resolve().then(() => handler(event, request));
  }
  reset(): void {
    this.handlers.clear();
  }
}

export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = () => Promise.resolve({ ok: true, value: null });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel, ...args);
  }
  /** Main sending an event: listeners get (event, payload), as Electron's do. */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, new FakeEvent({ sender: this, senderId: 0 }), payload);
  }
  reset(): void {
    this.removeAllListeners();
    this.invoked.length = 0;
    this.reply = () => Promise.resolve({ ok: true, value: null });
  }
}

export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    this.exposed.set(key, api);
  }
  reset(): void {
    this.exposed.clear();
  }
}

export class FakeShell {
  readonly opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
  reset(): void {
    this.opened.length = 0;
  }
}

export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
  workArea: FakeRect;
}

/** One 1920×1080 display with a 27 px top bar unless a test plugs in others; the first is the primary. */
export class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = FakeScreen.standard();
  static standard(): FakeDisplay[] {
    return [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 27, width: 1920, height: 1053 } }];
  }
  getAllDisplays(): FakeDisplay[] {
    return this.displays;
  }
  getPrimaryDisplay(): FakeDisplay {
    const primary = this.displays[0];
    if (!primary) throw new Error('no display');
    return primary;
  }
  reset(): void {
    this.removeAllListeners();
    this.displays = FakeScreen.standard();
  }
}

/** A template item as our code builds it; `click` gets (menuItem, window, event) as Electron's does. */
export interface FakeMenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  checked?: boolean;
  visible?: boolean;
  click?: (menuItem: unknown, window: unknown, event: unknown) => void;
  submenu?: FakeMenuItemOptions[];
}

export class FakeMenu {
  static applicationMenu: FakeMenu | null = null;
  static buildFromTemplate(template: FakeMenuItemOptions[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu;
  }
  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.applicationMenu;
  }

  constructor(readonly items: FakeMenuItemOptions[]) {}

  /** The item at a path of labels or roles, e.g. `find('View', 'Zoom in')`; throws when there is none. */
  find(...path: string[]): FakeMenuItemOptions {
    let items: FakeMenuItemOptions[] | undefined = this.items;
    let found: FakeMenuItemOptions | undefined;
    for (const step of path) {
      found = items?.find((item) => item.label === step || item.role === step);
      if (!found) throw new Error(`no menu item ${path.join(' › ')}`);
      items = found.submenu;
    }
    if (!found) throw new Error('an empty menu path');
    return found;
  }
  /** Clicks the item at `path`, as the user would (with no focused window unless given). */
  click(path: string[], window?: unknown): void {
    const item = this.find(...path);
    if (!item.click) throw new Error(`${path.join(' › ')} has no click handler (a role?)`);
    item.click(item, window, { triggeredByAccelerator: false });
  }
}

export interface MessageBoxCall {
  window: unknown;
  options: { message: string; detail?: string; title?: string; type?: string; buttons?: string[] };
}

export class FakeDialog {
  readonly messageBoxes: MessageBoxCall[] = [];
  /** What `showMessageBox` answers; a test may make it reject. */
  reply: () => Promise<{ response: number; checkboxChecked: boolean }> = () => Promise.resolve({ response: 0, checkboxChecked: false });

  showMessageBox(windowOrOptions: unknown, maybeOptions?: MessageBoxCall['options']): Promise<{ response: number; checkboxChecked: boolean }> {
    const call = maybeOptions ? { window: windowOrOptions, options: maybeOptions } : { window: null, options: windowOrOptions as MessageBoxCall['options'] };
    this.messageBoxes.push(call);
    return this.reply();
  }
  reset(): void {
    this.messageBoxes.length = 0;
    this.reply = () => Promise.resolve({ response: 0, checkboxChecked: false });
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const shell = new FakeShell();
export const screen = new FakeScreen();
export const dialog = new FakeDialog();
const defaultSession = new FakeSession();
export const session = { defaultSession };

/** What `vi.mock('electron', …)` should return. */
/** The system's colour scheme as Electron reports it. */
export const nativeTheme = { shouldUseDarkColors: true };

export const electronModule = { app, nativeTheme, ipcMain, ipcRenderer, contextBridge, shell, session, screen, dialog, Menu: FakeMenu, BrowserWindow: FakeBrowserWindow };

export const fake = {
  ...electronModule,
  reset(): void {
    app.reset();
    ipcMain.reset();
    ipcRenderer.reset();
    contextBridge.reset();
    shell.reset();
    screen.reset();
    dialog.reset();
    FakeMenu.applicationMenu = null;
    defaultSession.reset();
    FakeBrowserWindow.instances.length = 0;
  },
};

/** Hands a fake to code typed against Electron's own interfaces. */
export const asElectron = <T>(fakeObject: unknown): T => fakeObject as T;
