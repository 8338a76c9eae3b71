/**
 * Whether this window or tab shows the map. The core samples slowly while no view is visible (when the
 * setting asks for it), so the page tells it on every change — and at start and after a reconnect,
 * because the server counts a new connection as visible until told otherwise.
 */
export interface Visibility {
  readonly visible: boolean;
  /** Called on every change. Returns the unsubscribe. */
  subscribe(listener: (visible: boolean) => void): () => void;
}

/** A page that is never hidden (tests, and wherever no document exists). */
export const alwaysVisible: Visibility = { visible: true, subscribe: () => () => {} };

/** The document's own visibility (`visibilitychange`): a minimised window or a background tab is hidden. */
export function documentVisibility(doc: Document): Visibility {
  return {
    get visible() {
      return doc.visibilityState !== 'hidden';
    },
    subscribe(listener) {
      const changed = () => listener(doc.visibilityState !== 'hidden');
      doc.addEventListener('visibilitychange', changed);
      return () => doc.removeEventListener('visibilitychange', changed);
    },
  };
}
