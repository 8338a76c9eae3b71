/**
 * One browser tab's WebSocket, speaking the contract: invokes go to the api (which validates them),
 * events are pushed. A slow tab skips world frames rather than letting them pile up in memory.
 */
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../contract';
import { EVENT_CHANNELS } from '../channels';
import type { Api } from '../core/api';

/** Past this many unsent bytes a tab is behind: drop frames until it catches up (the next one supersedes). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export function attachSession(socket: WebSocket, api: Api): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const unsubscribers = EVENT_CHANNELS.map((event) =>
    api.on(event, (payload) => {
      if (event === 'world:frame' && socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
      send({ kind: 'event', event, payload });
    }),
  );

  socket.on('message', (data, isBinary) => {
    let message: unknown;
    try {
      message = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      message = undefined;
    }
    const m = message as { kind?: unknown; id?: unknown; channel?: unknown; request?: unknown } | undefined;
    if (!m || m.kind !== 'invoke' || typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) {
      // Nothing to answer to: the message is not a request of ours.
      socket.close(1003, 'expected {kind:"invoke", id, channel, request}');
      return;
    }
    const id = m.id;
    void api.invoke(m.channel, m.request).then((result) => send({ kind: 'result', id, result }));
  });

  socket.on('close', () => {
    for (const off of unsubscribers) off();
  });
}
