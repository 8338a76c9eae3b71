/**
 * One browser tab's WebSocket, speaking the contract: invokes go to the api (which validates them),
 * events are pushed. Nothing a client does can make the server hold more than a bounded amount for it:
 * - a message over the size cap, a malformed frame or invalid UTF-8: ws closes the socket (1009, 1002,
 *   1007) and reports an 'error', which is listened for, so it is a close and never a crash;
 * - a binary or malformed message: close 1003 with the reason;
 * - more than `maxInFlight` invokes unanswered: close 1008;
 * - behind by more than `softBufferedBytes` (the client is not reading): world frames are skipped (the
 *   next supersedes) and results wait, still counted in flight, so a client that keeps asking without
 *   reading reaches the in-flight cap and is closed; behind by more than `hardBufferedBytes` when
 *   anything is due: close 1008 "not reading";
 * - no pong to the previous ping by the next heartbeat: terminated.
 */
import type { WebSocket } from 'ws';
import { EVENT_CHANNELS } from '../channels';
import type { InvokeResult } from '../contract';
import type { Api } from '../core/api';
import { parseIncoming, type Wire } from './wire';

export interface SessionLimits {
  maxInFlight: number;
  softBufferedBytes: number;
  hardBufferedBytes: number;
}

export interface Session {
  /** Called every ping interval: terminates a socket that did not answer the previous ping, pings it otherwise. */
  heartbeat(): void;
  terminate(): void;
}

/** After a close frame, a peer that does not answer (it is not reading) is cut off this much later. */
const CLOSE_GRACE_MS = 2_000;

const INTERNAL: InvokeResult<never> = { ok: false, error: { message: 'Internal error', code: 'internal' } };

export interface SessionDeps {
  api: Api;
  wire: Wire;
  limits: SessionLimits;
  onClose: () => void;
  /** Told when the server closes a client for its behaviour (1008), so an operator can see why tabs drop. */
  log: (message: string) => void;
}

export function attachSession(ws: WebSocket, deps: SessionDeps): Session {
  const { api, wire, limits } = deps;
  // This tab is one view of the map: it says when it is hidden (and sampling slows while none shows it).
  const caller = { view: api.openView() };
  let inFlight = 0;
  let held: Buffer[] = [];
  let answeredPing = true;
  let closing = false;

  const open = () => ws.readyState === ws.OPEN && !closing;

  const closeWith = (code: number, reason: string) => {
    if (closing) return;
    closing = true;
    held = [];
    if (code === 1008) deps.log(`closed a WebSocket: ${code} ${reason}`);
    try {
      ws.close(code, reason);
    } catch {
      ws.terminate();
    }
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  };

  // The socket is behind when unsent bytes pile up; each completed write is a chance to send what waits.
  const write = (bytes: Buffer) => ws.send(bytes, { binary: false }, pump);

  function pump(): void {
    while (held.length > 0 && open() && ws.bufferedAmount <= limits.softBufferedBytes) {
      const next = held.shift()!;
      inFlight -= 1;
      write(next);
    }
  }

  const tooFarBehind = (): boolean => {
    if (ws.bufferedAmount <= limits.hardBufferedBytes) return false;
    closeWith(1008, 'not reading');
    return true;
  };

  const answer = (id: number, channel: string, result: InvokeResult<unknown>) => {
    if (!open() || tooFarBehind()) return;
    const bytes = wire.result(id, channel, result);
    if (held.length > 0 || ws.bufferedAmount > limits.softBufferedBytes) {
      held.push(bytes);
      return;
    }
    inFlight -= 1;
    write(bytes);
  };

  const unsubscribers = EVENT_CHANNELS.map((event) =>
    api.on(event, (payload) => {
      if (!open()) return;
      if (event === 'world:frame' && ws.bufferedAmount > limits.softBufferedBytes) return;
      if (tooFarBehind()) return;
      const bytes = wire.event(event, payload);
      if (bytes) write(bytes);
    }),
  );

  ws.on('error', () => {
    // ws has already decided to close (oversized message, malformed frame, reset): let it.
  });
  ws.on('pong', () => {
    answeredPing = true;
  });

  ws.on('message', (data, isBinary) => {
    if (!open()) return;
    const message = parseIncoming(data, isBinary);
    if (!message.ok) return closeWith(message.code, message.reason);
    if (inFlight >= limits.maxInFlight) {
      return closeWith(1008, held.length > 0 ? 'not reading: too many results owed' : 'too many requests in flight');
    }
    inFlight += 1;
    const { id, channel, request } = message;
    void api.invoke(channel, request, caller).then(
      (result) => answer(id, channel, result),
      () => answer(id, channel, INTERNAL),
    );
  });

  ws.on('close', () => {
    closing = true;
    held = [];
    for (const off of unsubscribers) off();
    caller.view.close();
    deps.onClose();
  });

  return {
    heartbeat() {
      if (!answeredPing) return ws.terminate();
      answeredPing = false;
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    },
    terminate: () => ws.terminate(),
  };
}
