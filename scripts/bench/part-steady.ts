/**
 * Part 2: what watching costs over time. Browser mode at a 1 s interval with one page open (the serve
 * process, the page's Chromium, the engines) against `docker stats` streaming (the CLI, the same engines),
 * each measured over the same window, one after the other, after a window in which nobody watches: the
 * engines' own idle cost, which both sides pay and which the ratio "in all" includes.
 */
import { spawn } from 'node:child_process';
import { cpuMs, ms, pctOfCore, plural, ratio, sleep, sum, table } from './format';
import { browserModeMissing, chromiumGroups, launchChromium, startBrowserMode } from './browser-mode';
import { PREFIX } from './fleet';
import { verdict, type BenchContext, type BenchPart, type SummaryRow } from './part';
import { cpuBetween, DOCKER_ENGINE, LIBVIRTD, pidGroup, readProc, snapshot, TICK_MS, type GroupCpu, type ProcGroup } from './proc';

const TARGET = 5;
const ENGINES = [...DOCKER_ENGINE, LIBVIRTD];

interface Window {
  cpu: Record<string, GroupCpu>;
  ms: number;
}

async function measureWindow(groups: ProcGroup[], seconds: number, signal: AbortSignal): Promise<Window> {
  const a = snapshot(groups);
  await sleep(seconds * 1000, signal);
  const b = snapshot(groups);
  return { cpu: cpuBetween(a, b, groups), ms: b.at - a.at };
}

async function ours(ctx: BenchContext, settleMs: number): Promise<{ window: Window; frames: number; benchMs: number }> {
  const server = await startBrowserMode(1, ctx.cleanup);
  const chrome = await launchChromium(ctx.cleanup).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  try {
    const page = await chrome.browser.newPage();
    let frames = 0;
    page.on('websocket', (ws) => ws.on('framereceived', () => frames++));
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(`^Container ${PREFIX}-`) }).first().waitFor({ timeout: 60_000 });
    const visibility = await page.evaluate('document.visibilityState');
    if (visibility !== 'visible') throw new Error(`the page reports visibilityState ${String(visibility)}: sampling would slow to 10 s`);
    await sleep(settleMs, ctx.signal);
    const groups = [pidGroup('serve process (node)', server.pid), ...chromiumGroups(), ...ENGINES];
    const frames0 = frames;
    const bench0 = readProc(process.pid)?.ticks ?? 0;
    const window = await measureWindow(groups, ctx.options.steadySeconds, ctx.signal);
    const benchMs = ((readProc(process.pid)?.ticks ?? 0) - bench0) * TICK_MS;
    if (!server.alive()) throw new Error('browser mode exited during the window');
    if (frames === frames0) throw new Error('the page received no frame during the window');
    return { window, frames: frames - frames0, benchMs };
  } finally {
    await chrome.close();
    await server.stop();
  }
}

async function dockerStats(ctx: BenchContext, settleMs: number): Promise<Window> {
  const cli = spawn('docker', ['stats', '--format', '{{.ID}} {{.CPUPerc}}'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => cli.once('exit', () => resolve(void (exited = true))));
  const stop = async () => {
    if (!exited) cli.kill('SIGTERM');
    await exit;
  };
  const undo = ctx.cleanup.add('docker stats', stop);
  try {
    await sleep(settleMs, ctx.signal);
    if (exited) throw new Error(`docker stats exited at once: ${stderr.trim()}`);
    const window = await measureWindow([pidGroup('docker CLI', cli.pid!), ...ENGINES], ctx.options.steadySeconds, ctx.signal);
    if (exited) throw new Error(`docker stats exited during the window: ${stderr.trim()}`);
    return window;
  } finally {
    await stop();
    undo();
  }
}

export const steadyPart: BenchPart = {
  id: '2',
  title: 'Steady state with one page open',
  skipReason: () => null,
  async run(ctx) {
    const seconds = ctx.options.steadySeconds;
    console.log(`\n## 2. Steady state: ${seconds} s at a 1 s interval with one page open, against docker stats streaming`);
    const missing = browserModeMissing();
    if (missing) throw new Error(missing);
    const settleMs = ctx.options.short ? 1000 : 3000;
    await sleep(settleMs, ctx.signal);
    const idle = await measureWindow(ENGINES, seconds, ctx.signal);
    const a = await ours(ctx, settleMs);
    await sleep(2000, ctx.signal);
    const b = await dockerStats(ctx, settleMs);
    const names = ['serve process (node)', ...chromiumGroups().map((g) => g.name), 'docker CLI', ...ENGINES.map((g) => g.name)];
    const cell = (w: Window, name: string) => {
      const c = w.cpu[name];
      return c ? `${cpuMs(c.ms, TICK_MS)} (${c.processes})` : '';
    };
    // Per second of window: the windows differ by a few ms, and a late timer must not tilt the ratio.
    const rate = (w: Window) => sum(Object.values(w.cpu).map((c) => c.ms)) / w.ms;
    const total = (w: Window) => `${ms(rate(w) * seconds * 1000)} = ${pctOfCore(rate(w), 1)}`;
    console.log(`CPU over ${seconds} s (processes counted), ${ctx.fleet.containerCount} containers and ${plural(ctx.fleet.vmCount, 'VM')} of ours running:`);
    console.log(
      table([
        ['', 'nobody watching', 'browser mode + 1 page', 'docker stats (streaming)'],
        ...names.map((n) => [n, cell(idle, n), cell(a.window, n), cell(b, n)]),
        ['total', total(idle), total(a.window), total(b)],
      ]),
    );
    const r = ratio(rate(b), rate(a.window));
    const above = ratio(rate(b) - rate(idle), Math.max(0, rate(a.window) - rate(idle)), TICK_MS / (seconds * 1000));
    console.log(`  → docker stats streaming uses ${r.text} the CPU of browser mode with its page, in all; ${above.text} counting only what each adds to nobody watching`);
    console.log(
      `  the page received ${a.frames} WebSocket frames in ${(a.window.ms / 1000).toFixed(1)} s (${((a.frames * 1000) / a.window.ms).toFixed(1)} a second); ` +
        `not counted: this process (Playwright's driver, ${ms(a.benchMs)}), QEMU, Chromium's crashpad handlers`,
    );
    const rows: SummaryRow[] = [
      {
        part: '2',
        what: `Steady state, ${seconds} s at 1 s, one page open: docker stats streaming ÷ ours, CPU in all`,
        target: `≥ ${TARGET}×`,
        measured: `${r.text} (${pctOfCore(rate(b), 1)} vs ${pctOfCore(rate(a.window), 1)})`,
        verdict: verdict(r.value >= TARGET),
      },
      {
        part: '2',
        what: 'The same, counting only what each adds to nobody watching',
        target: '',
        measured: `${above.text} (+${pctOfCore(rate(b) - rate(idle), 1)} vs +${pctOfCore(rate(a.window) - rate(idle), 1)})`,
        verdict: 'info',
      },
    ];
    return rows;
  },
};
