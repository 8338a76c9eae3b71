/**
 * docker-modem listens for errors on the request but not on a non-streaming response: when dockerd
 * dies mid-answer (or our abort signal cuts one short), Node emits 'aborted' on the response and,
 * with no listener there, the whole process would crash while the call's promise never settles.
 * Our agents forward a response's error to its request, where docker-modem turns it into a rejection.
 * (`addRequest` is Node's per-request hook on Agent; agent-base and others override it the same way.)
 */
import http from 'node:http';
import https from 'node:https';
import { inspect } from 'node:util';

type AddRequest = (req: http.ClientRequest, options: http.RequestOptions) => void;

/** Patches one Agent class: response errors reach the request; util.inspect stays cheap. */
function guardAgent(agentClass: { prototype: http.Agent }, label: string): void {
  const proto = agentClass.prototype as unknown as { addRequest: AddRequest } & Record<symbol, unknown>;
  const base = proto.addRequest;
  proto.addRequest = function addRequest(this: http.Agent, req, options) {
    req.once('response', (res: http.IncomingMessage) => {
      res.on('error', (err) => {
        if (req.listenerCount('error') > 0) req.emit('error', err);
      });
    });
    base.call(this, req, options);
  };
  /**
   * docker-modem logs every request with util.inspect(options, { depth: null }) even when its debug
   * output is off; without this, each call walks the agent's whole socket graph (~10 ms of CPU per call)
   * — and the TLS agent's options hold the client key, which must never reach a log.
   */
  proto[inspect.custom] = () => label;
}

/** Keep-alive: one socket reused across a sample's calls instead of a new connect per call. */
const POOL = { keepAlive: true, maxSockets: 64 } as const;

export class DockerAgent extends http.Agent {
  constructor(options: http.AgentOptions = {}) {
    super({ ...POOL, ...options });
  }
}
guardAgent(DockerAgent, 'DockerAgent');

/** For tcp:// with TLS: the CA, certificate and key ride in the agent, so every socket verifies the same way. */
export class DockerHttpsAgent extends https.Agent {
  constructor(tls: { ca: Buffer; cert: Buffer; key: Buffer }) {
    // rejectUnauthorized is Node's default (true) and is never set here: verification is always on.
    // No session resumption: TLS terminators that check client certificates without a session id context
    // (socat, which people put in front of a socket) fail every resumed handshake ("session id context
    // uninitialized"). Keep-alive reuses sockets anyway, so a full handshake per new socket costs little.
    super({ ...POOL, ca: tls.ca, cert: tls.cert, key: tls.key, maxCachedSessions: 0 });
  }
}
guardAgent(DockerHttpsAgent, 'DockerHttpsAgent');

export { guardAgent };
