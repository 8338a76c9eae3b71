/**
 * Whether this machine can run the desktop app: the `electron` package's binary is downloaded by its
 * install script, which fails (or is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD) where there is no way to
 * the download site. `npm start` asks here first, so a machine without it gets one line pointing at
 * browser mode instead of electron-vite's "Electron uninstall" stack. Plain Node, no Electron import:
 * it runs before Electron would.
 */

export type ElectronBinary = { usable: true; path: string } | { usable: false; why: string };

export interface BinaryProbe {
  env: Readonly<Record<string, string | undefined>>;
  /**
   * `require('electron')` as Node sees it: the binary's path, or a throw — "Electron failed to install
   * correctly…" when the binary was never downloaded, MODULE_NOT_FOUND when the package itself is missing.
   */
  resolveElectron: () => unknown;
  /** An executable file at that path. */
  isExecutable: (path: string) => boolean;
}

const NOT_DOWNLOADED = 'the Electron binary is not installed (it is downloaded at npm install time, which this machine could not do)';

const isModuleNotFound = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND';

/**
 * The binary electron-vite would start, if it can be started. ELECTRON_EXEC_PATH comes first because
 * electron-vite honours it; otherwise the `electron` package says where its binary is.
 */
export function findElectronBinary({ env, resolveElectron, isExecutable }: BinaryProbe): ElectronBinary {
  const chosen = env.ELECTRON_EXEC_PATH;
  if (chosen) return isExecutable(chosen) ? { usable: true, path: chosen } : { usable: false, why: `ELECTRON_EXEC_PATH (${chosen}) is not an executable file` };

  let resolved: unknown;
  try {
    resolved = resolveElectron();
  } catch (error) {
    return { usable: false, why: isModuleNotFound(error) ? 'the electron package is not installed (run npm install)' : NOT_DOWNLOADED };
  }
  if (typeof resolved !== 'string' || resolved === '') return { usable: false, why: NOT_DOWNLOADED };
  if (!isExecutable(resolved)) return { usable: false, why: `the Electron binary is missing or not executable at ${resolved}` };
  return { usable: true, path: resolved };
}

/** The one line `npm start` prints when it cannot start Electron. */
export const cannotStartMessage = (why: string): string =>
  `neighborhood: ${why} — run \`npm run serve\` for the same map in a browser.`;
