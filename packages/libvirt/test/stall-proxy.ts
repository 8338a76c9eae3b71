// A unix-socket proxy in front of libvirtd's socket that can stop forwarding bytes in both
// directions (stall) and start again (resume): a libvirtd that still holds the connection but
// answers nothing, without touching the real daemon. Connect with
// `qemu+unix:///system?socket=<proxy.path>`.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LIBVIRT_SOCKET = '/var/run/libvirt/libvirt-sock';

export interface StallProxy {
  /** The proxy's socket path. */
  readonly path: string;
  /** Stops forwarding (bytes are held, in order, until resume). */
  stall(): void;
  /** Forwards what was held, then everything as it comes. */
  resume(): void;
  /** Drops every connection and removes the socket. */
  close(): Promise<void>;
}

interface Direction {
  to: net.Socket;
  held: Buffer[];
}

/** `unref`: neither the server nor its sockets keep the process alive (for processes that must exit by themselves). */
export async function startStallProxy(options: { target?: string; unref?: boolean } = {}): Promise<StallProxy> {
  const target = options.target ?? LIBVIRT_SOCKET;
  const dir = mkdtempSync(join(tmpdir(), 'nbh-stall-'));
  const path = join(dir, 'libvirt-sock');
  const sockets = new Set<net.Socket>();
  const directions = new Set<Direction>();
  let stalled = false;

  const forward = (from: net.Socket, to: net.Socket): void => {
    const d: Direction = { to, held: [] };
    directions.add(d);
    from.on('data', (chunk: Buffer) => {
      if (stalled) d.held.push(chunk);
      else to.write(chunk);
    });
    from.on('close', () => directions.delete(d));
  };

  const server = net.createServer((client) => {
    const upstream = net.createConnection(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined); // the peer's 'close' below tears the pair down
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      if (options.unref) s.unref();
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  if (options.unref) server.unref();

  return {
    path,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const d of directions) {
        for (const chunk of d.held.splice(0)) d.to.write(chunk);
      }
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
