/**
 * Every payload that enters main — over Electron IPC or the WebSocket — is checked here before a
 * handler sees it. One schema per channel; an unknown channel or a bad payload is refused with a
 * clear message and changes nothing.
 */
import { z } from 'zod';
import type { InvokeChannel, RequestOf } from '../contract';

export const settingsSchema = z
  .object({
    sampleIntervalSeconds: z.number().int('must be a whole number of seconds').min(1, 'must be at least 1 second').max(60, 'must be at most 60 seconds'),
  })
  .strict();

const requestSchemas = {
  'world:get': z.null(),
  'settings:get': z.null(),
  'settings:set': settingsSchema.partial().strict(),
} satisfies { [C in InvokeChannel]: z.ZodType<RequestOf<C>> };

export class ValidationError extends Error {
  readonly code = 'invalid-request';
}

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(requestSchemas, channel);
}

/** The request, typed, or a ValidationError naming what is wrong. */
export function validateRequest<C extends InvokeChannel>(channel: C, request: unknown): RequestOf<C> {
  const result = requestSchemas[channel].safeParse(request);
  if (!result.success) {
    const detail = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')} ${i.message}` : i.message)).join('; ');
    throw new ValidationError(`Invalid request for ${channel}: ${detail}`);
  }
  return result.data;
}
