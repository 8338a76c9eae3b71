// libvirt's numeric constants, mirrored here so they exist even when the addon is unavailable.
// test/constants.test.ts checks each against the values compiled into the addon.

/** virDomainState. */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;

/** virDomainSnapshotCreateFlags, for Connection.createSnapshot. */
export const SnapshotCreateFlags = {
  REDEFINE: 1 << 0,
  CURRENT: 1 << 1,
  NO_METADATA: 1 << 2,
  HALT: 1 << 3,
  DISK_ONLY: 1 << 4,
  REUSE_EXT: 1 << 5,
  QUIESCE: 1 << 6,
  ATOMIC: 1 << 7,
  LIVE: 1 << 8,
  VALIDATE: 1 << 9,
} as const;

/** virDomainSnapshotRevertFlags, for Connection.revertToSnapshot. */
export const SnapshotRevertFlags = {
  RUNNING: 1 << 0,
  PAUSED: 1 << 1,
  FORCE: 1 << 2,
  RESET_NVRAM: 1 << 3,
} as const;

/** virDomainSnapshotDeleteFlags (deleteSnapshot's options map onto these). */
export const SnapshotDeleteFlags = {
  CHILDREN: 1 << 0,
  METADATA_ONLY: 1 << 1,
  CHILDREN_ONLY: 1 << 2,
} as const;

/** virDomainXMLFlags (domainXml's options map onto these). */
export const DomainXmlFlags = {
  SECURE: 1 << 0,
  INACTIVE: 1 << 1,
} as const;

/** virDomainUndefineFlagsValues (undefine's options map onto these). */
export const UndefineFlags = {
  MANAGED_SAVE: 1 << 0,
  SNAPSHOTS_METADATA: 1 << 1,
  NVRAM: 1 << 2,
  KEEP_NVRAM: 1 << 3,
  CHECKPOINTS_METADATA: 1 << 4,
} as const;

/** virDomainEventType: the `event` number of a DomainEvent. */
export const DomainEventType = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  SUSPENDED: 3,
  RESUMED: 4,
  STOPPED: 5,
  SHUTDOWN: 6,
  PMSUSPENDED: 7,
  CRASHED: 8,
} as const;

/** virConnectCloseReason, as the strings onClose reports. */
export const CloseReason = {
  ERROR: 0,
  EOF: 1,
  KEEPALIVE: 2,
  CLIENT: 3,
} as const;

/** Event names indexed by virDomainEventType. */
export const EVENT_NAMES = [
  'defined',
  'undefined',
  'started',
  'suspended',
  'resumed',
  'stopped',
  'shutdown',
  'pmsuspended',
  'crashed',
] as const;

/** Close reasons indexed by virConnectCloseReason. */
export const CLOSE_REASONS = ['error', 'eof', 'keepalive', 'client'] as const;
