/**
 * The one predicate that decides "the connection is lost" for the libvirt adapter. libvirt's error
 * codes alone cannot tell (after EOF calls fail with code 1, an internal error), so where the code does
 * not settle it, libvirt itself is asked whether the connection is alive. A call past its deadline is a
 * lost connection by definition: a libvirtd that answers keepalive but not calls is no use to the map.
 */
import type { Connection } from '@neighborhood/libvirt';

/** The binding's code for a call past its deadline (not a libvirt code; see the binding's ErrorCode). */
export const DEADLINE_EXCEEDED = -2;
/** The binding's code for a call on a connection it has closed. */
const INVALID_CONN = 6;

const codeOf = (err: unknown): number | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/** Decided by the error alone, where it can be: true (lost), false (the call's own), null (ask libvirt). */
export function connectionLossFromError(err: unknown): boolean | null {
  const code = codeOf(err);
  if (code === DEADLINE_EXCEEDED || code === INVALID_CONN) return true;
  return null;
}

export async function isLibvirtConnectionLoss(conn: Pick<Connection, 'isAlive'>, err: unknown): Promise<boolean> {
  const known = connectionLossFromError(err);
  if (known !== null) return known;
  return !(await conn.isAlive().catch(() => false));
}
