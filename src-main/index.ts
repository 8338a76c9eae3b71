/**
 * Electron's composition root, kept thin: it hands the app's life (electron/app-lifecycle) its real
 * dependencies. Everything that knows Docker or libvirt lives in core/ and runs the same in browser mode
 * and tests.
 */
import { fileURLToPath } from 'node:url';
import { createCore } from './core/create-core';
import { reportError } from './core/report-error';
import { startApp } from './electron/app-lifecycle';

startApp({
  createCore,
  mainDir: fileURLToPath(new URL('.', import.meta.url)),
  env: process.env,
  process,
  platform: process.platform,
  versions: process.versions,
  report: reportError,
});
