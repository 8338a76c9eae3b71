/**
 * A second client of browser mode, beside the page: it invokes channels exactly as the renderer does
 * (over the WebSocket), so a spec can read what main holds (the engine list) and tidy up after itself
 * whatever the page did or failed to do.
 */
import WebSocket from 'ws';
import type { InvokeChannel, InvokeResult, RequestOf, ResponseOf } from '../../src-main/contract';
import { server } from './server';

export class BridgeSocket {
  #nextId = 1;
  readonly #waiting = new Map<number, (result: InvokeResult<unknown>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { kind: string; id: number; result: InvokeResult<unknown> };
      if (m.kind === 'result') this.#waiting.get(m.id)?.(m.result);
    });
  }

  /** To the global setup's server. */
  static async open(): Promise<BridgeSocket> {
    const { port, token, prefix } = server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}${prefix}ws?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new BridgeSocket(ws);
  }

  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<InvokeResult<ResponseOf<C>>> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve as (result: InvokeResult<unknown>) => void);
      this.ws.send(JSON.stringify({ kind: 'invoke', id, channel, request }));
    });
  }

  /** The value, or an Error with main's message. */
  async call<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await this.invoke(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  close(): void {
    this.ws.close();
  }
}
