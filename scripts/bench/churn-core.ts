/**
 * Part 4's subject, in a Node process of its own so its heap is the core's alone: createCore with the
 * default adapters (Docker 'auto', libvirt) at a 1 s interval, every frame serialised as a transport would.
 * Run with --expose-gc by part-churn.ts, which asks over IPC for memory figures after a forced collection.
 */
import { createCore } from '../../src-main/core/create-core';

export type ChurnRequest = { type: 'measure' } | { type: 'stop' };
export type ChurnReply =
  | { type: 'ready' }
  | { type: 'memory'; rss: number; heapUsed: number; external: number; containers: number; dockerState: string; frames: number; frameBytes: number }
  | { type: 'failed'; message: string };

const gc = (globalThis as { gc?: () => void }).gc;
const send = (reply: ChurnReply) => process.send?.(reply);

async function main(): Promise<void> {
  if (!gc) throw new Error('churn-core needs --expose-gc');
  const core = await createCore({ settingsPath: null });
  const set = await core.api.invoke('settings:set', { sampleIntervalSeconds: 1 });
  if (!set.ok) throw new Error(`setting the interval: ${set.error.message}`);
  let frames = 0;
  let frameBytes = 0;
  core.hub.onFrame((world) => {
    frames++;
    frameBytes = JSON.stringify(world).length;
  });
  process.on('message', (message: ChurnRequest) => {
    if (message.type === 'stop') {
      void core.dispose().finally(() => process.exit(0));
      return;
    }
    // Twice: the first pass may only queue finalisers whose memory the second frees.
    gc();
    setImmediate(() => {
      gc();
      const engines = core.hub.world().hosts.flatMap((h) => h.engines);
      const docker = engines.find((e) => e.kind === 'docker');
      const m = process.memoryUsage();
      send({ type: 'memory', rss: m.rss, heapUsed: m.heapUsed, external: m.external, containers: docker?.containers.length ?? 0, dockerState: docker?.status.state ?? 'absent', frames, frameBytes });
    });
  });
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
