/**
 * `npm run serve`: Neighborhood in a browser, for headless hosts and for the end-to-end tests.
 * Prints exactly one line on stdout with the address (token included) and serves until interrupted.
 * Nothing from outside may end it: malformed input is answered where it is parsed, and anything that
 * still escapes is logged with its context while the server goes on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/create-core';
import { parseServeArgs, USAGE, UsageError } from './cli-options';
import { bindKind } from './hosts';
import { startServer } from './server';

/** After a signal, the engines get this long to let go before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 5_000;

const log = (message: string) => console.error(`neighborhood: ${message}`);
const describe = (err: unknown) => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/** At most a burst of crash reports a minute, so a repeated failure cannot fill the disk. */
function throttledLog(perMinute: number): (message: string) => void {
  let windowStart = 0;
  let count = 0;
  return (message) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      if (count > perMinute) log(`(${count - perMinute} more reports suppressed)`);
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count <= perMinute) log(message);
  };
}

function installCrashGuards(): void {
  const report = throttledLog(20);
  process.on('uncaughtException', (err, origin) => report(`${origin}: ${describe(err)} (still serving)`));
  process.on('unhandledRejection', (reason) => report(`unhandled rejection: ${describe(reason)} (still serving)`));
  // A reader that went away (the terminal closed, a test harness ended) must not turn into a crash.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

function rendererDir(): string {
  // Hidden, for tests that must change the served files under a running server.
  return process.env.NEIGHBORHOOD_RENDERER_DIR || fileURLToPath(new URL('../renderer', import.meta.url));
}

async function main(): Promise<void> {
  installCrashGuards();
  let config;
  try {
    config = parseServeArgs(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    log(err.message);
    process.exit(2);
  }
  if (config === 'help') {
    console.log(USAGE);
    return;
  }
  // Engines may spawn helpers (ssh for remote URIs); the token stays with us.
  delete process.env.NEIGHBORHOOD_TOKEN;

  const dir = rendererDir();
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run \`npm run build\` first`);

  const core = await createCore({ settingsPath: config.settingsPath });
  if (config.intervalSeconds !== null) {
    const set = await core.api.invoke('settings:set', { sampleIntervalSeconds: config.intervalSeconds });
    if (!set.ok) log(`--interval ${config.intervalSeconds}: ${set.error.message}`);
  }
  let server;
  try {
    server = await startServer({ api: core.api, rendererDir: dir, host: config.host, allowHosts: config.allowHosts, port: config.port, token: config.token, log });
  } catch (err) {
    await core.dispose().catch(() => {});
    throw err;
  }
  console.log(`Neighborhood is serving at ${server.url}`);

  if (bindKind(config.host) !== 'loopback') {
    for (const name of config.allowHosts) log(`also reachable as http://${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${server.port}/?token=…`);
    log(
      `listening on ${config.host}, beyond this machine. This is plain HTTP: the token and the cookie travel in clear ` +
        'and anyone on the path can read them and take over the session. The recommended way to reach Neighborhood ' +
        `from another machine is an SSH tunnel to the default loopback address: run it without --host, then ` +
        `\`ssh -L ${server.port}:127.0.0.1:${server.port} THIS_HOST\` and open the printed URL locally.`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    const deadline = setTimeout(() => {
      log(`engines did not let go within ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    try {
      await server.close();
      await core.dispose();
    } catch (err) {
      log(`while stopping: ${describe(err)}`);
    }
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
