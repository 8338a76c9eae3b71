/**
 * A second client of browser mode, beside the page: it sends actions exactly as the renderer does
 * (`action:run` over the WebSocket), including ones the page would never send — a refused name, a
 * duplicate — to show that main refuses them before libvirt is asked.
 */
import WebSocket from 'ws';
import type { Action, ActionDone, InvokeResult } from '../../src-main/contract';
import { server } from './server';

export class ActionSocket {
  #nextId = 1;
  readonly #waiting = new Map<number, (result: InvokeResult<ActionDone>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { kind: string; id: number; result: InvokeResult<ActionDone> };
      if (m.kind === 'result') this.#waiting.get(m.id)?.(m.result);
    });
  }

  static async open(): Promise<ActionSocket> {
    const { port, token, prefix } = server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}${prefix}ws?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new ActionSocket(ws);
  }

  act(action: Action): Promise<InvokeResult<ActionDone>> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ kind: 'invoke', id, channel: 'action:run', request: action }));
    });
  }

  close(): void {
    this.ws.close();
  }
}
