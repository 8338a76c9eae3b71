/**
 * Every Electron security hook in one place. The map is one local page that needs nothing from the web
 * or the desktop: no navigation away from it, no new windows (not even in the user's browser: the app
 * has no external links, so `shell.openExternal` is never reachable from the page), no webviews, and no
 * permissions (camera, notifications, clipboard, devices, …).
 */
import type { App, Session, WebContents } from 'electron';

/**
 * The page we load is the only place a window may be. Compared by scheme, host (with port) and path:
 * `origin` alone is "null" for every file: URL, so it cannot tell our file from another.
 */
export function isOwnPage(url: string, rendererUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(rendererUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** The hooks for one webContents: ours, and any other Chromium might create. */
export function hardenContents(contents: WebContents, rendererUrl: () => string): void {
  const stayOnOurPage = (event: { preventDefault(): void }, url: string): void => {
    if (!isOwnPage(url, rendererUrl())) event.preventDefault();
  };
  contents.on('will-navigate', (event) => stayOnOurPage(event, event.url));
  contents.on('will-frame-navigate', (event) => stayOnOurPage(event, event.url));
  contents.on('will-redirect', (event) => stayOnOurPage(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Deny-by-default for every permission a page may ask for or Chromium may check. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Registered before any window exists, so no webContents is ever created unguarded. `rendererUrl` is a
 * getter because the page's address is settled by the composition root.
 */
export function guardWebContents(app: App, rendererUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, rendererUrl));
  app.on('session-created', (session) => denyPermissions(session));
}
