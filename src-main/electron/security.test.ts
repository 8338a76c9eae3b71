/**
 * The security hooks against a fake Electron: what Chromium would ask (navigate, open a window, attach a
 * webview, grant a permission) and what our hooks answer. Electron itself is mocked so that any reach for
 * `shell` would land in the fake and be seen.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { asElectron, fake, FakeEvent, FakeSession, FakeWebContents } from './testing/fake-electron';
import { denyPermissions, guardWebContents, hardenContents, isOwnPage } from './security';

vi.mock('electron', () => import('./testing/fake-electron').then((m) => m.electronModule));

const OURS = 'file:///opt/neighborhood/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

beforeEach(() => fake.reset());

describe('isOwnPage', () => {
  it.each([
    [OURS, OURS, true],
    [`${OURS}#/vm/1`, OURS, true],
    [`${OURS}?x=1`, OURS, true],
    ['file:///opt/neighborhood/out/renderer/other.html', OURS, false],
    ['file:///etc/passwd', OURS, false],
    ['file://evil-host/opt/neighborhood/out/renderer/index.html', OURS, false],
    ['https://example.com/', OURS, false],
    [DEV, DEV, true],
    ['http://localhost:5173/#x', DEV, true],
    ['http://localhost:5174/', DEV, false],
    ['https://localhost:5173/', DEV, false],
    ['http://localhost.evil.com:5173/', DEV, false],
    ['not a url', OURS, false],
    ['', OURS, false],
    ['about:blank', OURS, false],
    ['javascript:alert(1)', OURS, false],
  ])('%s on page %s → %s', (url, page, expected) => {
    expect(isOwnPage(url, page)).toBe(expected);
  });
});

describe('hardenContents', () => {
  const hardened = (page = OURS): FakeWebContents => {
    const contents = new FakeWebContents(page);
    hardenContents(asElectron<WebContents>(contents), () => page);
    return contents;
  };

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)('%s: anything but our page is denied', (kind) => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'file:///etc/passwd', 'about:blank', 'data:text/html,x', 'javascript:1']) {
      expect(contents.tryNavigate(kind, url), url).toBe(false);
    }
    expect(contents.tryNavigate(kind, OURS)).toBe(true);
  });

  it('the page address is read at each navigation (a getter, not a copy)', () => {
    let page = OURS;
    const contents = new FakeWebContents(page);
    hardenContents(asElectron<WebContents>(contents), () => page);
    page = DEV;
    expect(contents.tryNavigate('will-navigate', OURS)).toBe(false);
    expect(contents.tryNavigate('will-navigate', DEV)).toBe(true);
  });

  it('every new window is denied and nothing is opened outside the app', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'http://example.com/', 'mailto:a@b.c', 'file:///etc/passwd', OURS, 'about:blank']) {
      expect(contents.tryOpenWindow(url), url).toBe('deny');
    }
    expect(fake.shell.opened).toEqual([]);
  });

  it('webviews are refused', () => {
    const contents = hardened();
    expect(contents.tryAttachWebview(OURS)).toBe(false);
    expect(contents.tryAttachWebview('https://example.com/')).toBe(false);
  });
});

describe('denyPermissions', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'pointerLock', 'unknown'];

  it('answers every permission request with no', () => {
    const session = new FakeSession();
    denyPermissions(asElectron<Session>(session));
    for (const permission of permissions) {
      const answers: boolean[] = [];
      session.permissionRequestHandler!(null, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers every permission check and device check with no', () => {
    const session = new FakeSession();
    denyPermissions(asElectron<Session>(session));
    for (const permission of [...permissions, 'hid', 'serial', 'usb']) {
      expect(session.permissionCheckHandler!(null, permission, 'file://', {}), permission).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('guardWebContents', () => {
  it('hardens every webContents Electron creates, whoever creates it', () => {
    guardWebContents(asElectron<App>(fake.app), () => OURS);
    const stray = new FakeWebContents();
    fake.app.emit('web-contents-created', new FakeEvent(), stray);
    expect(stray.tryOpenWindow('https://example.com/')).toBe('deny');
    expect(stray.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(stray.tryAttachWebview('https://example.com/')).toBe(false);
  });

  it('denies permissions in every session created later', () => {
    guardWebContents(asElectron<App>(fake.app), () => OURS);
    const session = new FakeSession();
    fake.app.emit('session-created', session);
    expect(session.permissionCheckHandler?.(null, 'media', 'file://', {})).toBe(false);
  });
});
