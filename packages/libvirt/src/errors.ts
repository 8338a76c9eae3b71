// LibvirtError: what every failed call rejects with, carrying libvirt's virError fields.

/** A failed libvirt call: libvirt's error code (virErrorNumber), domain (virErrorDomain), level and message. */
export class LibvirtError extends Error {
  /**
   * virErrorNumber, e.g. 42 (VIR_ERR_NO_DOMAIN); negative for the binding's own conditions:
   * -1 the binding is unavailable, -2 libvirt did not answer within the call's deadline.
   */
  readonly code: number;
  /** virErrorDomain: which part of libvirt raised it, e.g. 10 (VIR_FROM_QEMU), 12 (VIR_FROM_TEST). */
  readonly domain: number;
  /** virErrorLevel: 1 warning, 2 error. */
  readonly level: number;

  constructor(message: string, code: number, domain = 0, level = 2) {
    super(message);
    this.name = 'LibvirtError';
    this.code = code;
    this.domain = domain;
    this.level = level;
  }

  /** Converts what the native layer rejected with (an Error with code/domain/level) into a LibvirtError. */
  static from(err: unknown): LibvirtError {
    if (err instanceof LibvirtError) return err;
    const e = err as { message?: unknown; code?: unknown; domain?: unknown; level?: unknown; libvirt?: unknown };
    if (e && e.libvirt === true && typeof e.code === 'number') {
      return new LibvirtError(String(e.message), e.code, Number(e.domain), Number(e.level));
    }
    // A TypeError from argument checks, or anything unexpected: keep it as the cause.
    const wrapped = new LibvirtError(err instanceof Error ? err.message : String(err), ErrorCode.INTERNAL_ERROR);
    (wrapped as { cause?: unknown }).cause = err;
    return wrapped;
  }
}

/** The libvirt error codes (virErrorNumber) callers most often branch on. */
export const ErrorCode = {
  UNAVAILABLE: -1, // not a libvirt code: the binding could not be built or loaded
  DEADLINE_EXCEEDED: -2, // not a libvirt code: libvirt did not answer within the call's deadline
  INTERNAL_ERROR: 1,
  NO_SUPPORT: 3,
  NO_CONNECT: 5,
  INVALID_CONN: 6, // also used by this binding for calls on a closed connection
  INVALID_ARG: 8,
  OPERATION_FAILED: 9,
  XML_ERROR: 27,
  DOM_EXIST: 28,
  OPERATION_DENIED: 29, // e.g. a write on a read-only connection
  XML_DETAIL: 35, // e.g. an invalid snapshot name ('/' in it, or a leading '.')
  SYSTEM_ERROR: 38,
  RPC: 39,
  NO_DOMAIN: 42,
  AUTH_FAILED: 45,
  OPERATION_INVALID: 55,
  CONFIG_UNSUPPORTED: 67, // e.g. an internal snapshot of a raw disk, or of a running VM with pflash firmware
  OPERATION_TIMEOUT: 68, // e.g. another job held the domain's state-change lock for 30 s
  INVALID_DOMAIN_SNAPSHOT: 71,
  NO_DOMAIN_SNAPSHOT: 72,
  SNAPSHOT_REVERT_RISKY: 77, // the revert needs SnapshotRevertFlags.FORCE
  OPERATION_ABORTED: 78, // a domain job (e.g. a snapshot) was aborted
  OPERATION_UNSUPPORTED: 84,
  AGENT_UNRESPONSIVE: 86, // e.g. a QUIESCE snapshot without a responding guest agent
} as const;
