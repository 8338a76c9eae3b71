import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServeArgs, type ServeConfig } from './cli-options';

const dir = mkdtempSync(join(tmpdir(), 'neighborhood-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tokenFile(name: string, content: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

const good = tokenFile('good', 'file-token-0123456789\nsecond line\n', 0o600);
const shared = tokenFile('shared', 'file-token-0123456789\n', 0o644);
const groupWritable = tokenFile('gw', 'file-token-0123456789\n', 0o620);
const empty = tokenFile('empty', '\n', 0o600);
const weird = tokenFile('weird', 'has spaces in it 0123456789\n', 0o400);
const env = { XDG_CONFIG_HOME: '/cfg' };

describe('parseServeArgs', () => {
  it.each<{ args: string[]; env?: NodeJS.ProcessEnv; want: Partial<ServeConfig> }>([
    { args: [], want: { host: '127.0.0.1', allowHosts: [], port: 0, tokenSource: 'random', settingsPath: '/cfg/neighborhood/settings.json', intervalSeconds: null } },
    { args: ['--interval', '5'], want: { intervalSeconds: 5 } },
    { args: ['--interval', '60'], want: { intervalSeconds: 60 } },
    { args: ['--port', '8080', '--settings', '/x.json'], want: { port: 8080, settingsPath: '/x.json' } },
    { args: [], env: { NEIGHBORHOOD_TOKEN: ' env-token-0123456789 ' }, want: { token: 'env-token-0123456789', tokenSource: 'env' } },
    { args: ['--token-file', good], want: { token: 'file-token-0123456789', tokenSource: 'file' } },
    { args: ['--host', '0.0.0.0', '--allow-host', 'box.lan', '--allow-host', '192.0.2.10'], want: { host: '0.0.0.0', allowHosts: ['box.lan', '192.0.2.10'] } },
    { args: ['--host', '192.0.2.10'], want: { host: '192.0.2.10', allowHosts: [] } },
  ])('$args', ({ args, env: extra, want }) => {
    expect(parseServeArgs(args, { ...env, ...extra })).toMatchObject(want);
  });

  it.each<{ args: string[]; env?: NodeJS.ProcessEnv; error: RegExp }>([
    { args: ['--token', 'abcdefghijklmnopqrstuvwxyz'], error: /--token is refused: .*visible to every local user.*NEIGHBORHOOD_TOKEN.*--token-file/ },
    { args: ['--token=abcdefghijklmnopqrstuvwxyz'], error: /--token is refused/ },
    { args: ['--host', '0.0.0.0'], error: /listens on every interface.*--allow-host/ },
    { args: ['--host', '::'], error: /--allow-host/ },
    { args: ['--host', '0.0.0.0', '--allow-host', 'http://box'], error: /expected a host name or an IP address/ },
    { args: ['--allow-host', 'box:80'], error: /expected a host name/ },
    { args: ['--port', '70000'], error: /--port must be 0–65535/ },
    { args: ['--port', '-1'], error: /--port/ },
    { args: ['--port', '12abc'], error: /--port must be/ },
    { args: ['--bogus'], error: /Unknown option/ },
    { args: ['--interval', '0'], error: /--interval must be a whole number of seconds, 1–60, not 0/ },
    { args: ['--interval', '61'], error: /1–60/ },
    { args: ['--interval', '1.5'], error: /whole number/ },
    { args: ['--interval', 'fast'], error: /not fast/ },
    { args: ['positional'], error: /Unexpected argument/ },
    { args: ['--token-file', shared], error: /group or others may read or change it \(mode 644\); run: chmod 600/ },
    { args: ['--token-file', groupWritable], error: /mode 620/ },
    { args: ['--token-file', empty], error: /first line is empty/ },
    { args: ['--token-file', weird], error: /may contain only/ },
    { args: ['--token-file', join(dir, 'missing')], error: /ENOENT/ },
    { args: ['--token-file', dir], error: /not a regular file/ },
    { args: ['--token-file', good], env: { NEIGHBORHOOD_TOKEN: 'env-token-0123456789' }, error: /not both/ },
    { args: [], env: { NEIGHBORHOOD_TOKEN: 'short' }, error: /NEIGHBORHOOD_TOKEN: the token must be at least 16/ },
  ])('refuses $args', ({ args, env: extra, error }) => {
    expect(() => parseServeArgs(args, { ...env, ...extra })).toThrow(error);
  });

  it('answers --help', () => {
    expect(parseServeArgs(['--help'], env)).toBe('help');
  });
});
