/**
 * The application menu. View's items are the page's own controls (map or table, zoom, legend, find),
 * sent to it as ui:command; Help › About opens a native box. The rest are Electron's roles: Edit's make
 * copy and paste work in text fields on macOS (where a shortcut exists only as a menu item), Window's
 * and the app menu are what a macOS user expects, and Reload / DevTools appear only in an unpackaged app.
 * Every click is caught: a menu item that fails is reported, never thrown into Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { UiCommand } from '../contract';
import type { ErrorReporter } from '../core/report-error';

/** package.json's name is the lower-case npm name; people see this one. */
export const APP_NAME = 'Neighborhood';

export interface MenuActions {
  isMac: boolean;
  isPackaged: boolean;
  /** Hands a command to the page (api.sendUiCommand). */
  send: (command: UiCommand) => void;
  /** Opens the About box; resolves when it is dismissed. */
  showAbout: () => Promise<void>;
  report: ErrorReporter;
}

export function appMenuTemplate({ isMac, isPackaged, send, showAbout, report }: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, ui: UiCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    ...extra,
    click: () => {
      try {
        send(ui);
      } catch (error) {
        report(`the menu's ${label}`, error);
      }
    },
  });
  const about: MenuItemConstructorOptions = {
    label: `About ${APP_NAME}`,
    click: () => {
      Promise.resolve()
        .then(showAbout)
        .catch((error: unknown) => report('showing About', error));
    },
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  // Radio: Electron moves the check itself on a click. The page can switch views with its own
  // controls too, and does not say so to main, so the check follows the menu only.
  const view: MenuItemConstructorOptions[] = [
    command('Map', 'view:map', { type: 'radio', checked: true }),
    command('Table', 'view:table', { type: 'radio', checked: false }),
    sep,
    command('Zoom in', 'zoom:in', { accelerator: 'CmdOrCtrl+=' }),
    command('Zoom out', 'zoom:out', { accelerator: 'CmdOrCtrl+-' }),
    command('Actual size', 'zoom:reset', { accelerator: 'CmdOrCtrl+0' }),
    command('Fit to window', 'zoom:fit'),
    sep,
    command('Show legend', 'legend:toggle'),
    command('Find', 'find', { accelerator: 'CmdOrCtrl+F' }),
    sep,
    ...(isPackaged ? [] : [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, sep]),
    { role: 'togglefullscreen' },
  ];

  return [
    ...(isMac
      ? [
          {
            label: APP_NAME,
            submenu: [about, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : [{ role: 'fileMenu' } satisfies MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: [about] },
  ];
}
