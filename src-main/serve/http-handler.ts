/**
 * Every plain HTTP request of browser mode. The URL layout:
 *   /?token=T            → 303 to the prefix, setting the cookie (the token leaves the address bar)
 *   /<prefix>/…          → the built renderer; needs the cookie (or ?token=T)
 *   /<prefix>/ws         → the WebSocket (see server.ts)
 * Outside input is parsed here and nowhere else; anything malformed is a 4xx and the server goes on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, redirect, setSecurityHeaders } from './answer';
import { hostAllowed } from './hosts';
import { parseTarget } from './request-target';
import { presentedToken, tokenCookie } from './token';

export interface HttpContext {
  token: string;
  prefix: string;
  /** Filled once the port is known. */
  allowedHosts: () => ReadonlySet<string>;
  files: (req: IncomingMessage, res: ServerResponse) => void;
  log: (message: string) => void;
}

const ignore = () => {};

export function createRequestHandler(ctx: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const bare = ctx.prefix.slice(0, -1);

  function route(req: IncomingMessage, res: ServerResponse): void {
    setSecurityHeaders(res);
    // A request line without a version is HTTP/0.9 to Node's parser; nothing of ours speaks it.
    if (req.httpVersionMajor !== 1) return answer(res, 400, 'Bad request: HTTP/1.x only');
    const target = parseTarget(req.url);
    if (!target.ok) return answer(res, target.status, target.reason);
    if (!hostAllowed(req.headers.host, ctx.allowedHosts())) return answer(res, 421, 'Misdirected request: unexpected Host header');
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    const via = presentedToken(target.query, req.headers.cookie, ctx.token);
    if (!via) return answer(res, 403, 'Forbidden: this Neighborhood server needs the token it printed at start');
    const cookie: Record<string, string> = via === 'query' ? { 'set-cookie': tokenCookie(ctx.token, ctx.prefix) } : {};
    if (target.path === '/' || target.path === bare || (target.path === ctx.prefix && via === 'query')) {
      return redirect(res, 303, ctx.prefix, cookie);
    }
    if (!target.path.startsWith(ctx.prefix)) return answer(res, 404, 'Not found');
    // serve-static sees only the part under the prefix, without the query.
    req.url = target.path.slice(bare.length);
    ctx.files(req, res);
  }

  return (req, res) => {
    req.on('error', ignore);
    res.on('error', ignore);
    try {
      route(req, res);
    } catch (err) {
      ctx.log(`request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      answer(res, 500, 'Internal error');
    }
  };
}
