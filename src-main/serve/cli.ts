/**
 * `npm run serve`: Neighborhood in a browser, for headless hosts and for the end-to-end tests.
 * Prints exactly one line with the address (token included) and serves until interrupted.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/create-core';
import { startServer } from './server';
import { newToken } from './token';

const USAGE = `usage: npm run serve -- [--host 127.0.0.1] [--port 0] [--token TOKEN] [--settings FILE]
  --host      address to listen on (default 127.0.0.1: this machine only)
  --port      port (default 0: any free port)
  --token     access token (default: a new random one; or NEIGHBORHOOD_TOKEN)
  --settings  settings file (default: $XDG_CONFIG_HOME/neighborhood/settings.json)`;

function settingsPath(given: string | undefined): string {
  if (given) return given;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'neighborhood', 'settings.json');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      settings: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const token = values.token ?? process.env.NEIGHBORHOOD_TOKEN ?? newToken();
  if (token.length < 16) throw new Error('the token must be at least 16 characters');

  const core = await createCore({ settingsPath: settingsPath(values.settings) });
  const server = await startServer({
    api: core.api,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    host: values.host,
    port,
    token,
  });
  console.log(`Neighborhood is serving at ${server.url}`);

  const stop = async () => {
    await server.close();
    await core.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`neighborhood: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
