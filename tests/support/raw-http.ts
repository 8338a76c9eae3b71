/**
 * HTTP spoken by hand over TCP, for the requests no client library will send: `GET //`, garbage, a
 * request line with no version, half a request line and then silence.
 */
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  /** The status of the first response line, or null when none came. */
  status: number | null;
  text: string;
  /** Whether the server ended the connection (rather than the wait running out). */
  closedByServer: boolean;
}

export function rawExchange(port: number, data: string | Buffer, waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(data));
    const chunks: Buffer[] = [];
    let closedByServer = false;
    const finish = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3}) /.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text, closedByServer });
    };
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // One complete answer is enough; keep-alive would otherwise hold the socket open.
      const text = Buffer.concat(chunks).toString('latin1');
      const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text);
      const head = text.indexOf('\r\n\r\n');
      if (length && head >= 0 && text.length >= head + 4 + Number(length[1])) socket.destroy();
    });
    socket.on('end', () => (closedByServer = true));
    socket.on('error', () => (closedByServer = true));
    socket.on('close', () => {
      clearTimeout(timer);
      finish();
    });
  });
}

/** Opens a connection, sends `data` and leaves it there; resolves once connected. */
export function stallingConnection(port: number, data: string): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (chunk) => (got += chunk.toString('latin1')));
    socket.on('error', () => {});
    const closed = new Promise<string>((r) => socket.on('close', () => r(got)));
    socket.once('connect', () => {
      socket.write(data);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}
