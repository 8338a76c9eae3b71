/**
 * A WebSocket client written by hand over TCP, for what a well-behaved library will not do: frames
 * with reserved bits, unmasked frames, lengths that lie, and a client that sends and never reads.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameOptions {
  opcode: number;
  payload: Buffer;
  fin?: boolean;
  rsv?: number;
  mask?: boolean;
  /** Announce this length instead of the payload's own. */
  claimedLength?: number;
}

export function encodeFrame({ opcode, payload, fin = true, rsv = 0, mask = true, claimedLength }: FrameOptions): Buffer {
  const length = claimedLength ?? payload.length;
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = mask ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!mask) return Buffer.concat([Buffer.from(head), extended, payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i += 1) body[i] = body[i]! ^ key[i % 4]!;
  return Buffer.concat([Buffer.from(head), extended, key, body]);
}

export interface CloseSeen {
  /** The code of the server's close frame, or null when the connection ended without one. */
  code: number | null;
  reason: string;
}

export class RawWs {
  readonly messages: string[] = [];
  messageCount = 0;
  receivedBytes = 0;
  #buffer: Buffer = Buffer.alloc(0);
  #close: CloseSeen | null = null;
  #ended = false;
  readonly #waiters = new Set<() => void>();

  private constructor(
    readonly socket: Socket,
    private readonly keepMessages: boolean,
  ) {
    socket.on('data', (chunk) => this.#receive(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#ended = true;
      this.#notify();
    });
  }

  static open(port: number, path: string, headers: Record<string, string>, keepMessages = true): Promise<RawWs> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => {
        const lines = [
          `GET ${path} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        ];
        socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      });
      let head = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const status = head.subarray(0, end).toString('latin1').split('\r\n')[0] ?? '';
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${status}`));
          return;
        }
        socket.off('error', reject);
        const ws = new RawWs(socket, keepMessages);
        if (head.length > end + 4) ws.#receive(head.subarray(end + 4));
        resolve(ws);
      };
      socket.on('data', onData);
    });
  }

  /** False once the connection is gone, or writing failed. */
  get writable(): boolean {
    return !this.#ended && !this.socket.destroyed && this.socket.writable;
  }

  send(frame: Buffer): boolean {
    if (!this.writable) return false;
    return this.socket.write(frame);
  }

  sendText(text: string): boolean {
    return this.send(encodeFrame({ opcode: 1, payload: Buffer.from(text) }));
  }

  invoke(id: unknown, channel: unknown, request: unknown = null): boolean {
    return this.sendText(JSON.stringify({ kind: 'invoke', id, channel, request }));
  }

  /** Resolves at the server's close frame or the end of the connection, whichever comes first. */
  closed(timeoutMs = 10_000): Promise<CloseSeen & { ended: boolean }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.#close || this.#ended) {
          this.#waiters.delete(check);
          clearTimeout(timer);
          resolve({ ...(this.#close ?? { code: null, reason: '' }), ended: this.#ended });
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`the server did not close the socket within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.#waiters.add(check);
    });
  }

  /** Resolves with the next message matching `test`. */
  async next(test: (message: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(test);
      if (found !== undefined) return found;
      if (this.#ended || this.#close) throw new Error(`closed before the message came (close ${this.#close?.code})`);
      if (Date.now() > deadline) throw new Error('no such message in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  #receive(chunk: Buffer): void {
    this.receivedBytes += chunk.length;
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    for (;;) {
      const b = this.#buffer;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      let length = b[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (b.length < 4) return;
        length = b.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (b.length < 10) return;
        length = Number(b.readBigUInt64BE(2));
        offset = 10;
      }
      if (b.length < offset + length) return;
      const payload = b.subarray(offset, offset + length);
      this.#buffer = b.subarray(offset + length);
      if (opcode === 0x8) {
        this.#close = { code: payload.length >= 2 ? payload.readUInt16BE(0) : null, reason: payload.subarray(2).toString('utf8') };
        this.#notify();
      } else if (opcode === 0x1) {
        this.messageCount += 1;
        if (this.keepMessages) this.messages.push(payload.toString('utf8'));
      }
    }
  }
}
