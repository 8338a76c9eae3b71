/**
 * HTTP over ssh's stdio: each socket of this agent is one `ssh … docker system dial-stdio` child, its
 * stdout read and its stdin written as the socket's two sides. Keep-alive reuses children across calls;
 * `destroy()` (a lost connection, dispose) kills every one. A child that ends before its socket was
 * closed by us ends the socket with the reason from its stderr (see explainSshFailure), so the call in
 * flight fails with "Host key verification failed." in words rather than "socket hang up".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { guardAgent } from './docker-agent';
import { DockerDialError } from './docker-failure';
import type { Explained, SshExit } from './docker-ssh';
import { explainSshSpawnFailure } from './docker-ssh';

/** ssh's stderr kept for the reason: its last few KiB say why. */
const STDERR_KEEP = 8192;
/** A child that ignores SIGTERM this long gets SIGKILL. */
const KILL_GRACE_MS = 2000;

export interface SshDial {
  command: string;
  args: string[];
  explain(stderr: string, exit: SshExit): Explained;
}

/** One ssh child as a socket. Node's http client needs only a Duplex plus a few net.Socket no-ops. */
class ChildSocket extends Duplex {
  private stderr = '';
  private closing = false;
  private exited = false;

  constructor(
    private readonly child: ChildProcess,
    private readonly dial: SshDial,
  ) {
    super({ allowHalfOpen: false });
    // Every stream gets its 'error' listener here: a child that dies makes its pipes fail (EPIPE on
    // stdin), and the child's 'close' below says why. The socket's own errors reach whoever uses it.
    this.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) child.stdout?.pause();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (err) => {
      const why = explainSshSpawnFailure(err);
      this.destroy(new DockerDialError(why.reason, why.hint));
    });
    child.on('close', (code, signal) => {
      this.exited = true;
      if (this.destroyed || this.closing) return;
      if (code === 0) {
        // The remote closed the connection cleanly (an idle keep-alive socket, a finished stream).
        this.push(null);
        return;
      }
      const why = this.dial.explain(this.stderr, { code, signal });
      this.destroy(new DockerDialError(why.reason, why.hint));
    });
  }

  override _read(): void {
    this.child.stdout?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const stdin = this.child.stdin;
    if (!stdin || stdin.destroyed) {
      done();
      return;
    }
    // A write error means the child is gone; its 'close' explains why, so it is not this write's error.
    if (stdin.write(chunk)) done();
    else stdin.once('drain', () => done());
  }

  override _final(done: (error?: Error | null) => void): void {
    this.child.stdin?.end();
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.closing = true;
    if (!this.exited) {
      this.child.kill('SIGTERM');
      const force = setTimeout(() => {
        if (!this.exited) this.child.kill('SIGKILL');
      }, KILL_GRACE_MS);
      force.unref();
      this.child.once('close', () => clearTimeout(force));
    }
    done(error);
  }

  // What Node's http Agent calls on a net.Socket; a pipe to a child has no TCP options to set.
  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setTimeout(): this {
    return this;
  }

  /** An idle keep-alive socket must not keep the process alive; one in use must. */
  ref(): this {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as Socket | null)?.ref?.();
    return this;
  }

  unref(): this {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as Socket | null)?.unref?.();
    return this;
  }
}

export class SshDialAgent extends http.Agent {
  private readonly children = new Set<ChildProcess>();

  constructor(
    private readonly dial: SshDial,
    maxSockets: number,
  ) {
    super({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** ssh children alive now (each socket in use or kept for reuse is one). */
  get liveChildren(): number {
    return this.children.size;
  }

  /** Resolves once every child has exited (after `destroy()` killed them), or after `timeoutMs` regardless. */
  async exited(timeoutMs: number): Promise<void> {
    const waits = [...this.children].map((child) => new Promise<void>((resolve) => child.once('close', () => resolve())));
    if (waits.length === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([Promise.all(waits), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  override createConnection(): Duplex {
    const child = spawn(this.dial.command, this.dial.args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.children.add(child);
    child.once('close', () => this.children.delete(child));
    // Spawn failed: no 'close' follows an 'error' without a process, so forget it here too.
    child.once('error', () => {
      if (child.pid === undefined) this.children.delete(child);
    });
    return new ChildSocket(child, this.dial);
  }
}
guardAgent(SshDialAgent, 'SshDialAgent');
