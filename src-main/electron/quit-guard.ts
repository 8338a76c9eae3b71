/**
 * Electron's `will-quit` does not wait for promises, so the engines' sockets, timers and libvirt
 * connections would be cut mid-dispose. The guard refuses the first quit, disposes, and quits again for
 * real; a dispose that never settles still lets the app go after a deadline, and a quit asked for while
 * disposing waits for the same dispose instead of starting another.
 */
import type { ErrorReporter } from '../core/report-error';

export const QUIT_DEADLINE_MS = 3_000;

export interface QuittableApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** Resolves when `work` settles or `ms` have passed, whichever is first; never rejects. */
export async function settleWithin(work: () => unknown, ms: number, report: ErrorReporter, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(work), deadline]);
    if (outcome === 'late') report(what, `still running after ${ms} ms; going on without it`);
  } catch (error) {
    report(what, error);
  } finally {
    clearTimeout(timer);
  }
}

export function holdQuitUntilDisposed(app: QuittableApp, dispose: () => unknown, report: ErrorReporter, deadlineMs = QUIT_DEADLINE_MS): void {
  let phase: 'running' | 'disposing' | 'disposed' = 'running';
  app.on('will-quit', (event) => {
    if (phase === 'disposed') return;
    event.preventDefault();
    if (phase === 'disposing') return;
    phase = 'disposing';
    void settleWithin(dispose, deadlineMs, report, 'disposing the engines before quitting').then(() => {
      phase = 'disposed';
      app.quit();
    });
  });
}
