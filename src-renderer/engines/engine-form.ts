/**
 * The Engines dialog's "add an engine" form as data, and what it may send: the same rules main's
 * engineConfigSchema applies (src-main/core/validation.ts), with main's own words, so a configuration
 * the form lets through is one main accepts. The form is a little stricter in one place: an address
 * that carries a password is refused here, because it would be kept in the settings file in clear
 * and Neighborhood never uses passwords (ssh uses the user's agent and keys, tcp:// uses certificates).
 * Main still validates everything and its refusal is shown as it says it.
 */
import type { EngineConfig, EngineKind, SshOptions, TlsFiles } from '../../src-main/contract';

/** What the user typed, field by field; fields that do not apply to the kind or URL are ignored. */
export interface EngineFormValues {
  kind: EngineKind;
  /** Docker and Podman: unix:///…, tcp://host:port or ssh://user@host[:port]. */
  url: string;
  /** libvirt: qemu:///system, qemu+ssh://user@host/system… */
  uri: string;
  /** The name as typed; null while the user has not typed one (the default follows the address). */
  name: string | null;
  tlsCa: string;
  tlsCert: string;
  tlsKey: string;
  sshIdentityFile: string;
  sshKnownHostsFile: string;
}

export type EngineFormField = 'url' | 'uri' | 'name' | 'tlsCa' | 'tlsCert' | 'tlsKey' | 'sshIdentityFile' | 'sshKnownHostsFile';

/** Which optional groups of fields apply to what is typed. */
export type Transport = 'unix' | 'tcp' | 'ssh' | 'libvirt' | 'unknown';

export interface EngineFormCheck {
  /** The configuration to send, or null while a problem remains. */
  config: EngineConfig | null;
  /** One problem per field, in main's words (the field's label comes first on screen). */
  problems: Partial<Record<EngineFormField, string>>;
  /** The name that will be sent: what was typed, or the default. */
  name: string;
  transport: Transport;
  /** True for a tcp:// address without TLS files: it works, but everything travels in clear. */
  unencrypted: boolean;
}

export const emptyForm = (kind: EngineKind = 'docker'): EngineFormValues => ({
  kind,
  url: '',
  uri: '',
  name: null,
  tlsCa: '',
  tlsCert: '',
  tlsKey: '',
  sshIdentityFile: '',
  sshKnownHostsFile: '',
});

export const KIND_LABELS: Record<EngineKind, string> = { docker: 'Docker', podman: 'Podman', libvirt: 'libvirt' };

// Main's limits and messages (engineConfigSchema).
const MAX_NAME = 100;
const MAX_ADDRESS = 2000;
const MAX_PATH = 4096;
export const DOCKER_URL_PROBLEM = 'must be unix:///path/to.sock, tcp://host:port or ssh://user@host';
export const LIBVIRT_URI_PROBLEM = 'must be a libvirt URI such as qemu:///system or qemu+ssh://user@host/system';
export const PASSWORD_PROBLEM = 'carries a password; Neighborhood never uses passwords (ssh uses your agent or keys, tcp:// uses TLS certificates)';

/** A URL whose parse does not throw and that names a host, as main checks tcp:// and ssh:// addresses. */
function parses(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Main's dockerUrl rule. */
export function dockerUrlProblem(url: string): string | null {
  if (url.length > MAX_ADDRESS) return DOCKER_URL_PROBLEM;
  if (/^unix:\/\/\/./.test(url)) return null;
  if ((url.startsWith('tcp://') || url.startsWith('ssh://')) && (parses(url)?.hostname ?? '') !== '') return null;
  return DOCKER_URL_PROBLEM;
}

/** Main's libvirt URI rule. */
export function libvirtUriProblem(uri: string): string | null {
  return uri.length <= MAX_ADDRESS && /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? null : LIBVIRT_URI_PROBLEM;
}

/** Main's name rule (it trims first). */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length < 1) return 'needs a name';
  if (trimmed.length > MAX_NAME) return `can have at most ${MAX_NAME} characters`;
  return null;
}

/** Main's absolutePath rule, for a path that was given. */
export function pathProblem(path: string): string | null {
  if (path.length > MAX_PATH) return `can have at most ${MAX_PATH} characters`;
  return path.startsWith('/') ? null : 'must be an absolute path';
}

