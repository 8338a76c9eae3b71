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
    slowWhenHidden: z.boolean(),
  })
  .strict();

// Bounds only: the text rules for snapshot names and descriptions (with their reasons) are checked by
// the adapter against the VM's own snapshots, the same rules the take dialog shows while typing.
const engineId = z.string().min(1).max(1000);
const containerId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'must be a container id');
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a UUID');
const snapshotName = z.string().max(1000);
const description = z.string().max(20_000);

export const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('container'), engineId, containerId, op: z.enum(['start', 'stop', 'restart', 'pause', 'unpause', 'remove']), force: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('vm'), engineId, uuid, op: z.enum(['start', 'shutdown', 'destroy', 'reboot', 'suspend', 'resume']) }).strict(),
  z.object({ kind: z.literal('snapshot-create'), engineId, uuid, name: snapshotName, description, memory: z.boolean() }).strict(),
  z.object({ kind: z.literal('snapshot-revert'), engineId, uuid, name: snapshotName, force: z.boolean() }).strict(),
  z.object({ kind: z.literal('snapshot-delete'), engineId, uuid, name: snapshotName, children: z.boolean() }).strict(),
  z.object({ kind: z.literal('snapshot-describe'), engineId, uuid, name: snapshotName, description }).strict(),
]);

// ── engine configurations (the Engines dialog, and the settings file) ──
const absolutePath = z.string().min(1).max(4096).refine((p) => p.startsWith('/'), 'must be an absolute path');
const engineName = z.string().trim().min(1, 'needs a name').max(100, 'can have at most 100 characters');

/** A URL whose parse does not throw and that names a host (tcp://, ssh://). */
const hostUrl = (text: string): boolean => {
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
};

/** No password in an address: it would be kept in the settings file in clear (ssh uses keys and the agent). */
const withoutPassword = (text: string): boolean => {
  try {
    return new URL(text).password === '';
  } catch {
    return !/^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(text);
  }
};
const NO_PASSWORD = 'must not carry a password (it would be stored in clear): use an SSH key or TLS files';

const dockerUrl = z
  .string()
  .max(2000)
  .refine((u) => /^unix:\/\/\/./.test(u) || ((u.startsWith('tcp://') || u.startsWith('ssh://')) && hostUrl(u)), 'must be unix:///path/to.sock, tcp://host:port or ssh://user@host')
  .refine(withoutPassword, NO_PASSWORD);

export const engineConfigSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['docker', 'podman']),
      name: engineName,
      url: dockerUrl,
      tls: z.object({ ca: absolutePath, cert: absolutePath, key: absolutePath }).strict().nullable().optional(),
      ssh: z.object({ identityFile: absolutePath.nullable().optional(), knownHostsFile: absolutePath.nullable().optional() }).strict().nullable().optional(),
    })
    .strict()
    .refine((c) => !c.tls || c.url.startsWith('tcp://'), { message: 'TLS files go with a tcp:// URL', path: ['tls'] })
    .refine((c) => !c.ssh || c.url.startsWith('ssh://'), { message: 'SSH options go with an ssh:// URL', path: ['ssh'] }),
  z
    .object({
      kind: z.literal('libvirt'),
      name: engineName,
      uri: z
        .string()
        .max(2000)
        .regex(/^[a-z][a-z0-9+.-]*:\/\//i, 'must be a libvirt URI such as qemu:///system or qemu+ssh://user@host/system')
        .refine(withoutPassword, NO_PASSWORD),
    })
    .strict(),
]);

const requestSchemas = {
  'world:get': z.null(),
  'settings:get': z.null(),
  'settings:set': settingsSchema.partial().strict(),
  'action:run': actionSchema,
  'view:visibility': z.object({ visible: z.boolean() }).strict(),
  'engines:list': z.null(),
  'engines:add': engineConfigSchema,
  'engines:test': engineConfigSchema,
  'engines:rename': z.object({ id: engineId, name: engineName }).strict(),
  'engines:remove': z.object({ id: engineId }).strict(),
  'history:get': z.object({ key: z.string().min(1).max(2100) }).strict(),
  'history:tails': z.object({ keys: z.array(z.string().min(1).max(2100)).max(5000), points: z.number().int().min(1).max(900) }).strict(),
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
