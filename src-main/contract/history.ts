/**
 * What the core remembers of each tenant and host: the last 15 minutes at sample resolution and the last
 * 24 hours in 5-minute buckets (see core/history). Keys: `${engineId}/${tenantId}` for a tenant,
 * `host:${hostId}` for a host (src-main/shared/history-keys builds them). Types only.
 */

export interface HistoryPoint {
  /** Epoch ms. */
  t: number;
  /** CPU cores in use. */
  cpu: number;
  /** Memory in use, bytes. */
  memory: number;
  /** Network, both directions, bytes per second. */
  net: number;
  /** Block I/O, both directions, bytes per second. */
  block: number;
}

/** A 5-minute bucket: the means of its samples, and its busiest moment's CPU. */
export interface HistoryBucket extends HistoryPoint {
  cpuPeak: number;
  samples: number;
}

export interface TenantHistory {
  /** When the core first saw figures for it ("history since …"). */
  since: number;
  recent: HistoryPoint[];
  day: HistoryBucket[];
}
