/**
 * Starts browser mode exactly as a user would (the built `out/main/serve.js` that `npm run serve` runs),
 * reads the one line it prints, and hands the address to the specs. Settings live in a fresh temp dir.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SERVE = 'out/main/serve.js';
const LINE = /^Neighborhood is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9._~-]+))$/;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run \`npm run build\` first (npm test does).`);
  const home = mkdtempSync(join(tmpdir(), 'neighborhood-e2e-'));
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--settings', join(home, 'settings.json')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, XDG_CONFIG_HOME: home },
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('browser mode did not print its address within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`browser mode exited early with code ${code}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = LINE.exec(line);
      if (m) resolve(m[1]!);
      else reject(new Error(`unexpected first line from browser mode: ${line}`));
    });
  });
  process.env.NEIGHBORHOOD_URL = url;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(home, { recursive: true, force: true });
  };
}
