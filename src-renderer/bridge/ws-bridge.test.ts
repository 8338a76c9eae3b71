import { describe, expect, it } from 'vitest';
import type { ClientMessage, ServerMessage } from '../../src-main/contract';
import { makeWorld } from '../testing/make';
import { WsBridge, type SocketLike } from './ws-bridge';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientMessage[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  push(message: ServerMessage | string): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) } as MessageEvent);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const bridge = new WsBridge('ws://h/ws?token=t', {
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    random: () => 1,
  });
  const socket = (i = sockets.length - 1): FakeSocket => {
    const s = sockets[i];
    if (!s) throw new Error('no socket');
    return s;
  };
  return { bridge, sockets, timers, socket };
}

describe('WsBridge', () => {
  it('queues invokes until the socket opens, then matches answers by id', async () => {
    const { bridge, socket } = setup();
    const world = bridge.invoke('world:get', null);
    const settings = bridge.invoke('settings:get', null);
    expect(socket().sent).toEqual([]);
    socket().open();
    expect(socket().sent.map((m) => m.channel)).toEqual(['world:get', 'settings:get']);
    const [w, s] = socket().sent;
    // Answered out of order on purpose.
    socket().push({ kind: 'result', id: s?.id ?? 0, result: { ok: true, value: { sampleIntervalSeconds: 3 } } });
    socket().push({ kind: 'result', id: w?.id ?? 0, result: { ok: true, value: makeWorld({ seq: 4 }) } });
    expect((await world).seq).toBe(4);
    expect((await settings).sampleIntervalSeconds).toBe(3);
  });

  it('turns an error result into a thrown Error with the message', async () => {
    const { bridge, socket } = setup();
    socket().open();
    const call = bridge.invoke('settings:set', { sampleIntervalSeconds: 0 });
    const id = socket().sent[0]?.id ?? 0;
    socket().push({ kind: 'result', id, result: { ok: false, error: { message: 'must be 1–60', code: 'invalid' } } });
    await expect(call).rejects.toThrow('must be 1–60');
  });

  it('delivers pushed events to listeners until they unsubscribe, ignoring junk', () => {
    const { bridge, socket } = setup();
    socket().open();
    const seen: number[] = [];
    const off = bridge.on('world:frame', (f) => seen.push(f.kind === 'full' ? f.world.seq : f.seq));
    socket().push({ kind: 'event', event: 'world:frame', payload: { kind: 'full', world: makeWorld({ seq: 1 }) } });
    socket().push('not json');
    socket().push(JSON.stringify({ kind: 'mystery' }));
    socket().push({ kind: 'event', event: 'settings:changed', payload: { sampleIntervalSeconds: 2 } });
    off();
    socket().push({ kind: 'event', event: 'world:frame', payload: { kind: 'delta', base: 1, seq: 2, at: 0, sampleIntervalSeconds: 2, hosts: [] } });
    expect(seen).toEqual([1]);
  });

  it('on close: reports reconnecting, fails calls in flight, reopens with growing backoff', async () => {
    const { bridge, sockets, timers, socket } = setup();
    const states: string[] = [];
    bridge.subscribe((s) => states.push(s));
    socket().open();
    const inFlight = bridge.invoke('world:get', null);
    socket().drop();
    await expect(inFlight).rejects.toThrow('Lost connection');
    expect(bridge.state).toBe('reconnecting');

    const waiting = bridge.invoke('settings:get', null);
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers[0]?.fn();
    expect(sockets).toHaveLength(2);
    socket().drop(); // the server is still down
    expect(timers.map((t) => t.ms)).toEqual([500, 1000]);
    timers[1]?.fn();
    socket().open();
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    // The call made while disconnected went out on the new socket.
    const sent = socket().sent[0];
    expect(sent?.channel).toBe('settings:get');
    socket().push({ kind: 'result', id: sent?.id ?? 0, result: { ok: true, value: { sampleIntervalSeconds: 5 } } });
    expect((await waiting).sampleIntervalSeconds).toBe(5);
    // A successful open resets the backoff.
    socket().drop();
    expect(timers.at(-1)?.ms).toBe(500);
  });

  it('stops for good when disposed', async () => {
    const { bridge, timers, socket } = setup();
    socket().open();
    const call = bridge.invoke('world:get', null);
    bridge.dispose();
    await expect(call).rejects.toThrow();
    expect(timers).toEqual([]);
  });
});
