/** The one map window, hardened: isolated, sandboxed, no Node in the page, shown only when painted. */
import { BrowserWindow, type WebPreferences } from 'electron';

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

export function createMainWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Neighborhood',
    show: false,
    backgroundColor: '#101418',
    webPreferences: mapWebPreferences(preloadPath),
  });
}
