/**
 * Docker's event stream, opened with a deadline and read line by line. Every line is untrusted JSON:
 * one that does not parse is skipped. The stream ending, closing or failing is reported exactly once
 * (a dying socket can raise several errors); `close()` ends it without a report.
 */
import { createInterface } from 'node:readline';
import type Docker from 'dockerode';

export interface DockerEvent {
  Type?: string;
  Action?: string;
  id?: string;
  Actor?: { ID?: string };
}

export interface DockerEventStream {
  close(): void;
}

export interface OpenEventsOptions {
  filters: Record<string, string[]>;
  /** How long the engine may take to answer the subscription (headers), not the stream's life. */
  connectTimeoutMs: number;
  onEvent(event: DockerEvent): void;
  /** The stream is over, with the error that ended it where there was one. */
  onEnd(error: unknown): void;
}

export async function openDockerEvents(docker: Docker, options: OpenEventsOptions): Promise<DockerEventStream> {
  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(new DOMException('the event stream did not open in time', 'TimeoutError')), options.connectTimeoutMs);
  let stream: NodeJS.ReadableStream;
  try {
    stream = (await docker.getEvents({ filters: options.filters, abortSignal: abort.signal }));
  } finally {
    clearTimeout(deadline);
  }
  if (abort.signal.aborted) throw abort.signal.reason;

  let over = false;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const end = (error: unknown, report: boolean): void => {
    if (over) return;
    over = true;
    lines.close();
    if (!abort.signal.aborted) abort.abort();
    if (report) options.onEnd(error);
  };
  lines.on('line', (line) => {
    if (over || line.trim() === '') return;
    let event: DockerEvent;
    try {
      event = JSON.parse(line) as DockerEvent;
    } catch {
      return; // not an event we can use; the next sample's list catches up anyway
    }
    if (event && typeof event === 'object') options.onEvent(event);
  });
  // Kept for the stream's whole life: a closing socket can report more than one error. readline
  // re-emits its input's errors, so it needs a listener too or a dying daemon crashes the process.
  stream.on('error', (error: unknown) => end(error, true));
  lines.on('error', (error: unknown) => end(error, true));
  stream.on('end', () => end(null, true));
  stream.on('close', () => end(null, true));
  return { close: () => end(null, false) };
}
