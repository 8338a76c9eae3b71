/**
 * What an apartment's element says about its container: its accessible name, its state and any action
 * running on it (how it looks is painted: facade-plan). A frame changes most running containers' figures, but most of those changes do not reach
 * these words (CPU that stays "<0.1%", memory that rounds the same), so the view is compared, not the
 * container, and an element is touched only when what it says changed.
 */
import type { Container, TenantActivity } from '../../src-main/contract';
import { containerLabel } from './tenant-text';

export interface ApartmentView {
  label: string;
  state: Container['state'];
  activity: TenantActivity | null;
}

export function apartmentView(container: Container): ApartmentView {
  return { label: containerLabel(container), state: container.state, activity: container.activity };
}

/** The same action, as far as the map shows it (a new frame brings a new object for the same action). */
export const sameActivity = (a: TenantActivity | null, b: TenantActivity | null): boolean =>
  a === b || (a !== null && b !== null && a.label === b.label && a.action === b.action && a.since === b.since && a.queued === b.queued);

export function sameView(a: ApartmentView, b: ApartmentView): boolean {
  return a.label === b.label && a.state === b.state && sameActivity(a.activity, b.activity);
}
