/** The one map window, hardened: isolated, sandboxed, no Node in the page, shown only when painted. */
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

/** Opens at `bounds` (where it was last time, see window-state), or centred at the default size. */
export function createMainWindow(preloadPath: string, bounds: Rect | Size = DEFAULT_WINDOW_SIZE): BrowserWindow {
  return new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Neighborhood',
    show: false,
    backgroundColor: '#101418',
    webPreferences: mapWebPreferences(preloadPath),
  });
}
