/**
 * Browser mode as users start it (the built `out/main/serve.js`), and headless Chromium on the address it
 * prints. Both are registered for cleanup the moment they exist.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import type { Cleanup } from './cleanup';
import { cmdline, isDescendant, type ProcGroup } from './proc';

const SERVE = 'out/main/serve.js';
const LINE = /^Neighborhood is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9._~-]+)$/;
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface BrowserModeServer {
  url: string;
  pid: number;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Why browser mode cannot start here, or null. */
export function browserModeMissing(): string | null {
  if (!existsSync(SERVE) || !existsSync('out/renderer/index.html')) return `${SERVE} or out/renderer is missing: run \`npm run build\` first`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run scripts/lab.sh up`;
  return null;
}

export async function startBrowserMode(intervalSeconds: number, cleanup: Cleanup): Promise<BrowserModeServer> {
  const missing = browserModeMissing();
  if (missing) throw new Error(missing);
  const home = mkdtempSync(join(tmpdir(), 'neighborhood-bench-'));
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--interval', String(intervalSeconds), '--settings', join(home, 'settings.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: home },
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exit;
    clearTimeout(killer);
    rmSync(home, { recursive: true, force: true });
  };
  const undo = cleanup.add('browser mode', stop);
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!/^\s+at /.test(line)) console.log(`  (serve) ${line}`);
  });
  const lines = createInterface({ input: child.stdout });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('browser mode did not print its address within 30 s')), 30_000);
      void exit.then(() => reject(new Error(`browser mode exited early with code ${child.exitCode}`)));
      lines.once('line', (line) => {
        clearTimeout(timer);
        const m = LINE.exec(line);
        if (m) resolve(m[1]!);
        else reject(new Error(`unexpected first line from browser mode: ${line}`));
      });
    });
    return {
      url,
      pid: child.pid!,
      alive: () => !exited,
      stop: async () => {
        await stop();
        undo();
      },
    };
  } catch (err) {
    await stop();
    undo();
    throw err;
  }
}

export async function launchChromium(cleanup: Cleanup): Promise<{ browser: Browser; close(): Promise<void> }> {
  // Our cleanup closes it: Playwright's own SIGINT handler would exit before the containers are removed.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const close = () => browser.close().catch(() => undefined);
  const undo = cleanup.add('Chromium', close);
  return {
    browser,
    close: async () => {
      await close();
      undo();
    },
  };
}

/** The Chromium processes this process launched, by --type: the page's renderers, and everything else. */
export function chromiumGroups(): ProcGroup[] {
  const ours = (p: Parameters<ProcGroup['match']>[0], table: Parameters<ProcGroup['match']>[1]) =>
    p.comm.startsWith('chrom') && !p.comm.startsWith('chrome_crashpad') && isDescendant(p, process.pid, table);
  return [
    { name: 'Chromium renderers', match: (p, t) => ours(p, t) && cmdline(p).includes('--type=renderer') },
    { name: 'Chromium browser, GPU, utility, zygotes', match: (p, t) => ours(p, t) },
  ];
}
