/**
 * A TCP port on loopback in front of a unix socket or another port, that a test can take down and bring
 * back: 'forward' passes bytes both ways, 'stall' accepts connections and never answers (a remote engine
 * that hangs), 'closed' refuses them (one that is gone). Every change of mode cuts the connections open
 * at that moment, as a dying link would. The port stays the same across modes.
 */
import net from 'node:net';

export type ForwardMode = 'forward' | 'stall' | 'closed';
type Target = { path: string } | { port: number; host?: string };

export class TcpForward {
  private server: net.Server | null = null;
  private readonly open = new Set<net.Socket>();
  private mode: ForwardMode = 'forward';
  port = 0;

  /** `listenHost`: any loopback address (127.0.0.0/8), e.g. 127.0.0.2 to reach a server by a name its certificate lacks. */
  constructor(
    private readonly target: Target,
    private readonly listenHost = '127.0.0.1',
  ) {}

  async start(): Promise<this> {
    await this.listen();
    return this;
  }

  get url(): string {
    return `tcp://${this.listenHost}:${this.port}`;
  }

  async setMode(mode: ForwardMode): Promise<void> {
    this.mode = mode;
    for (const s of this.open) s.destroy();
    this.open.clear();
    if (mode === 'closed') await this.unlisten();
    else if (!this.server) await this.listen();
  }

  async stop(): Promise<void> {
    await this.setMode('closed');
  }

  private track(socket: net.Socket): void {
    this.open.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.open.delete(socket));
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => {
      this.track(client);
      if (this.mode !== 'forward') return; // stalled: held open, never answered
      const upstream = 'path' in this.target ? net.connect(this.target.path) : net.connect(this.target.port, this.target.host ?? '127.0.0.1');
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.on('error', () => undefined);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.listenHost, () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private unlisten(): Promise<void> {
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
