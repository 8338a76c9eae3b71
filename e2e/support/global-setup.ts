/**
 * Starts browser mode exactly as a user would (the built `out/main/serve.js` that `npm run serve` runs),
 * reads the one line it prints, and hands the address to the specs. Settings live in a fresh temp dir.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserMode } from './browser-mode';

const SERVE = 'out/main/serve.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(SERVE)) throw new Error(`${SERVE} is missing: run \`npm run build\` first (npm test does).`);
  const home = mkdtempSync(join(tmpdir(), 'neighborhood-e2e-'));
  const server = await BrowserMode.start(join(home, 'settings.json'), { XDG_CONFIG_HOME: home });
  process.env.NEIGHBORHOOD_URL = server.url;
  return async () => {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
