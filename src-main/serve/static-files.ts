/**
 * The built renderer, served by serve-static (ranges, conditional requests, 416 for unsatisfiable
 * ranges). Every failure it reports — missing file, a file deleted or renamed after start, a read error
 * mid-stream — becomes a short answer here, without the filesystem path the error carries; a failure
 * after the headers went out ends that one response. No directory listings (serve-static has none) and
 * no dotfiles.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import serveStatic from 'serve-static';
import { answer } from './answer';

const MESSAGES: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  412: 'Precondition failed',
  416: 'Range not satisfiable',
};

function statusOf(err: unknown): number {
  const e = err as { status?: unknown; statusCode?: unknown } | undefined;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : err ? 500 : 404;
  return status >= 400 && status <= 599 ? status : 500;
}

/** Serves `req.url` (already stripped of the app's prefix) from `root`. */
export function staticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = serveStatic(root, {
    index: ['index.html'],
    redirect: false,
    fallthrough: false,
    dotfiles: 'ignore',
    acceptRanges: true,
    etag: true,
    lastModified: true,
    maxAge: 0,
  });
  return (req, res) => {
    serve(req, res, (err) => {
      const status = statusOf(err);
      const range = (err as { headers?: Record<string, unknown> } | undefined)?.headers?.['Content-Range'];
      answer(res, status, MESSAGES[status] ?? 'Internal error', status === 416 && typeof range === 'string' ? { 'content-range': range } : {});
    });
  };
}
