import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here) against
 * browser mode with the real engines; the Electron spec drives the real window where the binary exists.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // One server, real engines shared by every spec: run them one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    viewport: { width: 1400, height: 900 },
    trace: 'off',
  },
});
