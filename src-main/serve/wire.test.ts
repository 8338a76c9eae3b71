import { describe, expect, it } from 'vitest';
import { parseIncoming, Wire } from './wire';

const text = (s: string) => Buffer.from(s);

describe('parseIncoming', () => {
  it.each([
    { name: 'an invoke', data: text('{"kind":"invoke","id":1,"channel":"world:get","request":null}'), binary: false, ok: true },
    { name: 'an invoke without request', data: text('{"kind":"invoke","id":7,"channel":"x"}'), binary: false, ok: true },
    { name: 'fragments', data: [text('{"kind":"invoke",'), text('"id":2,"channel":"a"}')], binary: false, ok: true },
    { name: 'binary', data: text('{"kind":"invoke","id":1,"channel":"a"}'), binary: true, reason: 'binary messages are not accepted' },
    { name: 'not JSON', data: text('{"kind":'), binary: false, reason: 'message is not JSON' },
    { name: 'JSON null', data: text('null'), binary: false, reason: /^expected/ },
    { name: 'an array', data: text('[1,2]'), binary: false, reason: /^expected/ },
    { name: 'a string id', data: text('{"kind":"invoke","id":"1","channel":"a"}'), binary: false, reason: /^expected/ },
    { name: 'a fractional id', data: text('{"kind":"invoke","id":1.5,"channel":"a"}'), binary: false, reason: /^expected/ },
    { name: 'an unsafe id', data: text('{"kind":"invoke","id":9007199254740993,"channel":"a"}'), binary: false, reason: /^expected/ },
    { name: 'an object channel', data: text('{"kind":"invoke","id":1,"channel":{"toString":1}}'), binary: false, reason: /^expected/ },
    { name: 'another kind', data: text('{"kind":"result","id":1,"channel":"a"}'), binary: false, reason: /^expected/ },
  ])('$name', ({ data, binary, ok, reason }) => {
    const m = parseIncoming(data, binary);
    expect(m.ok).toBe(ok ?? false);
    if (!m.ok) {
      expect(m.code).toBe(1003);
      expect(m.reason).toMatch(reason!);
      expect(Buffer.byteLength(m.reason)).toBeLessThanOrEqual(123); // a close reason's limit
    }
  });
});

describe('Wire', () => {
  it('serialises a world once for every frame and every world:get answer that is the same object', () => {
    const wire = new Wire();
    const world = { seq: 1, hosts: [{ name: '<b>' }] };
    const frame = wire.event('world:frame', world);
    expect(wire.event('world:frame', world)).toBe(frame); // the same bytes for every socket
    const answer = wire.result(5, 'world:get', { ok: true, value: world });
    expect(wire.worldsSerialised).toBe(1);
    expect(JSON.parse(frame!.toString())).toEqual({ kind: 'event', event: 'world:frame', payload: world });
    expect(JSON.parse(answer.toString())).toEqual({ kind: 'result', id: 5, result: { ok: true, value: world } });
    wire.event('world:frame', { seq: 2, hosts: [] });
    expect(wire.worldsSerialised).toBe(2);
  });

  it('encodes other events and results as they are, and fails soft on what JSON cannot carry', () => {
    const wire = new Wire();
    expect(JSON.parse(wire.event('settings:changed', { sampleIntervalSeconds: 3 })!.toString())).toEqual({
      kind: 'event',
      event: 'settings:changed',
      payload: { sampleIntervalSeconds: 3 },
    });
    expect(JSON.parse(wire.result(1, 'world:get', { ok: false, error: { message: 'x' } }).toString()).result.ok).toBe(false);
    expect(wire.event('settings:changed', { n: 1n })).toBeNull();
    expect(JSON.parse(wire.result(2, 'settings:get', { ok: true, value: { n: 1n } }).toString())).toMatchObject({ id: 2, result: { ok: false } });
  });
});
