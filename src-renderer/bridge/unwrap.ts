/** Errors cross every transport as data (InvokeResult); here they become real Errors again. */
import type { InvokeResult } from '../../src-main/contract';

export class InvokeError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'InvokeError';
    this.code = code;
  }
}

export function unwrap<T>(result: InvokeResult<T>): T {
  if (result.ok) return result.value;
  throw new InvokeError(result.error.message, result.error.code);
}
