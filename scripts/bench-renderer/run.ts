/**
 * The renderer benchmark (part 3 of `npm run bench`): the real core and browser mode's real server, fed by
 * the fake fleet (fake-engine.ts) at 1 Hz, and the built renderer (out/renderer, `npm run build`) in
 * headless Chromium, timed from outside through an injected probe (page-probe.ts) — the app is not changed
 * for it. Measures, per world frame, the time from its message to the end of the animation frame that shows
 * it; the time to the first map; the page's JS heap and DOM size; and the bytes on the wire (the whole
 * world a `world:get` answers vs the change-only frames).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { createCore } from '../../src-main/core/create-core';
import { startServer } from '../../src-main/serve/server';
import { FakeFleetForRendererBenchmark } from './fake-engine';
import { calibrate, loadNow, machineNote, rendererMainThreadCpuMs, type MachineNote } from './machine';
import { PAGE_PROBE, PROBE_GLOBAL, type ProbeState, type ProbedFrame } from './page-probe';
import { summarise, type Summary } from './stats';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** As the end-to-end tests see the app; headless Chromium renders frames only for a visible page. */
const VIEWPORT = { width: 1400, height: 900 };
const RENDERER_DIR = 'out/renderer';
/** Frames before this are the page settling in (first layout, fonts); they are not counted. */
const WARM_UP_MS = 3_000;
const FIRST_MAP_TIMEOUT_MS = 60_000;

export interface RendererBenchmarkOptions {
  containers: number;
  vms: number;
  /** How long frames are measured (at 1 Hz: about one frame a second). */
  seconds: number;
  /** Containers stop, start, go and come now and then (default true); false: only figures move. */
  churn?: boolean;
  /** Told what happens as it goes; default: nothing. */
  log?: (line: string) => void;
  /** The built renderer to serve; default out/renderer (`npm run build`). */
  rendererDir?: string;
  /** Called with the page and its CDP session before the page is loaded (e.g. to profile the first map). */
  onPageOpen?: (page: Page, cdp: CDPSession) => Promise<void>;
  /** Called with the page and its CDP session once the map is up, before frames are measured (e.g. to profile). */
  onMapReady?: (page: Page, cdp: CDPSession) => Promise<void>;
  /** Called with the CDP session when the frames have been measured. */
  onMeasured?: (cdp: CDPSession) => Promise<void>;
}

export interface RendererBenchmarkResult {
  containers: number;
  vms: number;
  seconds: number;
  /** Message → end of the animation frame that shows it, ms. */
  frameMs: Summary;
  /** The same without the wait for the next animation frame: the handler's work plus that frame's rendering. */
  workMs: Summary;
  /** Its two parts: the message handled (parse, patch, Svelte's update, canvas), and the frame rendered (style, layout, paint). */
  handleMs: Summary;
  renderMs: Summary;
  /** Navigation start → the whole world's answer arrived, the first tenant button present, and painted, ms. */
  worldArrivedMs: number;
  firstTenantMs: number;
  firstMapMs: number;
  /** The page's JS heap after a garbage collection, bytes. */
  heapBytes: number;
  /** Elements in the document, and every DOM node Chromium counts (text nodes included). */
  domElements: number;
  domNodes: number;
  /** Bytes of the `world:get` answer (the whole world), and of each change-only frame. */
  wholeWorldBytes: number | null;
  deltaBytes: Summary;
  /** Frames that came whole rather than as changes (none expected after the first). */
  fullFrames: number;
  /** Averages per measured frame from Chromium's own counters, ms. */
  perFrame: { scriptMs: number; styleMs: number; layoutMs: number };
  /** CPU time the page's main thread used per measured frame (all its work, idle time excluded), ms; null off Linux. */
  mainThreadCpuMs: number | null;
  machine: MachineNote;
}

