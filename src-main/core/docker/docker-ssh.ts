/**
 * ssh:// engines, the way the Docker CLI reaches them: the user's own `ssh` (their agent, ~/.ssh/config
 * and known_hosts apply) runs `docker system dial-stdio` (Podman: `podman system dial-stdio`) on the
 * remote, and HTTP travels over the child's stdio. This module is the pure part: the command line, and
 * what ssh's stderr means in words with what to do about it. An unknown or changed host key is always
 * refused (StrictHostKeyChecking=yes overrides any accept-new in the user's config): accepting one is the
 * user's decision, made in a terminal after checking the fingerprint.
 */
import type { SshOptions } from '../../contract';
import { hostPort } from './docker-url';

export interface SshTarget {
  user: string | null;
  host: string;
  port: number | null;
}

export interface Explained {
  reason: string;
  hint: string;
}

export type RemoteEngine = 'docker' | 'podman';

const ENGINE_NAMES: Record<RemoteEngine, string> = { docker: 'Docker', podman: 'Podman' };

/** ssh reads whitespace in a -o value as a list separator; quoted, a path with spaces stays one path. */
const optionPath = (path: string): string => (/\s/.test(path) ? `"${path}"` : path);

/** The whole command line after `ssh`, for one dial-stdio connection. */
export function sshArgs(target: SshTarget, options: SshOptions | null | undefined, engine: RemoteEngine): string[] {
  const args = ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'StrictHostKeyChecking=yes'];
  // A peer that vanishes without a FIN (network gone) ends the child within ~30 s instead of never.
  args.push('-o', 'ServerAliveInterval=10', '-o', 'ServerAliveCountMax=3', '-T');
  if (target.port !== null) args.push('-p', String(target.port));
  if (target.user !== null) args.push('-l', target.user);
  if (options?.identityFile) args.push('-i', options.identityFile, '-o', 'IdentitiesOnly=yes');
  if (options?.knownHostsFile) args.push('-o', `UserKnownHostsFile=${optionPath(options.knownHostsFile)}`);
  args.push('--', target.host, engine, 'system', 'dial-stdio');
  return args;
}

/** The command a person types to reach the same place, for hints. */
export function sshCommandFor(target: SshTarget, options: SshOptions | null | undefined): string {
  const parts = ['ssh'];
  if (options?.knownHostsFile) parts.push('-o', `UserKnownHostsFile=${shellWord(options.knownHostsFile)}`);
  if (options?.identityFile) parts.push('-i', shellWord(options.identityFile));
  if (target.port !== null) parts.push('-p', String(target.port));
  parts.push(target.user !== null ? `${target.user}@${target.host}` : target.host);
  return parts.join(' ');
}

const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** How known_hosts names the host: `[host]:port` off port 22. */
const knownHostsName = (target: SshTarget): string => (target.port !== null && target.port !== 22 ? `[${target.host}]:${target.port}` : target.host);

export function sshPlace(target: SshTarget): string {
  const at = target.port !== null ? hostPort(target.host, target.port) : target.host;
  return target.user !== null ? `${target.user}@${at}` : at;
}

/** ssh's chatter that is no reason for anything. */
const NOISE = /^(Warning: Permanently added|Pseudo-terminal will not be allocated|@+$|\s*$)/;

const lastLine = (stderr: string): string => {
  const lines = stderr.split(/\r?\n/).filter((l) => !NOISE.test(l));
  return (lines.at(-1) ?? '').trim();
};

export interface SshExit {
  code: number | null;
  signal: string | null;
}

/**
 * Why an ssh child ended before (or instead of) carrying the engine's answer, from its stderr and exit.
 * The reason is a sentence fragment (the status shows it after the engine); the hint says what to do.
 */
