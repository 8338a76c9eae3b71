/**
 * The window state on a real (temporary) userData directory and a fake window: a missing file is a first
 * start, a damaged one is reported and ignored; a write replaces the file whole and leaves no temp file,
 * even when it fails; moves and resizes are saved once after they stop, a close at once; and a display
 * gone since last time brings the window back onto the primary one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asElectron, fake, FakeBrowserWindow, type FakeDisplay } from './testing/fake-electron';
import { readWindowState, rememberWindowState, restoredPlacement, SAVE_DELAY_MS, writeWindowState } from './window-state';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

let dir: string;
let file: string;
let reported: Array<[string, string]>;
const report = (context: string, error: unknown) => reported.push([context, error instanceof Error ? error.message : String(error)]);
const saved = (): unknown => JSON.parse(readFileSync(file, 'utf8'));

beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'neighborhood-window-state-'));
  file = join(dir, 'window-state.json');
  reported = [];
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('readWindowState', () => {
  it('a first start (no file) is null, and nothing to report', () => {
    expect(readWindowState(file, report)).toBeNull();
    expect(reported).toEqual([]);
  });

  it('reads what was written', () => {
    writeWindowState(file, { bounds: { x: -1200, y: 40, width: 1000, height: 700 }, maximized: true });
    expect(readWindowState(file, report)).toEqual({ bounds: { x: -1200, y: 40, width: 1000, height: 700 }, maximized: true });
  });

  it.each([
    ['half a file', '{"bounds":{"x":1,'],
    ['not a state', '{"width":"wide"}'],
  ])('%s is reported and ignored', (_name, text) => {
    writeFileSync(file, text);
    expect(readWindowState(file, report)).toBeNull();
    expect(reported.map(([context]) => context)).toEqual(['reading the window state']);
  });

  it('a file it cannot read (a directory in its place) is reported and ignored', () => {
    mkdirSync(file);
    expect(readWindowState(file, report)).toBeNull();
    expect(reported).toHaveLength(1);
  });
});

describe('writeWindowState', () => {
  it('replaces the file whole, creates userData if it is missing, and leaves no temp file', () => {
    const nested = join(dir, 'not-yet', 'window-state.json');
    writeWindowState(nested, { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    writeWindowState(nested, { bounds: { x: 5, y: 6, width: 7, height: 8 }, maximized: true });
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual({ bounds: { x: 5, y: 6, width: 7, height: 8 }, maximized: true });
    expect(readdirSync(join(dir, 'not-yet'))).toEqual(['window-state.json']);
  });

  it('a write that fails throws, keeps the previous state and leaves no temp file', () => {
    writeWindowState(file, { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    // A directory where the temp file would be renamed to: the rename fails after the temp file exists.
    const blocked = join(dir, 'blocked.json');
    mkdirSync(blocked);
    writeFileSync(join(blocked, 'keep'), '');
    expect(() => writeWindowState(blocked, { bounds: { x: 0, y: 0, width: 9, height: 9 }, maximized: false })).toThrow();
    expect(saved()).toEqual({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    expect(readdirSync(dir).sort()).toEqual(['blocked.json', 'window-state.json']);
  });
});

describe('rememberWindowState', () => {
  const window = (): FakeBrowserWindow => new FakeBrowserWindow({ x: 100, y: 100, width: 1000, height: 700 });

  it('saves once, a moment after the user stops moving and resizing', () => {
    vi.useFakeTimers();
    const w = window();
    rememberWindowState(asElectron(w), file, report);
    w.userSetsBounds({ x: 120 });
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    w.userSetsBounds({ x: 140, width: 1100 });
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(readdirSync(dir)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved()).toEqual({ bounds: { x: 140, y: 100, width: 1100, height: 700 }, maximized: false });
    expect(reported).toEqual([]);
  });

  it('maximized: saves the normal bounds with the maximized flag', () => {
    vi.useFakeTimers();
    const w = window();
    rememberWindowState(asElectron(w), file, report);
    w.maximize();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved()).toEqual({ bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: true });
  });

  it('saves at once on close, and nothing after the window is gone', () => {
    vi.useFakeTimers();
    const w = window();
    rememberWindowState(asElectron(w), file, report);
    w.userSetsBounds({ y: 300 });
    w.close();
    expect(saved()).toEqual({ bounds: { x: 100, y: 300, width: 1000, height: 700 }, maximized: false });
    expect(vi.getTimerCount()).toBe(0);
    rmSync(file);
    w.emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a save that fails is reported, not thrown into the window event', () => {
    const w = window();
    writeFileSync(join(dir, 'a-file'), '');
    rememberWindowState(asElectron(w), join(dir, 'a-file', 'window-state.json'), report);
    expect(() => w.close()).not.toThrow();
    expect(reported.map(([context]) => context)).toEqual(['saving the window state']);
  });

  it('the stop it returns removes every listener and the pending save', () => {
    vi.useFakeTimers();
    const w = window();
    const stop = rememberWindowState(asElectron(w), file, report);
    w.userSetsBounds({ x: 1 });
    stop();
    expect(vi.getTimerCount()).toBe(0);
    for (const event of ['move', 'resize', 'maximize', 'unmaximize', 'close', 'closed']) expect(w.listenerCount(event)).toBe(0);
  });
});

describe('restoredPlacement', () => {
  const LAPTOP: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 27, width: 1920, height: 1053 } };
  const EXTERNAL: FakeDisplay = { id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 27, width: 2560, height: 1413 } };
  const restore = () => restoredPlacement({ file, screen: asElectron(fake.screen), defaultSize: { width: 1280, height: 820 }, report });

  it('where it was, while its display is there', () => {
    fake.screen.displays = [LAPTOP, EXTERNAL];
    writeWindowState(file, { bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: true });
    expect(restore()).toEqual({ bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: true });
  });

  it('back on the primary display once that monitor is unplugged', () => {
    fake.screen.displays = [LAPTOP];
    writeWindowState(file, { bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: true });
    expect(restore()).toEqual({ bounds: { x: 260, y: 104, width: 1400, height: 900 }, maximized: true });
  });

  it('a first start is centred at the default size', () => {
    expect(restore()).toEqual({ bounds: { x: 320, y: 144, width: 1280, height: 820 }, maximized: false });
  });

  it('a screen that cannot tell is reported, and the saved bounds trusted', () => {
    fake.screen.displays = [];
    writeWindowState(file, { bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: false });
    expect(restore()).toEqual({ bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: false });
    expect(reported).toEqual([['reading the displays', 'no display']]);
  });
});
