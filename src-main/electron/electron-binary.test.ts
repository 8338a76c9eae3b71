/**
 * `npm start`'s decision, by table: Electron is started only when there is an executable binary to start
 * (ELECTRON_EXEC_PATH first, as electron-vite reads it; else what `require('electron')` names), and every
 * other case — never downloaded, package missing, binary gone — ends in one line that offers browser
 * mode. Then the script itself, run as `npm start` runs it: that line on stderr, nothing on stdout, exit 1.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cannotStartMessage, findElectronBinary, type BinaryProbe, type ElectronBinary } from './electron-binary';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BINARY = '/repo/node_modules/electron/dist/electron';
const NOT_DOWNLOADED = 'the Electron binary is not installed (it is downloaded at npm install time, which this machine could not do)';

const throws = (error: Error & { code?: string }) => () => {
  throw error;
};
const notInstalled = new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
const noPackage = Object.assign(new Error("Cannot find module 'electron'"), { code: 'MODULE_NOT_FOUND' });

describe('findElectronBinary', () => {
  const cases: Array<[string, Partial<BinaryProbe> & { executables?: string[] }, ElectronBinary]> = [
    ['the package names a binary that is there', { resolveElectron: () => BINARY, executables: [BINARY] }, { usable: true, path: BINARY }],
    ['never downloaded (the package throws, as here)', { resolveElectron: throws(notInstalled) }, { usable: false, why: NOT_DOWNLOADED }],
    ['the package itself is missing', { resolveElectron: throws(noPackage) }, { usable: false, why: 'the electron package is not installed (run npm install)' }],
    ['the package names no path', { resolveElectron: () => ({}) }, { usable: false, why: NOT_DOWNLOADED }],
    ['the binary it names is gone', { resolveElectron: () => BINARY }, { usable: false, why: `the Electron binary is missing or not executable at ${BINARY}` }],
    [
      'ELECTRON_EXEC_PATH wins over the package (electron-vite reads it first)',
      { env: { ELECTRON_EXEC_PATH: '/opt/electron/electron' }, resolveElectron: throws(notInstalled), executables: ['/opt/electron/electron'] },
      { usable: true, path: '/opt/electron/electron' },
    ],
    [
      'ELECTRON_EXEC_PATH naming nothing runnable',
      { env: { ELECTRON_EXEC_PATH: '/nowhere/electron' }, resolveElectron: () => BINARY, executables: [BINARY] },
      { usable: false, why: 'ELECTRON_EXEC_PATH (/nowhere/electron) is not an executable file' },
    ],
  ];
  it.each(cases)('%s', (_name, { executables = [], ...probe }, expected) => {
    const result = findElectronBinary({ env: {}, resolveElectron: () => undefined, isExecutable: (path) => executables.includes(path), ...probe });
    expect(result).toEqual(expected);
  });

  it('the message is one line and offers browser mode', () => {
    const line = cannotStartMessage(NOT_DOWNLOADED);
    expect(line).toBe(`neighborhood: ${NOT_DOWNLOADED} — run \`npm run serve\` for the same map in a browser.`);
    expect(line).not.toContain('\n');
  });
});

describe('scripts/start.ts', () => {
  it('without a usable binary: the one line on stderr, nothing on stdout, exit 1 (electron-vite never runs)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: REPO,
      env: { ...process.env, ELECTRON_EXEC_PATH: '/nowhere/electron' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${cannotStartMessage('ELECTRON_EXEC_PATH (/nowhere/electron) is not an executable file')}\n`);
    expect(run.status).toBe(1);
  });
});
