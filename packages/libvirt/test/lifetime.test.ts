// The binding must never keep Node alive: a script that opens, uses and closes a connection (or
// even forgets to close it) ends on its own. Run as child processes loading the .node directly.
// Native promises do not keep the process alive either (the TS wrapper's deadline timers do), so
// these scripts hold an interval while they work and clear it at the end: from then on, only the
// binding could keep them running.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingAvailable } from './helpers';

const addon = join(resolve(import.meta.dirname, '..'), 'build', 'Release', 'nbh_libvirt.node');

function runScript(body: string): { status: number | null; ms: number; out: string } {
  const script = `const b = require(${JSON.stringify(addon)});\nconst hold = setInterval(() => {}, 1000);\n(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(2); }).finally(() => clearInterval(hold));`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, ms: Date.now() - t0, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!bindingAvailable())('process lifetime', () => {
  it('exits after open, events, close', () => {
    const r = runScript(`
      const c = await b.open('test:///default', false, () => {});
      await c.setLifecycleEvents(true);
      const [d] = await c.listAllDomains();
      await c.suspend(d.uuid); await c.resume(d.uuid);
      await c.close(); await c.close();
      console.log('done');`);
    expect(r.out).toContain('done');
    expect(r.status).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('exits even when a connection with event listeners is never closed', () => {
    const r = runScript(`
      const c = await b.open('test:///default', false, () => {});
      await c.setLifecycleEvents(true);
      console.log('left open');`);
    expect(r.out).toContain('left open');
    expect(r.status).toBe(0);
  });

  it('refuses to construct a connection from JS', () => {
    const r = runScript(`try { new b.NativeConnection(); } catch (e) { console.log(e.message); }`);
    expect(r.out).toContain('use open()');
  });
});
