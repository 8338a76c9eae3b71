/**
 * Part 4: the main process's memory while containers come and go. A core (churn-core.ts, its own Node
 * process) watches the engines at 1 s while this process creates one container and removes one every
 * second. RSS and V8 heap used after a forced collection: at the start (after warm-up), every minute, at
 * the end, with the same number of containers present at start and end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChurnReply, ChurnRequest } from './churn-core';
import { mb, signedMb, sleep, table } from './format';
import { verdict, type BenchPart } from './part';

const TARGET_BYTES = 10e6;
/** Churn containers alive at any time: each second the newest joins and the oldest goes. */
const POOL = 5;

type Memory = Extract<ChurnReply, { type: 'memory' }>;

class CoreProcess {
  private readonly child: ChildProcess;
  private readonly replies: ChurnReply[] = [];
  private waiting: ((reply: ChurnReply) => void) | null = null;
  private exited = false;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./churn-core.ts', import.meta.url)), [], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    // The core's error reports, one line each (their stacks would drown the figures).
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      if (!/^\s+at /.test(line)) console.log(`  (core) ${line}`);
    });
    this.child.on('message', (reply: ChurnReply) => {
      if (this.waiting) this.waiting(reply);
      else this.replies.push(reply);
    });
    this.child.once('exit', (code) => {
      this.exited = true;
      this.waiting?.({ type: 'failed', message: `the core process exited (code ${code})` });
    });
  }

  private next(timeoutMs: number): Promise<ChurnReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.exited) return Promise.resolve({ type: 'failed', message: 'the core process exited' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'failed', message: `no answer from the core process within ${timeoutMs / 1000} s` }), timeoutMs);
      this.waiting = (reply) => {
        clearTimeout(timer);
        this.waiting = null;
        resolve(reply);
      };
    });
  }

  async ready(): Promise<void> {
    const reply = await this.next(60_000);
    if (reply.type !== 'ready') throw new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`);
  }

  async measure(): Promise<Memory> {
    this.child.send({ type: 'measure' } satisfies ChurnRequest);
    const reply = await this.next(30_000);
    if (reply.type !== 'memory') throw new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`);
    return reply;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((r) => this.child.once('exit', r));
    this.child.send({ type: 'stop' } satisfies ChurnRequest);
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(killer);
  }
}

export const churnPart: BenchPart = {
  id: '4',
  title: 'Main-process memory under churn',
  skipReason: () => null,
  async run(ctx) {
    const { fleet, signal, options } = ctx;
    const seconds = options.churnSeconds;
    console.log(`\n## 4. Main-process memory under churn: ${seconds} s, one container created and one removed every second`);
    console.log("createCore (default adapters: Docker 'auto' and libvirt) in its own Node process with --expose-gc, 1 s interval, every frame serialised as a transport would");
    const core = new CoreProcess();
    const undo = ctx.cleanup.add('the churn core process', () => core.stop());
    const pool: string[] = [];
    const rows: string[][] = [['', 'RSS', 'heap used', 'external', 'containers seen', 'frames', 'last frame']];
    const line = (label: string, m: Memory) => {
      rows.push([label, mb(m.rss), mb(m.heapUsed), mb(m.external), String(m.containers), String(m.frames), `${(m.frameBytes / 1000).toFixed(0)} kB`]);
      console.log(`  ${label}: RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, external ${mb(m.external)}, ${m.containers} containers seen, ${m.frames} frames`);
    };
    try {
      await core.ready();
      for (let i = 0; i < POOL; i++) pool.push(await fleet.run({ role: 'churn' }));
      await sleep(options.short ? 3000 : 15_000, signal); // connect, a few samples, JIT warm
      const start = await core.measure();
      if (start.dockerState !== 'connected') throw new Error(`the core's Docker engine is ${start.dockerState}`);
      line('start', start);
      const began = Date.now();
      let minute = 1;
      let churned = 0;
      let outages = 0;
      while (Date.now() - began < seconds * 1000) {
        signal.throwIfAborted();
        const tick = Date.now();
        try {
          pool.push(await fleet.run({ role: 'churn' }));
          await fleet.remove(pool.shift()!);
          churned++;
        } catch (err) {
          // Other tests stop the lab's dockerd now and then: wait for it (the core reconnects by itself).
          outages++;
          console.log(`  dockerd failed a call (${(err as Error).message}); waiting for it to answer again…`);
          const restarted = await fleet.heal();
          console.log(`  dockerd answers again; ${restarted} of our containers started again`);
        }
        if (Date.now() - began >= minute * 60_000) {
          line(`${minute} min`, await core.measure());
          minute++;
        }
        await sleep(Math.max(0, 1000 - (Date.now() - tick)), signal);
      }
      await sleep(3000, signal); // the last events and a sample reach the core
      const end = await core.measure();
      line(`end (${((Date.now() - began) / 1000).toFixed(0)} s)`, end);
      if (end.dockerState !== 'connected') throw new Error(`the core's Docker engine is ${end.dockerState} at the end`);
      if (end.containers !== start.containers) console.log(`  note: the core saw ${start.containers} containers at the start and ${end.containers} at the end (other tests share the engine)`);
      const heap = end.heapUsed - start.heapUsed;
      const rss = end.rss - start.rss;
      console.log(`figures after a forced GC (MB = 10⁶ bytes); "external": memory V8 objects hold outside the heap (Buffers)`);
      console.log(table(rows));
      const disturbed = outages > 0 ? ` (dockerd failed calls ${outages} time(s) during the churn; the core reconnected)` : '';
      console.log(`  → ${churned} containers created and ${churned} removed${disturbed}; heap used ${signedMb(heap)}, RSS ${signedMb(rss)}`);
      return [
        { part: '4', what: `Core memory under churn, ${seconds} s (${churned} created + removed): heap used growth`, target: '< 10 MB', measured: `${signedMb(heap)} (${mb(start.heapUsed)} → ${mb(end.heapUsed)})`, verdict: verdict(heap < TARGET_BYTES) },
        { part: '4', what: 'The same: RSS growth', target: '', measured: `${signedMb(rss)} (${mb(start.rss)} → ${mb(end.rss)})`, verdict: 'info' },
      ];
    } finally {
      await core.stop();
      undo();
      await Promise.all(pool.map((id) => fleet.remove(id).catch(() => undefined)));
    }
  },
};
