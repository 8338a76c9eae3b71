/** An action running on a tenant, as the map shows it: a new frame brings a new object for the same action. */
import type { TenantActivity } from '../../src-main/contract';

/** The same action while its label, kind, start and queue are the same. */
export const sameActivity = (a: TenantActivity | null, b: TenantActivity | null): boolean =>
  a === b || (a !== null && b !== null && a.label === b.label && a.action === b.action && a.since === b.since && a.queued === b.queued);
