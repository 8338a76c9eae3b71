// Listener delivery: pure, no binding needed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callEach } from '../src/listeners';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('callEach', () => {
  it('delivers to every listener even when some throw, reporting each error with its source', () => {
    const got: string[] = [];
    const reported: Array<[unknown, string]> = [];
    const boom = new Error('boom');
    const listeners = [
      (v: string) => got.push(`a:${v}`),
      () => {
        throw boom;
      },
      (v: string) => got.push(`c:${v}`),
      () => {
        // A listener may throw anything at all; that is the case under test.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'not even an Error';
      },
    ];
    callEach(listeners, 'x', 'domain-event', (err, source) => reported.push([err, source]));
    expect(got).toEqual(['a:x', 'c:x']);
    expect(reported).toEqual([
      [boom, 'domain-event'],
      ['not even an Error', 'domain-event'],
    ]);
  });

  it.each([
    ['domain-event', 'libvirt: a domain-event listener threw'],
    ['close', 'libvirt: a close listener threw'],
  ] as const)('reports to console.error by default (%s)', (source, text) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new Error('boom');
    const after = vi.fn();
    expect(() =>
      callEach(
        [
          () => {
            throw boom;
          },
          after,
        ],
        1,
        source,
      ),
    ).not.toThrow();
    expect(after).toHaveBeenCalledWith(1);
    expect(spy).toHaveBeenCalledWith(text, boom);
  });

  it('survives a hook that throws too, logging both', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = new Error('listener');
    const hookBoom = new Error('hook');
    const after = vi.fn();
    callEach(
      [
        () => {
          throw boom;
        },
        after,
      ],
      1,
      'close',
      () => {
        throw hookBoom;
      },
    );
    expect(after).toHaveBeenCalled();
    expect(spy).toHaveBeenCalledWith('libvirt: a close listener threw', boom);
    expect(spy).toHaveBeenCalledWith('libvirt: the listener-error hook threw as well', hookBoom);
  });

  it('works on a snapshot: a listener that unsubscribes another does not skip or repeat anyone', () => {
    const set = new Set<(v: number) => void>();
    const calls: string[] = [];
    const b = () => calls.push('b');
    set.add(() => {
      calls.push('a');
      set.delete(b);
    });
    set.add(b);
    callEach(set, 0, 'domain-event');
    expect(calls).toEqual(['a', 'b']);
  });
});
