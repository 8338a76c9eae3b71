/**
 * The command line of `npm run serve`, turned into a checked configuration. Everything a user can get
 * wrong is refused here, before anything listens, with a message that says what to do instead.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { allowHostProblem, bindKind } from './hosts';
import { newToken, tokenProblem } from './token';

export const USAGE = `usage: npm run serve -- [--host 127.0.0.1] [--allow-host NAME]... [--port 0] [--interval SECONDS] [--token-file FILE] [--settings FILE]
  --host        address to listen on (default 127.0.0.1: this machine only)
  --allow-host  a name or address clients use to reach the server (repeatable); required with a
                wildcard --host (0.0.0.0, ::), optional with another address
  --port        port (default 0: any free port)
  --interval    seconds between samples, 1–60 (the setting, kept in the settings file; default 2)
  --token-file  read the access token from the first line of FILE (mode 600);
                or set NEIGHBORHOOD_TOKEN; default: a new random token
  --settings    settings file (default: $XDG_CONFIG_HOME/neighborhood/settings.json)`;

export class UsageError extends Error {}

export interface ServeConfig {
  host: string;
  allowHosts: string[];
  port: number;
  token: string;
  tokenSource: 'env' | 'file' | 'random';
  settingsPath: string;
  /** --interval: the sample interval to set at start; null leaves the setting as it is. */
  intervalSeconds: number | null;
}

export function defaultSettingsPath(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'neighborhood', 'settings.json');
}

/** The first line of a token file that only its owner can read or write. */
export function readTokenFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new UsageError(`--token-file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'cannot open'}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`--token-file ${path}: not a regular file`);
    if (process.platform !== 'win32' && (stat.mode & 0o066) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
      throw new UsageError(`--token-file ${path}: group or others may read or change it (mode ${mode}); run: chmod 600 ${path}`);
    }
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const token = buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0]!.trim();
    if (token === '') throw new UsageError(`--token-file ${path}: the first line is empty`);
    return token;
  } finally {
    closeSync(fd);
  }
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        'allow-host': { type: 'string', multiple: true, default: [] },
        port: { type: 'string', default: '0' },
        interval: { type: 'string' },
        token: { type: 'string' },
        'token-file': { type: 'string' },
        settings: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';

  if (values.token !== undefined) {
    throw new UsageError(
      '--token is refused: a command line is visible to every local user (ps, /proc/PID/cmdline). ' +
        'Put the token in NEIGHBORHOOD_TOKEN, or in a file only you can read and pass --token-file FILE.',
    );
  }

  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || !Number.isInteger(port) || port > 65535) throw new UsageError(`--port must be 0–65535, not ${values.port}`);

  let intervalSeconds: number | null = null;
  if (values.interval !== undefined) {
    intervalSeconds = Number(values.interval);
    if (!/^\d+$/.test(values.interval) || intervalSeconds < 1 || intervalSeconds > 60) throw new UsageError(`--interval must be a whole number of seconds, 1–60, not ${values.interval}`);
  }

  const host = values.host.trim();
  const allowHosts = values['allow-host'];
  for (const name of allowHosts) {
    const problem = allowHostProblem(name);
    if (problem) throw new UsageError(problem);
  }
  if (bindKind(host) === 'wildcard' && allowHosts.length === 0) {
    throw new UsageError(
      `--host ${host} listens on every interface, but the server answers only Host headers it knows (that is what ` +
        'stops DNS rebinding), and a wildcard address is no name to be reached by. Name what clients will type, e.g. ' +
        `--allow-host myhost.lan --allow-host 192.0.2.10, or better keep the default host and use an SSH tunnel.`,
    );
  }

  let token: string;
  let tokenSource: ServeConfig['tokenSource'];
  const file = values['token-file'];
  if (file !== undefined && env.NEIGHBORHOOD_TOKEN) throw new UsageError('give the token either in NEIGHBORHOOD_TOKEN or with --token-file, not both');
  if (file !== undefined) {
    token = readTokenFile(file);
    tokenSource = 'file';
  } else if (env.NEIGHBORHOOD_TOKEN) {
    token = env.NEIGHBORHOOD_TOKEN.trim();
    tokenSource = 'env';
  } else {
    token = newToken();
    tokenSource = 'random';
  }
  const problem = tokenProblem(token);
  if (problem) throw new UsageError(`${tokenSource === 'file' ? `--token-file ${file}` : 'NEIGHBORHOOD_TOKEN'}: ${problem}`);

  return { host, allowHosts, port, token, tokenSource, settingsPath: values.settings ?? defaultSettingsPath(env), intervalSeconds };
}
