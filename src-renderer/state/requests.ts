/**
 * What the open context menu and the open dialog are about. Requests name the tenant (and snapshot)
 * rather than hold them: the menu and the dialog look them up again in every frame, so what they say
 * follows the live state, and a tenant that vanished meanwhile is said to be gone.
 */
import type { LifecycleOp } from '../actions/lifecycle';
import type { Selection } from './world';

export type VmSelection = Extract<Selection, { kind: 'vm' }>;

export interface MenuRequest {
  tenant: Selection;
  /** Where the menu opens, in window coordinates: the pointer, or below the focused tenant. */
  at: { x: number; y: number };
}

export type DialogRequest =
  | { kind: 'lifecycle'; tenant: Selection; op: LifecycleOp }
  | { kind: 'take'; tenant: VmSelection }
  | { kind: 'revert' | 'delete' | 'describe'; tenant: VmSelection; snapshot: string };
