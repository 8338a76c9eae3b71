/**
 * The one place core code reports an error it has survived: a listener that threw, a loop that caught
 * and rescheduled. Nothing here rethrows — an engine's or a client's failure must never end the process —
 * but it must never pass silently either, so it goes to stderr with what was being done.
 */
export type ErrorReporter = (context: string, error: unknown) => void;

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

let reporter: ErrorReporter = (context, error) => {
  console.error(`neighborhood: ${context}: ${describe(error)}`);
};

export function reportError(context: string, error: unknown): void {
  try {
    reporter(context, error);
  } catch {
    // A reporter that throws has nowhere left to report to.
  }
}

/** Tests swap the reporter to assert on what was reported; returns the restore. */
export function setErrorReporter(next: ErrorReporter): () => void {
  const previous = reporter;
  reporter = next;
  return () => {
    reporter = previous;
  };
}
