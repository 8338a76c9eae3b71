/**
 * `npm start`: the built app in Electron (`electron-vite preview`, which builds first), or — where the
 * Electron binary was never downloaded — one line on stderr saying so and offering browser mode, exit 1.
 * Run by Node with tsx's loader (a devDependency, as electron-vite is), so the decision is the typed,
 * tested one in src-main/electron/electron-binary.ts. Arguments after `npm start --` go to electron-vite.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cannotStartMessage, findElectronBinary } from '../src-main/electron/electron-binary';

const require = createRequire(import.meta.url);

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const binary = findElectronBinary({ env: process.env, resolveElectron: () => require('electron') as unknown, isExecutable });
if (!binary.usable) {
  console.error(cannotStartMessage(binary.why));
  process.exit(1);
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
// ELECTRON_EXEC_PATH: electron-vite starts the very binary checked here (it reads path.txt itself otherwise).
const child = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary.path },
});

// A terminal's Ctrl+C reaches the child too; a signal sent to this process alone (npm passes one on) is
// handed over, and the child's exit decides ours.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const forward = (signal: NodeJS.Signals): void => {
  child.kill(signal);
};
for (const signal of SIGNALS) process.on(signal, forward);

child.on('error', (error) => {
  console.error(`neighborhood: could not run electron-vite: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  for (const name of SIGNALS) process.off(name, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
