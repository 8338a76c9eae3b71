/**
 * docker-modem listens for errors on the request but not on a non-streaming response: when dockerd
 * dies mid-answer (or our abort signal cuts one short), Node emits 'aborted' on the response and,
 * with no listener there, the whole process would crash while the call's promise never settles.
 * This agent forwards a response's error to its request, where docker-modem turns it into a rejection.
 * (`addRequest` is Node's per-request hook on Agent; agent-base and others override it the same way.)
 */
import http from 'node:http';
import { inspect } from 'node:util';

type AddRequest = (req: http.ClientRequest, options: http.RequestOptions) => void;

export class DockerAgent extends http.Agent {
  constructor() {
    // Keep-alive: one socket reused across a sample's calls instead of a new connect per call.
    super({ keepAlive: true, maxSockets: 64 });
  }

  /**
   * docker-modem logs every request with util.inspect(options, { depth: null }) even when its debug
   * output is off; without this, each call walks the agent's whole socket graph (~10 ms of CPU per call).
   */
  [inspect.custom](): string {
    return 'DockerAgent';
  }
}

const base = (http.Agent.prototype as unknown as { addRequest: AddRequest }).addRequest;
(DockerAgent.prototype as unknown as { addRequest: AddRequest }).addRequest = function addRequest(this: DockerAgent, req, options) {
  req.once('response', (res: http.IncomingMessage) => {
    res.on('error', (err) => {
      if (req.listenerCount('error') > 0) req.emit('error', err);
    });
  });
  base.call(this, req, options);
};
