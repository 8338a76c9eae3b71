// Delivering to listeners: one listener's exception must neither stop delivery to the others
// nor escape (a rethrow from a native callback would end the process). It is reported instead.

/** Where a listener error came from. */
export type ListenerSource = 'close' | 'domain-event';

/** Receives the exceptions listeners throw. */
export type ListenerErrorHook = (err: unknown, source: ListenerSource) => void;

const WHAT: Record<ListenerSource, string> = { close: 'close', 'domain-event': 'domain-event' };

/** The default report: console.error with context. */
export function logListenerError(err: unknown, source: ListenerSource): void {
  console.error(`libvirt: a ${WHAT[source]} listener threw`, err);
}

/** Calls every listener (a snapshot of the set) with `value`; errors go to `report`, which must not throw either. */
export function callEach<T>(
  listeners: Iterable<(value: T) => void>,
  value: T,
  source: ListenerSource,
  report: ListenerErrorHook = logListenerError,
): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (err) {
      try {
        report(err, source);
      } catch (hookErr) {
        logListenerError(err, source);
        console.error('libvirt: the listener-error hook threw as well', hookErr);
      }
    }
  }
}
