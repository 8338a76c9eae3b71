/**
 * The WebSocket wire format (ClientMessage / ServerMessage JSON), both ways. Incoming text is parsed
 * without throwing into an invoke or a close reason. Outgoing world frames are serialised once for every
 * client, and a `world:get` answer that is the current frame reuses those bytes: 32 tabs and a flood of
 * `world:get` cost one JSON.stringify per frame, not one per message.
 */
import type { EventChannel, InvokeResult } from '../contract';

export type Incoming =
  | { ok: true; id: number; channel: string; request: unknown }
  | { ok: false; code: 1003; reason: string };

const SHAPE = 'expected {"kind":"invoke","id":<integer>,"channel":<string>,"request":…}';

export function parseIncoming(data: unknown, isBinary: boolean): Incoming {
  if (isBinary) return { ok: false, code: 1003, reason: 'binary messages are not accepted' };
  let text: string;
  try {
    text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data as Buffer[]).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
  } catch {
    return { ok: false, code: 1003, reason: 'unreadable message' };
  }
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { ok: false, code: 1003, reason: 'message is not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, code: 1003, reason: SHAPE };
  const m = message as Record<string, unknown>;
  if (m.kind !== 'invoke' || typeof m.id !== 'number' || !Number.isSafeInteger(m.id) || typeof m.channel !== 'string') {
    return { ok: false, code: 1003, reason: SHAPE };
  }
  return { ok: true, id: m.id, channel: m.channel, request: m.request };
}

const FAILED: InvokeResult<never> = { ok: false, error: { message: 'The result could not be encoded', code: 'internal' } };

export class Wire {
  /** World object → its JSON. Worlds are never mutated after publication (the hub builds a new one). */
  readonly #worldJson = new WeakMap<object, string>();
  /** World object → the whole `world:frame` event, as the bytes every socket sends. */
  readonly #frameBytes = new WeakMap<object, Buffer>();
  /** How many worlds were serialised (tests prove the sharing with it). */
  worldsSerialised = 0;

  #world(world: object): string {
    let json = this.#worldJson.get(world);
    if (json === undefined) {
      json = JSON.stringify(world);
      this.worldsSerialised += 1;
      this.#worldJson.set(world, json);
    }
    return json;
  }

  /** The event message; null when the payload cannot be encoded (nothing is sent). */
  event(event: EventChannel, payload: unknown): Buffer | null {
    try {
      if (event === 'world:frame' && typeof payload === 'object' && payload !== null) {
        let bytes = this.#frameBytes.get(payload);
        if (bytes === undefined) {
          bytes = Buffer.from(`{"kind":"event","event":"world:frame","payload":${this.#world(payload)}}`);
          this.#frameBytes.set(payload, bytes);
        }
        return bytes;
      }
      return Buffer.from(JSON.stringify({ kind: 'event', event, payload }));
    } catch {
      return null;
    }
  }

  result(id: number, channel: string, result: InvokeResult<unknown>): Buffer {
    try {
      if (channel === 'world:get' && result.ok && typeof result.value === 'object' && result.value !== null) {
        return Buffer.from(`{"kind":"result","id":${id},"result":{"ok":true,"value":${this.#world(result.value)}}}`);
      }
      return Buffer.from(JSON.stringify({ kind: 'result', id, result }));
    } catch {
      return Buffer.from(JSON.stringify({ kind: 'result', id, result: FAILED }));
    }
  }
}