/** Why the benchmark cannot run here, or null. */
export function rendererBenchmarkMissing(rendererDir = RENDERER_DIR): string | null {
  if (!existsSync(`${rendererDir}/index.html`)) return `${rendererDir} is missing: run \`npm run build\` first`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run scripts/lab.sh up`;
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

const probeState = (page: Page): Promise<ProbeState> => page.evaluate(`window.${PROBE_GLOBAL}`);

export async function runRendererBenchmark(options: RendererBenchmarkOptions): Promise<RendererBenchmarkResult> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const missing = rendererBenchmarkMissing(rendererDir);
  if (missing) throw new Error(missing);
  const log = options.log ?? (() => {});
  const loadBefore = loadNow();
  const calibrationMs = calibrate();
  const fleet = new FakeFleetForRendererBenchmark({ containers: options.containers, vms: options.vms, churn: options.churn });
  const core = await createCore({ settingsPath: null, adapters: fleet.engines });
  const undo: Array<() => Promise<unknown>> = [() => core.dispose()];
  try {
    // Frames come from the fleet's 1 Hz clock; the hub's own sampling (which only re-publishes) waits the longest.
    const set = await core.api.invoke('settings:set', { sampleIntervalSeconds: 60, slowWhenHidden: false });
    if (!set.ok) throw new Error(`settings:set refused: ${set.error.message}`);
    const token = randomBytes(24).toString('base64url');
    const server = await startServer({ api: core.api, rendererDir, host: '127.0.0.1', allowHosts: [], port: 0, token, log: (m) => log(`(server) ${m}`) });
    undo.unshift(() => server.close());
    fleet.start();
    undo.unshift(async () => fleet.stop());

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    undo.unshift(() => browser.close());
    // The Chromium this process launched: its renderers descend from us (not from any other run's).
    const cpu = () => rendererMainThreadCpuMs(process.pid);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const wire = { wholeWorld: null as number | null, deltas: [] as number[], fulls: 0, counting: false };
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        const bytes = Buffer.byteLength(text);
        if (text.startsWith('{"kind":"result"') && text.slice(0, 80).includes('"value":{"seq"')) wire.wholeWorld = bytes;
        else if (wire.counting && text.startsWith('{"kind":"event","event":"world:frame","payload":{"kind":"delta"')) wire.deltas.push(bytes);
        else if (wire.counting && text.startsWith('{"kind":"event","event":"world:frame"')) wire.fulls += 1;
      }),
    );
    await page.addInitScript(PAGE_PROBE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    await options.onPageOpen?.(page, cdp);
    log(`loading the map: ${options.containers} containers, ${options.vms} VMs`);
    await page.goto(server.url);
    // Polled from here (CDP evaluates past the page's CSP, which forbids the eval waitForFunction needs).
    let first = await probeState(page);
    for (const started = Date.now(); first.firstMap === null; first = await probeState(page)) {
      if (Date.now() - started > FIRST_MAP_TIMEOUT_MS) throw new Error(`no map within ${FIRST_MAP_TIMEOUT_MS / 1000} s`);
      await sleep(50);
    }

    await sleep(WARM_UP_MS);
    await options.onMapReady?.(page, cdp);
    const from = (await probeState(page)).frames.length;
    const before = await metrics(cdp);
    const cpuBefore = cpu();
    wire.counting = true;
    log(`measuring frames for ${options.seconds} s`);
    await sleep(options.seconds * 1000);
    wire.counting = false;
    const after = await metrics(cdp);
    const cpuAfter = cpu();
    await options.onMeasured?.(cdp);
    // The last frame's paint may still be due.
    await sleep(500);
    const frames = (await probeState(page)).frames.slice(from).filter((f: ProbedFrame) => f.painted > 0);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const settled = await metrics(cdp);
    const domElements = await page.evaluate('document.getElementsByTagName("*").length');
    const perFrame = (name: string) => (frames.length === 0 ? Number.NaN : (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / frames.length);

    return {
      containers: options.containers,
      vms: options.vms,
      seconds: options.seconds,
      frameMs: summarise(frames.map((f) => f.painted - f.received)),
      workMs: summarise(frames.map((f) => Math.max(0, (f.handled || f.raf) - f.received) + (f.painted - f.raf))),
      handleMs: summarise(frames.map((f) => Math.max(0, (f.handled || f.raf) - f.received))),
      renderMs: summarise(frames.map((f) => f.painted - f.raf)),
      worldArrivedMs: first.worldAt ?? Number.NaN,
      firstTenantMs: first.firstTenant ?? Number.NaN,
      firstMapMs: first.firstMap ?? Number.NaN,
      heapBytes: heap.usedSize,
      domElements: Number(domElements),
      domNodes: settled.get('Nodes') ?? Number.NaN,
      wholeWorldBytes: wire.wholeWorld,
      deltaBytes: summarise(wire.deltas),
      fullFrames: wire.fulls,
      perFrame: { scriptMs: perFrame('ScriptDuration'), styleMs: perFrame('RecalcStyleDuration'), layoutMs: perFrame('LayoutDuration') },
      mainThreadCpuMs: cpuBefore === null || cpuAfter === null || frames.length === 0 ? null : (cpuAfter - cpuBefore) / frames.length,
      machine: machineNote(loadBefore, calibrationMs),
    };
  } finally {
    for (const step of undo) await step().catch(() => undefined);
  }
}
