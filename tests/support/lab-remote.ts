/**
 * The lab's "remote" engines (scripts/lab.sh remote-up): what they are and where, as the lab wrote it in
 * /run/neighborhood-lab/remote/remote.json — one place, so the script and the tests cannot disagree.
 * In CI (CI=true) a missing piece fails the suite; elsewhere the tests skip and say why.
 */
import { readFile } from 'node:fs/promises';
import Docker from 'dockerode';
import { IN_CI } from './engines';

export const REMOTE_JSON = '/run/neighborhood-lab/remote/remote.json';

export interface LabRemote {
  image: string;
  /** A second dockerd on its own socket and network namespace, on this machine. */
  docker2: { url: string; container: string };
  /** A dockerd in its own UTS namespace (another hostname), its socket, and socat's plain TCP in front of it. */
  far: { socket: string; url: string; hostname: string; container: string };
  /** docker2 again, through socat's TLS (client certificates checked). */
  tls: { url: string; ca: string; cert: string; key: string; otherCa: string; otherCert: string; otherKey: string; strayKey: string; container: string };
  /** sshd on loopback; its sessions' DOCKER_HOST is docker2. */
  ssh: {
    url: string;
    port: number;
    identityFile: string;
    wrongIdentityFile: string;
    knownHostsFile: string;
    emptyKnownHostsFile: string;
    changedKnownHostsFile: string;
    container: string;
  };
  /** Podman's service on a lab socket, with a pod of created containers and one outside any pod. */
  podman: { url: string; pod: string; podContainers: string[]; container: string };
}

/** dockerode's types omit ping's options; it does pass the abort signal on. */
interface SignalledPing {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
}

async function answers(socketPath: string): Promise<boolean> {
  try {
    await (new Docker({ socketPath }) as unknown as SignalledPing).ping({ abortSignal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

/** The lab's remote engines, or null (with the reason printed) where `remote-up` has not run. */
export async function labRemote(): Promise<LabRemote | null> {
  let lab: LabRemote;
  try {
    lab = JSON.parse(await readFile(REMOTE_JSON, 'utf8')) as LabRemote;
  } catch {
    return missing(`${REMOTE_JSON} is missing: run scripts/lab.sh remote-up`);
  }
  for (const [what, url] of [['docker2', lab.docker2.url], ['far', `unix://${lab.far.socket}`], ['podman', lab.podman.url]] as const) {
    if (!(await answers(url.slice('unix://'.length)))) return missing(`the lab's ${what} engine does not answer at ${url}: run scripts/lab.sh remote-up`);
  }
  return lab;
}

function missing(why: string): null {
  if (IN_CI) throw new Error(`CI=true but ${why}`);
  console.info(`skipped: ${why}`);
  return null;
}
