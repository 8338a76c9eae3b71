/**
 * The Bridge over a WebSocket (browser mode), speaking ClientMessage/ServerMessage JSON: invokes
 * carry an id the server answers with; events are pushed. When the socket closes, calls in flight
 * fail, calls made meanwhile wait, and the socket is reopened with backoff until it answers again.
 */
import type {
  Bridge,
  ClientMessage,
  EventChannel,
  EventChannels,
  InvokeChannel,
  RequestOf,
  ResponseOf,
  ServerMessage,
} from '../../src-main/contract';
import { backoffDelay } from './backoff';
import type { Connection, ConnectionState } from './connection';
import { InvokeError, unwrap } from './unwrap';

/** The part of the browser's WebSocket this bridge uses (a test can supply its own). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
}

export interface WsBridgeOptions {
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
}

interface Pending {
  message: ClientMessage;
  sent: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const OPEN = 1;

function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.kind === 'result') return typeof m.id === 'number' && typeof m.result === 'object' && m.result !== null;
  return m.kind === 'event' && typeof m.event === 'string';
}

export class WsBridge implements Bridge, Connection {
  #state: ConnectionState = 'connecting';
  #socket: SocketLike | null = null;
  #nextId = 1;
  #attempt = 0;
  #timer: unknown = null;
  #disposed = false;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  readonly #createSocket: (url: string) => SocketLike;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #random: () => number;
  readonly #url: string;

  constructor(url: string, options: WsBridgeOptions = {}) {
    this.#url = url;
    this.#createSocket = options.createSocket ?? ((u) => new WebSocket(u));
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.#random = options.random ?? Math.random;
    this.#open();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const id = this.#nextId++;
    return new Promise<ResponseOf<C>>((resolve, reject) => {
      const pending: Pending = {
        message: { kind: 'invoke', id, channel, request },
        sent: false,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      this.#pending.set(id, pending);
      this.#send(pending);
    });
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  }

  /** Closes the socket for good; pending calls fail. */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#socket?.close();
    this.#failPending(() => true, 'The connection to Neighborhood was closed');
  }

  #open(): void {
    const socket = this.#createSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#setState('open');
      for (const pending of this.#pending.values()) if (!pending.sent) this.#send(pending);
    };
    socket.onmessage = (ev) => this.#receive(ev.data);
    socket.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      // Answers to calls already sent will never come; calls not yet sent wait for the next socket.
      this.#failPending((p) => p.sent, 'Lost connection to Neighborhood');
      if (this.#disposed) return;
      this.#setState('reconnecting');
      const delay = backoffDelay(this.#attempt, this.#random());
      this.#attempt += 1;
      this.#timer = this.#setTimer(() => {
        this.#timer = null;
        if (!this.#disposed) this.#open();
      }, delay);
    };
  }

  #send(pending: Pending): void {
    const socket = this.#socket;
    if (socket === null || socket.readyState !== OPEN) return;
    socket.send(JSON.stringify(pending.message));
    pending.sent = true;
  }

  #receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (!isServerMessage(message)) return;
    if (message.kind === 'result') {
      const pending = this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id);
      try {
        pending.resolve(unwrap(message.result));
      } catch (error) {
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    for (const listener of this.#listeners.get(message.event) ?? []) listener(message.payload);
  }

  #failPending(which: (p: Pending) => boolean, reason: string): void {
    for (const [id, pending] of this.#pending) {
      if (!which(pending)) continue;
      this.#pending.delete(id);
      pending.reject(new InvokeError(reason, 'disconnected'));
    }
  }

  #setState(state: ConnectionState): void {
    if (this.#state === state) return;
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }
}
