/**
 * A browser-mode server on a settings file of the caller's: the shared one the global setup starts, or a
 * spec's own, so what it keeps can be read again after a restart. The built `out/main/serve.js`, its
 * first stdout line giving the address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const SERVE = 'out/main/serve.js';
const LINE = /^Neighborhood is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9._~-]+)$/;

export class BrowserMode {
  private constructor(
    private readonly child: ChildProcess,
    /** The address it printed, token included. */
    readonly url: string,
  ) {}

  static async start(settingsPath: string, env: NodeJS.ProcessEnv = {}): Promise<BrowserMode> {
    const child = spawn(process.execPath, [SERVE, '--port', '0', '--settings', settingsPath], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    const lines = createInterface({ input: child.stdout });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('browser mode did not print its address within 20 s')), 20_000);
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`browser mode exited early with code ${code}`)));
        lines.once('line', (line) => {
          clearTimeout(timer);
          const m = LINE.exec(line);
          if (m) resolve(m[1]!);
          else reject(new Error(`unexpected first line from browser mode: ${line}`));
        });
      });
      return new BrowserMode(child, url);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    } finally {
      lines.close();
    }
  }

  /** SIGTERM, and wait until it has exited (it lets go of its engines first); its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.kill('SIGTERM');
    return exited;
  }
}
