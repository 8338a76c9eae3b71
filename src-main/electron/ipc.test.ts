/**
 * The contract over a fake ipcMain: who may invoke, what comes back when something goes wrong (always
 * data, never a rejection in the page), and when events reach the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import type { EventChannel, EventChannels, InvokeResult } from '../contract';
import { INVOKE_CHANNELS, ipcEventName } from '../channels';
import type { Api } from '../core/api';
import { setErrorReporter } from '../core/report-error';
import { Signal } from '../core/signal';
import { wireIpc } from './ipc';
import { asElectron, FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents, fake } from './testing/fake-electron';

const PAGE = 'file:///app/out/renderer/index.html';

interface FakeApi extends Api {
  calls: Array<{ channel: unknown; request: unknown }>;
  emit<E extends EventChannel>(event: E, payload: EventChannels[E]): void;
  listeners(): number;
  failWith: unknown;
}

function fakeApi(): FakeApi {
  const signals = { 'world:frame': new Signal<unknown>(), 'settings:changed': new Signal<unknown>(), 'engines:changed': new Signal<unknown>(), 'ui:command': new Signal<unknown>() };
  const api: FakeApi = {
    calls: [],
    failWith: null,
    invoke(channel, request) {
      api.calls.push({ channel, request });
      // A rejection with whatever was thrown, Error or not: what an api bug would look like.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error is one of the cases
      if (api.failWith) return Promise.reject(api.failWith);
      return Promise.resolve({ ok: true, value: { echoed: request } });
    },
    on(event, listener) {
      return signals[event].subscribe(listener as (p: unknown) => void);
    },
    openView: () => ({ setVisible: () => undefined, close: () => undefined }),
    sendUiCommand: () => undefined,
    emit(event, payload) {
      signals[event].emit(payload);
    },
    listeners: () => signals['world:frame'].size + signals['settings:changed'].size,
  };
  return api;
}

let ipcMain: FakeIpcMain;
let window: FakeBrowserWindow;
let api: FakeApi;
let unwire: () => void;
let reported: string[];
let restoreReporter: () => void;

beforeEach(() => {
  fake.reset();
  ipcMain = new FakeIpcMain();
  window = new FakeBrowserWindow({});
  window.webContents.mainFrame.url = PAGE;
  api = fakeApi();
  reported = [];
  restoreReporter = setErrorReporter((context) => reported.push(context));
  unwire = wireIpc({ ipcMain: asElectron<IpcMain>(ipcMain), api, window: asElectron<BrowserWindow>(window), rendererUrl: PAGE });
});
afterEach(() => restoreReporter());

const fromOurPage = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
const invoke = (sender: { sender: unknown; senderFrame: FakeFrame | null }, channel = 'world:get', request: unknown = null) =>
  ipcMain.invoke(channel, sender, request) as Promise<InvokeResult<unknown>>;

describe('invokes', () => {
  it('one handler per contract channel, passing our page’s requests to the api', async () => {
    expect([...ipcMain.handlers.keys()]).toEqual([...INVOKE_CHANNELS]);
    await expect(invoke(fromOurPage(), 'settings:set', { sampleIntervalSeconds: 5 })).resolves.toEqual({
      ok: true,
      value: { echoed: { sampleIntervalSeconds: 5 } },
    });
    expect(api.calls).toEqual([{ channel: 'settings:set', request: { sampleIntervalSeconds: 5 } }]);
  });

  it.each([
    ['another webContents', () => ({ sender: new FakeWebContents(PAGE), senderFrame: new FakeFrame(PAGE) })],
    ['a frame whose URL is not our page', () => ({ sender: window.webContents, senderFrame: new FakeFrame('https://example.com/') })],
    ['our window showing another file', () => ({ sender: window.webContents, senderFrame: new FakeFrame('file:///tmp/evil.html') })],
    ['a missing senderFrame (gone or navigated away)', () => ({ sender: window.webContents, senderFrame: null })],
    ['a subframe, even at our URL', () => ({ sender: window.webContents, senderFrame: new FakeFrame(PAGE, window.webContents.mainFrame) })],
  ])('refuses %s, as data, without reaching the api', async (_name, sender) => {
    await expect(invoke(sender())).resolves.toEqual({ ok: false, error: { message: 'Refused: request from an unknown page', code: 'bad-sender' } });
    expect(api.calls).toEqual([]);
  });

  it('a senderFrame that throws when read comes back as data', async () => {
    const sender = { sender: window.webContents };
    Object.defineProperty(sender, 'senderFrame', {
      get() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    const result = await invoke(sender as { sender: unknown; senderFrame: FakeFrame | null });
    expect(result).toEqual({ ok: false, error: { message: 'Render frame was disposed before WebFrameMain could be accessed', code: 'internal' } });
    expect(reported).toEqual(['IPC world:get failed']);
  });

  it('a handler that throws comes back as data and is reported', async () => {
    api.failWith = new Error('boom');
    await expect(invoke(fromOurPage())).resolves.toEqual({ ok: false, error: { message: 'boom', code: 'internal' } });
    api.failWith = 'a string';
    await expect(invoke(fromOurPage())).resolves.toEqual({ ok: false, error: { message: 'a string', code: 'internal' } });
    expect(reported).toEqual(['IPC world:get failed', 'IPC world:get failed']);
  });

  it('unwiring removes every handler and subscription, and wiring again works', () => {
    expect(api.listeners()).toBe(2);
    unwire();
    expect(ipcMain.handlers.size).toBe(0);
    expect(api.listeners()).toBe(0);
    expect(() => wireIpc({ ipcMain: asElectron<IpcMain>(ipcMain), api, window: asElectron<BrowserWindow>(window), rendererUrl: PAGE })).not.toThrow();
  });
});

describe('events', () => {
  const sent = () => window.webContents.sent.map(({ channel, payload }) => [channel, payload]);

  it('are held until the page has loaded, bounded to the latest of each channel, then flushed in order', () => {
    window.webContents.commitNavigation(PAGE);
    for (let seq = 1; seq <= 100; seq++) api.emit('world:frame', { seq } as never);
    api.emit('settings:changed', { sampleIntervalSeconds: 3, slowWhenHidden: true });
    api.emit('world:frame', { seq: 101 } as never);
    expect(sent()).toEqual([]);

    window.webContents.finishLoad();
    expect(sent()).toEqual([
      [ipcEventName('settings:changed'), { sampleIntervalSeconds: 3, slowWhenHidden: true }],
      [ipcEventName('world:frame'), { seq: 101 }],
    ]);

    api.emit('world:frame', { seq: 102 } as never);
    expect(sent().at(-1)).toEqual([ipcEventName('world:frame'), { seq: 102 }]);
  });

  it('are held again while a new document loads (reload, after a crash)', () => {
    window.webContents.finishLoad();
    window.webContents.commitNavigation(PAGE);
    api.emit('world:frame', { seq: 1 } as never);
    expect(sent()).toEqual([]);
    window.webContents.finishLoad();
    expect(sent()).toEqual([[ipcEventName('world:frame'), { seq: 1 }]]);

    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    api.emit('world:frame', { seq: 2 } as never);
    expect(sent()).toHaveLength(1);
  });

  it('are dropped once the window is gone', () => {
    window.webContents.finishLoad();
    window.close();
    api.emit('world:frame', { seq: 1 } as never);
    expect(sent()).toEqual([]);
  });

  it('a send that throws (a payload that cannot be cloned) is reported, not thrown into the hub', () => {
    window.webContents.finishLoad();
    window.webContents.send = () => {
      throw new Error('An object could not be cloned.');
    };
    expect(() => api.emit('world:frame', { seq: 1 } as never)).not.toThrow();
    expect(reported).toEqual(['sending world:frame to the page failed']);
  });

  it('nothing is sent after unwiring', () => {
    unwire();
    window.webContents.finishLoad();
    api.emit('world:frame', { seq: 1 } as never);
    expect(sent()).toEqual([]);
  });
});
