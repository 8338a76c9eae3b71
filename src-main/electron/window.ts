/** The one map window, hardened: isolated, sandboxed, no Node in the page, shown only when painted. */
import { dirname, join } from 'node:path';
import { BrowserWindow, type WebPreferences } from 'electron';
import type { Rect, Size } from './window-geometry';

/** The size of a first start (clamped to the display); the least the map is usable at. */
export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE: Size = { width: 720, height: 480 };

/**
 * Exported so a test can hold the window to them. Insecure content stays at Electron's default (refused);
 * Auxclick is off so a middle-click cannot open a link around `setWindowOpenHandler`.
 */
export const mapWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
  spellcheck: false,
});

/**
 * The window's icon (resources/icon.png at the top of the app, as electron-vite apps keep it): found
 * beside the build, which sits in out/ (out/preload/preload.cjs → ../../resources). Linux and Windows
 * show it on the window; macOS takes the app bundle's.
 */
export const windowIconPath = (preloadPath: string): string => join(dirname(preloadPath), '..', '..', 'resources', 'icon.png');

/**
 * What the window shows before the page paints: the theme's own background (theme/palettes.ts `bg`),
 * so a light-themed desktop does not see a dark flash, nor a dark one a white flash.
 */
export const windowBackground = (dark: boolean): string => (dark ? '#0f141e' : '#f3f5f9');

/**
 * Opens at `bounds` (where it was last time, see window-state), or centred at the default size, in the
 * system's colour scheme (`dark`: nativeTheme.shouldUseDarkColors).
 */
export function createMainWindow(preloadPath: string, bounds: Rect | Size = DEFAULT_WINDOW_SIZE, dark = true): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Neighborhood',
    show: false,
    backgroundColor: windowBackground(dark),
    icon: windowIconPath(preloadPath),
    webPreferences: mapWebPreferences(preloadPath),
  });
}
