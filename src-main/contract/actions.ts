/**
 * What the map can ask an engine to do (one action channel), and the settings the user can change.
 * Types only.
 */

export interface Settings {
  /** Seconds between samples, 1–60. */
  sampleIntervalSeconds: number;
  /** Sample only every HIDDEN_SAMPLE_SECONDS while no window or tab shows the map (it resumes at once when one does). */
  slowWhenHidden: boolean;
}

export type ContainerOp = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'remove';
/** shutdown asks the guest (ACPI); destroy pulls the plug ("force off"). */
export type VmOp = 'start' | 'shutdown' | 'destroy' | 'reboot' | 'suspend' | 'resume';

/**
 * Everything the map can ask an engine to do, on one channel. Routed by engine id to the adapter that
 * owns the tenant; actions on one tenant run one at a time, in the order asked.
 */
export type Action =
  /** `force` is needed to remove a running container (it is stopped first). */
  | { kind: 'container'; engineId: string; containerId: string; op: ContainerOp; force?: boolean }
  | { kind: 'vm'; engineId: string; uuid: string; op: VmOp }
  /** `memory`: include the running guest's memory (an internal checkpoint); false = disks only. */
  | { kind: 'snapshot-create'; engineId: string; uuid: string; name: string; description: string; memory: boolean }
  /** Asked first without `force`; libvirt may answer `revert-risky`, and the user may then force it. */
  | { kind: 'snapshot-revert'; engineId: string; uuid: string; name: string; force: boolean }
  /** `children`: delete its descendants too (otherwise they are re-parented). */
  | { kind: 'snapshot-delete'; engineId: string; uuid: string; name: string; children: boolean }
  /** Replaces a snapshot's description (libvirt redefine). */
  | { kind: 'snapshot-describe'; engineId: string; uuid: string; name: string; description: string };

export interface ActionDone {
  /** What happened, in words, e.g. "Snapshot “before-upgrade” taken". */
  message: string;
  /** How long the engine took, ms. */
  ms: number;
}

/**
 * The codes a failed action carries besides the engine's own (`docker:409`, `libvirt:55`):
 * `refused` — our own check said no, before the engine was asked (the message says why and the fix);
 * `revert-risky` — libvirt will revert only when forced (its message says why);
 * `connection-lost` — the engine went away during the action (the tenant may or may not have changed);
 * `not-connected`, `not-found`, `not-supported`, `invalid-request`.
 */
export type ActionErrorCode = 'refused' | 'revert-risky' | 'connection-lost' | 'not-connected' | 'not-found' | 'not-supported' | 'invalid-request';
