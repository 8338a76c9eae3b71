/**
 * The real Electron window. Electron's binary is downloaded from outside the package registries at
 * install, which these machines cannot reach; where it is absent this is the one spec allowed to skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
let xvfb: ChildProcess | null = null;

test.skip(binary === null, 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); browser mode covers the renderer and core');

test.beforeAll(async () => {
  if (process.env.DISPLAY || !existsSync('/usr/bin/Xvfb')) return;
  xvfb = spawn('/usr/bin/Xvfb', [':97', '-screen', '0', '1400x900x24'], { stdio: 'ignore' });
  process.env.DISPLAY = ':97';
  await new Promise((r) => setTimeout(r, 500));
});

test.afterAll(() => {
  xvfb?.kill();
});

test('the window opens hardened and draws the map', async () => {
  const app = await electron.launch({ executablePath: binary!, args: ['--no-sandbox', '.'] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('status').filter({ hasText: 'connected' }).first()).toBeVisible({ timeout: 20_000 });
    // The page has the bridge and nothing of Node: isolated, sandboxed, no nodeIntegration.
    const page = await window.evaluate(() => ({
      bridge: typeof (window as unknown as { neighborhood?: unknown }).neighborhood,
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }));
    expect(page).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
    // window.open is denied.
    await window.evaluate(() => void globalThis.open('https://example.com'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
