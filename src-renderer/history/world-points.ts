/**
 * Walking a world for history: every tenant's key (`${engineId}/${tenantId}`, the core's) and its point
 * at the world's time, for whoever keeps histories up to date from frames. Pure.
 */
import type { HistoryPoint, World } from '../../src-main/contract';
import { tenantHistoryKey } from '../../src-main/shared/history-keys';
import { containerPoint, vmPoint } from './points';

/** Calls `visit` for each tenant whose key `wanted` holds and that has figures in `world`. */
export function eachWantedPoint(world: World, wanted: (key: string) => boolean, visit: (key: string, point: HistoryPoint) => void): void {
  const t = world.at;
  for (const host of world.hosts) {
    for (const engine of host.engines) {
      for (const c of engine.containers) {
        const key = tenantHistoryKey(engine.id, c.id);
        if (!wanted(key)) continue;
        const p = containerPoint(c, t);
        if (p) visit(key, p);
      }
      for (const vm of engine.vms) {
        const key = tenantHistoryKey(engine.id, vm.uuid);
        if (!wanted(key)) continue;
        const p = vmPoint(vm, t);
        if (p) visit(key, p);
      }
    }
  }
}
