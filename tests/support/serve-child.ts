/**
 * Browser mode as users start it: `node out/main/serve.js --port 0 --settings <tmp>`, the built file
 * `npm run serve` runs. Reads the one line it prints, learns the prefix and cookie from the redirect the
 * printed address answers with, and keeps what it writes to stderr for the test to inspect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const SERVE = 'out/main/serve.js';
const LINE = /^Neighborhood is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9._~-]+))$/;

export interface ServeChild {
  url: string;
  port: number;
  token: string;
  /** `/<16 chars>/`, from the redirect's Location. */
  prefix: string;
  /** `neighborhood_token=…`, from the redirect's Set-Cookie. */
  cookie: string;
  pid: number;
  child: ChildProcess;
  stderr: string[];
  alive(): boolean;
  stop(): Promise<void>;
}

export function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

export async function startServe(env: Record<string, string> = {}, args: string[] = []): Promise<ServeChild> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run \`npm run build\` first`);
  const home = mkdtempSync(join(tmpdir(), 'neighborhood-hostile-'));
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--settings', join(home, 'settings.json'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CONFIG_HOME: home, NEIGHBORHOOD_TOKEN: '', ...env },
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  let exited = false;
  child.once('exit', () => (exited = true));
  const first = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('browser mode did not print its address within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited early with code ${code}: ${stderr.join('\n')}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const m = LINE.exec(line);
      if (m) resolve(m);
      else reject(new Error(`unexpected first line from browser mode: ${line}`));
    });
  });
  const port = Number(first[2]);
  const token = first[3]!;
  const redirect = await httpGet(port, `/?token=${token}`);
  if (redirect.status !== 303) throw new Error(`the printed address answered ${redirect.status}, not a redirect`);
  const prefix = String(redirect.headers.location);
  const cookie = String(redirect.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return {
    url: first[1]!,
    port,
    token,
    prefix,
    cookie,
    pid: child.pid!,
    child,
    stderr,
    alive: () => !exited && child.exitCode === null,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Runs browser mode with arguments it must refuse; resolves with its exit code and what it said. */
export function serveRefuses(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEIGHBORHOOD_TOKEN: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not exit within 10 s for ${args.join(' ')}: ${stdout}${stderr}`));
    }, 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resident memory of a process in MiB, from /proc/<pid>/status. */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kib) throw new Error(`no VmRSS for ${pid}`);
  return Number(kib) / 1024;
}

/** Samples RSS every interval until stopped; returns the peak. */
export function watchRss(pid: number, intervalMs = 50): { stop(): number } {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // the process is gone; the test's liveness check reports it
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