/** The form's one stricter rule: no password in an address (it would be stored in clear). */
export function passwordProblem(address: string): string | null {
  return (parses(address)?.password ?? '') !== '' ? PASSWORD_PROBLEM : null;
}

export function transportOf(values: Pick<EngineFormValues, 'kind' | 'url'>): Transport {
  if (values.kind === 'libvirt') return 'libvirt';
  const url = values.url.trim();
  if (url.startsWith('unix://')) return 'unix';
  if (url.startsWith('tcp://')) return 'tcp';
  if (url.startsWith('ssh://')) return 'ssh';
  return 'unknown';
}

/** The host an address names (without brackets), or null for a local socket or a host-less URI. */
export function hostOf(address: string): string | null {
  const host = parses(address)?.hostname.replace(/^\[(.*)\]$/, '$1') ?? '';
  return host === '' ? null : host;
}

/**
 * The name an engine gets unless the user types one: its kind and where it is, e.g. "Docker on box",
 * "Podman (podman.sock)", "libvirt (system)", "libvirt on box".
 */
export function defaultName(values: Pick<EngineFormValues, 'kind' | 'url' | 'uri'>): string {
  const kind = KIND_LABELS[values.kind];
  const address = (values.kind === 'libvirt' ? values.uri : values.url).trim();
  const host = hostOf(address);
  if (host !== null) return `${kind} on ${host}`;
  const tail = (values.kind === 'libvirt' ? address.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '') : address.replace(/^unix:\/\//, ''))
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((part) => part !== '')
    .at(-1);
  return tail ? `${kind} (${tail})`.slice(0, MAX_NAME) : kind;
}

const given = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Checks the form as main would and builds the configuration to send. */
export function checkEngineForm(values: EngineFormValues): EngineFormCheck {
  const problems: EngineFormCheck['problems'] = {};
  const name = values.name ?? defaultName(values);
  const transport = transportOf(values);
  const nameIssue = nameProblem(name);
  if (nameIssue) problems.name = nameIssue;

  if (values.kind === 'libvirt') {
    const uri = values.uri.trim();
    const issue = libvirtUriProblem(uri) ?? passwordProblem(uri);
    if (issue) problems.uri = issue;
    const config: EngineConfig = { kind: 'libvirt', name: name.trim(), uri };
    return { config: Object.keys(problems).length === 0 ? config : null, problems, name, transport, unencrypted: false };
  }

  const url = values.url.trim();
  const urlIssue = dockerUrlProblem(url) ?? passwordProblem(url);
  if (urlIssue) problems.url = urlIssue;

  let tls: TlsFiles | null = null;
  if (transport === 'tcp') {
    const files = { tlsCa: given(values.tlsCa), tlsCert: given(values.tlsCert), tlsKey: given(values.tlsKey) };
    const anyGiven = Object.values(files).some((f) => f !== null);
    if (anyGiven) {
      for (const [field, path] of Object.entries(files) as Array<[EngineFormField, string | null]>) {
        const issue = path === null ? 'is needed with the other TLS files' : pathProblem(path);
        if (issue) problems[field] = issue;
      }
      tls = { ca: files.tlsCa ?? '', cert: files.tlsCert ?? '', key: files.tlsKey ?? '' };
    }
  }

  let ssh: SshOptions | null = null;
  if (transport === 'ssh') {
    const identityFile = given(values.sshIdentityFile);
    const knownHostsFile = given(values.sshKnownHostsFile);
    for (const [field, path] of [['sshIdentityFile', identityFile], ['sshKnownHostsFile', knownHostsFile]] as const) {
      const issue = path === null ? null : pathProblem(path);
      if (issue) problems[field] = issue;
    }
    if (identityFile !== null || knownHostsFile !== null) ssh = { identityFile, knownHostsFile };
  }

  const config: EngineConfig = { kind: values.kind, name: name.trim(), url, ...(tls ? { tls } : {}), ...(ssh ? { ssh } : {}) };
  const ok = Object.keys(problems).length === 0;
  return { config: ok ? config : null, problems, name, transport, unencrypted: transport === 'tcp' && tls === null };
}

/** A stable key for a configuration, to tell whether a test's answer is about what the form says now. */
export const configKey = (config: EngineConfig): string => JSON.stringify(config);
