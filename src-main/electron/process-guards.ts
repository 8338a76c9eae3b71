/**
 * Main must never die silently, nor die at all because an engine sent something unexpected: an
 * unhandled rejection or an uncaught exception is reported with what it was and the process goes on
 * (Electron would otherwise show a modal error box, or Node end the process).
 */
import type { ErrorReporter } from '../core/report-error';

export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
}

export function installProcessGuards(proc: ProcessEvents, report: ErrorReporter): () => void {
  const onRejection = (reason: unknown): void => report('unhandled promise rejection in the main process', reason);
  const onException = (error: Error, origin: string): void => report(`uncaught exception in the main process (${origin})`, error);
  proc.on('unhandledRejection', onRejection);
  proc.on('uncaughtException', onException);
  return () => {
    proc.off('unhandledRejection', onRejection);
    proc.off('uncaughtException', onException);
  };
}