export function explainSshFailure(stderr: string, exit: SshExit, target: SshTarget, options: SshOptions | null | undefined, engine: RemoteEngine): Explained {
  const place = sshPlace(target);
  const name = ENGINE_NAMES[engine];
  const knownHosts = options?.knownHostsFile ?? '~/.ssh/known_hosts';
  const line = lastLine(stderr);

  if (/REMOTE HOST IDENTIFICATION HAS CHANGED/.test(stderr)) {
    const offending = /Offending \S+ key in (.+?):(\d+)/.exec(stderr);
    const fingerprint = /(SHA256:[A-Za-z0-9+/=]+)/.exec(stderr)?.[1];
    const recorded = offending ? `${offending[1]} line ${offending[2]}` : knownHosts;
    return {
      reason: `the SSH host key of ${knownHostsName(target)} has changed since it was recorded in ${recorded}; refused (this can be someone in the middle)`,
      hint:
        `Do not connect until you know why. If the machine was reinstalled or its key replaced, check the new fingerprint${fingerprint ? ` (${fingerprint})` : ''} with its administrator, ` +
        `remove the old key (ssh-keygen -f ${shellWord(offending?.[1] ?? knownHosts)} -R '${knownHostsName(target)}'), then accept the new one by running \`${sshCommandFor(target, options)}\` once in a terminal.`,
    };
  }
  if (/host key is known for|Host key verification failed/.test(stderr)) {
    const port = target.port !== null ? `-p ${target.port} ` : '';
    return {
      reason: `the SSH host key of ${knownHostsName(target)} is not known (not in ${knownHosts}); refused`,
      hint:
        `Accept it once, knowingly: run \`${sshCommandFor(target, options)}\` in a terminal and check the fingerprint it shows before answering yes, ` +
        `or add it with \`ssh-keyscan ${port}${target.host} >> ${shellWord(knownHosts)}\` after checking it (ssh-keygen -lf). Neighborhood never accepts a host key by itself.`,
    };
  }
  const notAccessible = /Identity file (.+) not accessible: (.+?)\.?$/m.exec(stderr);
  if (notAccessible) {
    return { reason: `the identity file ${notAccessible[1]} cannot be read (${notAccessible[2]})`, hint: 'Choose a private key file that exists and that you can read.' };
  }
  const denied = /Permission denied \(([^)]*)\)/.exec(stderr);
  if (denied) {
    const key = options?.identityFile ? ` with the key ${options.identityFile}` : '';
    const who = target.user ?? 'your user';
    return {
      reason: `the SSH server at ${place} refused ${who}${key} (Permission denied (${denied[1]}))`,
      hint:
        `Use a key the server accepts for ${who}: give its identity file, or load it into your ssh-agent (ssh-add); its public key must be in ~${target.user ?? ''}/.ssh/authorized_keys on ${target.host}. ` +
        'Neighborhood cannot answer password or passphrase prompts (it runs ssh with BatchMode).',
    };
  }
  if (/closed by remote host|Connection reset|Broken pipe|Connection closed by/i.test(stderr)) {
    return { reason: `the SSH connection to ${place} was cut (${line})`, hint: `Neighborhood reconnects on its own once ${target.host} answers again.` };
  }
  if (/Connection refused/.test(stderr)) {
    return { reason: `connection refused at ssh://${place}`, hint: `Is sshd running on ${target.host}${target.port !== null ? ` and listening on port ${target.port}` : ''}? Neighborhood retries on its own.` };
  }
  const unresolved = /Could not resolve hostname (\S+): (.+)$/m.exec(stderr);
  if (unresolved) {
    return { reason: `the host name ${unresolved[1]} could not be resolved (${(unresolved[2] ?? '').trim()})`, hint: 'Check the host name (or the Host entry in ~/.ssh/config).' };
  }
  if (/timed out|No route to host|Network is unreachable/i.test(stderr)) {
    return { reason: `no answer from ${place} over SSH (${line})`, hint: `Check that ${target.host} is up and reachable from here (network, VPN, firewall). Neighborhood retries on its own.` };
  }
  if (new RegExp(`${engine}: (command )?not found|${engine}: No such file`).test(stderr) || exit.code === 127) {
    return {
      reason: `${engine} is not installed on ${target.host} (or not on the PATH of ${target.user ?? 'the user'}'s non-interactive shell)`,
      hint: `Install ${name} on ${target.host}, or make \`${engine}\` reachable for non-interactive SSH sessions.`,
    };
  }
  if (/permission denied while trying to connect|dial unix [^:]+: connect: permission denied/i.test(stderr)) {
    return {
      reason: `${target.user ?? 'the user'} may not use ${name} on ${target.host} (${line})`,
      hint: engine === 'docker' ? `Add ${target.user ?? 'the user'} to the docker group on ${target.host} (sudo usermod -aG docker ${target.user ?? '$USER'}), or connect as a user who is in it.` : `Connect as the user whose Podman service you want to see.`,
    };
  }
  if (/Cannot connect to the (Docker|Podman)|failed to open the raw stream connection|dial unix|no such file or directory|connection refused/i.test(stderr)) {
    return {
      reason: `${name} is not running on ${target.host} (${line})`,
      hint:
        engine === 'docker'
          ? `Start Docker on ${target.host} (sudo systemctl start docker). Neighborhood reconnects on its own.`
          : `Start Podman's service on ${target.host} (systemctl --user start podman.socket, or sudo systemctl start podman.socket for rootful). Neighborhood reconnects on its own.`,
    };
  }
  const how = exit.signal ? `was ended by ${exit.signal}` : `exited with code ${exit.code ?? '?'}`;
  return {
    reason: `ssh to ${place} ${how}${line ? `: ${line}` : ''}`,
    hint: `Try \`${sshCommandFor(target, options)} ${engine} system dial-stdio\` in a terminal to see what happens. Neighborhood retries on its own.`,
  };
}

/** The reason when ssh itself could not be started here. */
export function explainSshSpawnFailure(err: unknown): Explained {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return { reason: 'ssh is not installed here (no ssh command on the PATH)', hint: "Install OpenSSH's client (e.g. sudo apt-get install openssh-client)." };
  const message = err instanceof Error ? err.message : String(err);
  return { reason: `ssh could not be started here (${message})`, hint: 'Check that the ssh command works in a terminal.' };
}
