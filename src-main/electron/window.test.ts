/** The map window's options, held to the hardening the app relies on. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, type FakeBrowserWindow } from './testing/fake-electron';
import { createMainWindow } from './window';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

beforeEach(() => fake.reset());

describe('createMainWindow', () => {
  it('is isolated, sandboxed, without Node, web security on, Auxclick off, no insecure content', () => {
    const window = createMainWindow('/app/out/preload/preload.cjs') as unknown as FakeBrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
    expect(prefs.nodeIntegrationInWorker).not.toBe(true);
    expect(prefs.webviewTag).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('stays hidden until painted', () => {
    const window = createMainWindow('/p.cjs') as unknown as FakeBrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.options.backgroundColor).toBeTypeOf('string');
  });

  it.each([
    { dark: true, want: '#0f141e' },
    { dark: false, want: '#f3f5f9' },
  ])('is painted in the system scheme before the page (dark: $dark)', ({ dark, want }) => {
    const window = createMainWindow('/p.cjs', undefined, dark) as unknown as FakeBrowserWindow;
    expect(window.options.backgroundColor).toBe(want);
  });
});

describe('createMainWindow bounds', () => {
  it('opens at the bounds it is given, no smaller than the map can use', () => {
    const window = createMainWindow('/p.cjs', { x: 40, y: 60, width: 1000, height: 700 }) as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700, minWidth: 720, minHeight: 480 });
  });

  it('without bounds: the default size and no position (Electron centres it)', () => {
    const window = createMainWindow('/p.cjs') as unknown as FakeBrowserWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
  });
});
