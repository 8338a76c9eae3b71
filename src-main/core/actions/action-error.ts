/**
 * A failed action, as data the renderer can act on: the message says what happened (the engine's own
 * words where the engine refused) and the code says what kind of failure it was (see ActionErrorCode, or
 * `docker:<status>` / `libvirt:<code>` for an engine's own refusal).
 */
import type { ActionErrorCode } from '../../contract';

export class ActionError extends Error {
  constructor(
    message: string,
    readonly code: ActionErrorCode | `docker:${number}` | `libvirt:${number}`,
  ) {
    super(message);
    this.name = 'ActionError';
  }
}
