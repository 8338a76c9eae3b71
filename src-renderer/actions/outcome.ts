/**
 * What an action's answer says to the user, as data the panel and the notices draw: the core's own
 * message verbatim (it already says what happened and what state the tenant is in), the error code
 * where it helps someone look the failure up, and the one follow-up an answer can offer (libvirt's
 * "revert only when forced" → Force revert).
 */
import type { Action, ActionDone } from '../../src-main/contract';
import type { Selection } from '../state/world';

export interface FollowUp {
  label: string;
  action: Action;
}

export interface Outcome {
  /** Unique per answer, so a newer outcome replaces an older one and a timer removes the right one. */
  id: number;
  /** tenantKey of the tenant it is about. */
  key: string;
  /** The tenant it is about (named in notices away from the panel; a follow-up acts on it). */
  tenant: Selection;
  ok: boolean;
  message: string;
  /** A code worth showing beside the message ("libvirt error 55"), or null. */
  code: string | null;
  /** A sentence of ours added to the core's message, where the transport failed rather than the engine. */
  note: string | null;
  followUp: FollowUp | null;
}

export type OutcomeBody = Omit<Outcome, 'id' | 'key' | 'tenant'>;

export function succeeded(done: ActionDone): OutcomeBody {
  return { ok: true, message: done.message, code: null, note: null, followUp: null };
}

/**
 * Codes whose meaning the message already carries are not repeated; an engine's own code is shown,
 * because that is what its documentation and search engines know.
 */
export function codeText(code: string | undefined): string | null {
  if (code === undefined) return null;
  const engine = /^(docker|libvirt):(-?\d+)$/.exec(code);
  if (engine) return `${engine[1] === 'docker' ? 'Docker' : 'libvirt'} error ${engine[2]}`;
  if (code === 'connection-lost') return 'connection lost';
  if (code === 'not-supported') return 'not supported';
  return null;
}

export function failed(error: unknown, action: Action): OutcomeBody {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return {
    ok: false,
    message: message || 'The action failed without a message.',
    code: codeText(code),
    note:
      code === 'disconnected'
        ? 'The connection to Neighborhood dropped while the action ran: it may or may not have happened. The map shows what the engine reports once the connection is back.'
        : null,
    followUp:
      code === 'revert-risky' && action.kind === 'snapshot-revert' && !action.force
        ? { label: `Force revert to “${action.name}”`, action: { ...action, force: true } }
        : null,
  };
}
