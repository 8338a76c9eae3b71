/** Waiting on the hub's frames: resolves with the first world that satisfies a predicate, and how long it took. */
import type { World } from '../../src-main/contract';
import type { Hub } from '../../src-main/core/hub';

export function waitForWorld(hub: Hub, predicate: (world: World) => boolean, timeoutMs: number, what = 'the world to change'): Promise<{ world: World; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const done = (world: World) => {
      off();
      clearTimeout(timer);
      resolve({ world, ms: performance.now() - started });
    };
    const off = hub.onFrame((world) => {
      if (predicate(world)) done(world);
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    if (predicate(hub.world())) done(hub.world());
  });
}

export const allContainers = (world: World) => world.hosts.flatMap((h) => h.engines.flatMap((e) => e.containers));
export const containerNamed = (world: World, name: string) => allContainers(world).find((c) => c.name === name);
export const engineOfKind = (world: World, kind: string) => world.hosts.flatMap((h) => h.engines).find((e) => e.kind === kind);
