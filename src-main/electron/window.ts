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

/** Opens at `bounds` (where it was last time, see window-state), or centred at the default size. */
export function createMainWindow(preloadPath: string, bounds: Rect | Size = DEFAULT_WINDOW_SIZE): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Neighborhood',
    show: false,
    backgroundColor: '#101418',
    icon: windowIconPath(preloadPath),
    webPreferences: mapWebPreferences(preloadPath),
  });
}
