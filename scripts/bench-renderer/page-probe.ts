/**
 * What the benchmark injects into the page (page.addInitScript) to time the renderer without changing it:
 * the page's WebSocket is wrapped so every incoming `world:frame` message is timestamped, and each is
 * followed to the end of the animation frame that shows it (requestAnimationFrame, then a task queued from
 * there, which runs once that frame's style, layout and paint are done). A MutationObserver notes when the
 * first tenant (a button named "Container …" or "VM …") is in the document, and when it has been painted.
 *
 * Plain JavaScript in a string: the page runs it as it is (a function would be re-serialised from tsx's
 * output, with helpers the page does not have).
 */

/** One `world:frame` message as the page saw it; times in ms since navigation start (performance.now()). */
export interface ProbedFrame {
  kind: 'full' | 'delta';
  /** Characters of the message (its JSON is ASCII but for engine text: close to its bytes). */
  chars: number;
  received: number;
  /** When the app's message handler and the microtasks it queued (Svelte's update) had run. */
  handled: number;
  /** When the next animation frame began (its requestAnimationFrame callbacks). */
  raf: number;
  /** When that frame's rendering was done. 0 while not yet. */
  painted: number;
}

export interface ProbeState {
  frames: ProbedFrame[];
  /** When the answer to the first `world:get` (the whole world) arrived; null until then. */
  worldAt: number | null;
  /** First tenant in the document, and painted; null until then. */
  firstTenant: number | null;
  firstMap: number | null;
}

export const PROBE_GLOBAL = '__rendererBench';

export const PAGE_PROBE = String.raw`
(() => {
  const probe = { frames: [], worldAt: null, firstTenant: null, firstMap: null };
  Object.defineProperty(window, '${PROBE_GLOBAL}', { value: probe });
  const FRAME = '{"kind":"event","event":"world:frame","payload":{"kind":"';
  // The whole world answers world:get: a result whose value is a world (the wire writes it as such).
  const WORLD_RESULT = /^\{"kind":"result","id":\d+,"result":\{"ok":true,"value":\{"seq":/;
  const TENANT = '[role="button"][aria-label^="Container "], [role="button"][aria-label^="VM "]';

  const Native = window.WebSocket;
  class ProbedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Registered before the app sets onmessage, so this runs first: the frame's clock starts here.
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (probe.worldAt === null && typeof data === 'string' && WORLD_RESULT.test(data.slice(0, 90))) probe.worldAt = performance.now();
        if (typeof data !== 'string' || !data.startsWith(FRAME)) return;
        const frame = { kind: data.startsWith('delta', FRAME.length) ? 'delta' : 'full', chars: data.length, received: performance.now(), handled: 0, raf: 0, painted: 0 };
        probe.frames.push(frame);
        requestAnimationFrame(() => {
          frame.raf = performance.now();
          setTimeout(() => {
            frame.painted = performance.now();
          }, 0);
        });
      });
    }
    get onmessage() {
      return super.onmessage;
    }
    set onmessage(handler) {
      super.onmessage =
        typeof handler === 'function'
          ? (event) => {
              handler.call(this, event);
              const frame = probe.frames[probe.frames.length - 1];
              // Queued after the microtasks the handler queued (Svelte flushes its updates in one).
              if (frame && frame.handled === 0) queueMicrotask(() => (frame.handled = performance.now()));
            }
          : handler;
    }
  }
  window.WebSocket = ProbedWebSocket;

  const observer = new MutationObserver(() => {
    if (probe.firstTenant !== null || !document.querySelector(TENANT)) return;
    probe.firstTenant = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.firstMap = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;
