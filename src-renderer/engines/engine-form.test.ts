import { describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../src-main/contract';
import { engineConfigSchema } from '../../src-main/core/validation';
import { checkEngineForm, defaultName, emptyForm, PASSWORD_PROBLEM, transportOf, type EngineFormField, type EngineFormValues } from './engine-form';

const form = (p: Partial<EngineFormValues>): EngineFormValues => ({ ...emptyForm(p.kind ?? 'docker'), ...p });

/** Main's verdict on the configuration the form would build with its problems ignored. */
function mainAccepts(config: EngineConfig): boolean {
  return engineConfigSchema.safeParse(config).success;
}

const LONG = 'x'.repeat(101);
const tls = { tlsCa: '/l/ca.pem', tlsCert: '/l/cert.pem', tlsKey: '/l/key.pem' };

interface Row {
  why: string;
  values: Partial<EngineFormValues>;
  /** The fields with a problem, and a piece of each problem's words; none means the config is sent. */
  problems?: Partial<Record<EngineFormField, string>>;
  /** The config the form sends, when it is fine. */
  sends?: EngineConfig;
  unencrypted?: boolean;
  /** Where the form is deliberately stricter than main, and why. */
  stricter?: string;
}

const rows: Row[] = [
  { why: 'a local socket', values: { url: 'unix:///var/run/docker.sock' }, sends: { kind: 'docker', name: 'Docker (docker.sock)', url: 'unix:///var/run/docker.sock' } },
  { why: 'spaces around the url are dropped', values: { url: '  unix:///run/x.sock ' }, sends: { kind: 'docker', name: 'Docker (x.sock)', url: 'unix:///run/x.sock' } },
  { why: 'unix:// needs a path', values: { url: 'unix:///' }, problems: { url: 'must be unix:///path/to.sock, tcp://host:port or ssh://user@host' } },
  { why: 'a relative socket path', values: { url: 'unix://docker.sock' }, problems: { url: 'must be unix:///path' } },
  { why: 'nothing typed', values: {}, problems: { url: 'must be unix:///path' } },
  { why: 'a bare host', values: { url: 'box:2375' }, problems: { url: 'must be' } },
  { why: 'http is not an engine address', values: { url: 'http://box:2375' }, problems: { url: 'must be' } },
  { why: 'tcp:// names no host', values: { url: 'tcp://' }, problems: { url: 'must be' } },
  {
    why: 'plain tcp:// is allowed, and said to be unencrypted',
    values: { kind: 'podman', url: 'tcp://box:2375' },
    sends: { kind: 'podman', name: 'Podman on box', url: 'tcp://box:2375' },
    unencrypted: true,
  },
  {
    why: 'tcp:// with the three TLS files',
    values: { url: 'tcp://10.0.0.5:2376', ...tls },
    sends: { kind: 'docker', name: 'Docker on 10.0.0.5', url: 'tcp://10.0.0.5:2376', tls: { ca: '/l/ca.pem', cert: '/l/cert.pem', key: '/l/key.pem' } },
    unencrypted: false,
  },
  { why: 'one TLS file needs the other two', values: { url: 'tcp://box:2376', tlsCa: '/l/ca.pem' }, problems: { tlsCert: 'is needed', tlsKey: 'is needed' } },
  { why: 'TLS files are paths from the root', values: { url: 'tcp://box:2376', ...tls, tlsKey: 'key.pem' }, problems: { tlsKey: 'must be an absolute path' } },
  { why: 'TLS files are ignored for ssh:// (their fields are not shown)', values: { url: 'ssh://me@box', ...tls }, sends: { kind: 'docker', name: 'Docker on box', url: 'ssh://me@box' } },
  { why: 'ssh:// without options', values: { url: 'ssh://root@127.0.0.1:22220' }, sends: { kind: 'docker', name: 'Docker on 127.0.0.1', url: 'ssh://root@127.0.0.1:22220' } },
  {
    why: 'ssh:// with an identity file only',
    values: { url: 'ssh://me@box', sshIdentityFile: ' /k/id ' },
    sends: { kind: 'docker', name: 'Docker on box', url: 'ssh://me@box', ssh: { identityFile: '/k/id', knownHostsFile: null } },
  },
  { why: 'a relative known_hosts path', values: { url: 'ssh://me@box', sshKnownHostsFile: 'known_hosts' }, problems: { sshKnownHostsFile: 'must be an absolute path' } },
  { why: 'SSH options are ignored for unix://', values: { url: 'unix:///s.sock', sshIdentityFile: 'relative' }, sends: { kind: 'docker', name: 'Docker (s.sock)', url: 'unix:///s.sock' } },
  { why: 'IPv6 host', values: { url: 'tcp://[::1]:2375' }, sends: { kind: 'docker', name: 'Docker on ::1', url: 'tcp://[::1]:2375' }, unencrypted: true },
  { why: 'a typed name wins, trimmed', values: { url: 'unix:///s.sock', name: '  lab box ' }, sends: { kind: 'docker', name: 'lab box', url: 'unix:///s.sock' } },
  { why: 'a name of spaces', values: { url: 'unix:///s.sock', name: '   ' }, problems: { name: 'needs a name' } },
  { why: 'a name too long', values: { url: 'unix:///s.sock', name: LONG }, problems: { name: 'can have at most 100 characters' } },
  { why: 'an address too long', values: { url: `unix:///${'p'.repeat(2000)}` }, problems: { url: 'must be' } },
  {
    why: 'a password in an ssh:// address',
    values: { url: 'ssh://me:secret@box' },
    problems: { url: PASSWORD_PROBLEM },
  },
  { why: 'a password in a tcp:// address', values: { url: 'tcp://me:secret@box:2375' }, problems: { url: 'never uses passwords' } },
  { why: 'libvirt system', values: { kind: 'libvirt', uri: 'qemu:///system' }, sends: { kind: 'libvirt', name: 'libvirt (system)', uri: 'qemu:///system' } },
  { why: 'libvirt over ssh', values: { kind: 'libvirt', uri: 'qemu+ssh://me@far/system' }, sends: { kind: 'libvirt', name: 'libvirt on far', uri: 'qemu+ssh://me@far/system' } },
  { why: 'libvirt test driver', values: { kind: 'libvirt', uri: 'test:///default' }, sends: { kind: 'libvirt', name: 'libvirt (default)', uri: 'test:///default' } },
  { why: 'libvirt needs a scheme', values: { kind: 'libvirt', uri: 'system' }, problems: { uri: 'must be a libvirt URI such as qemu:///system' } },
  { why: 'libvirt ignores the docker url', values: { kind: 'libvirt', url: 'nonsense', uri: 'qemu:///session' }, sends: { kind: 'libvirt', name: 'libvirt (session)', uri: 'qemu:///session' } },
  { why: 'libvirt with a password', values: { kind: 'libvirt', uri: 'qemu+tls://me:pw@far/system' }, problems: { uri: 'never uses passwords' } },
];

describe('checkEngineForm', () => {
  it.each(rows)('$why', (row) => {
    const check = checkEngineForm(form(row.values));
    const wanted = row.problems ?? {};
    expect(Object.keys(check.problems).sort()).toEqual(Object.keys(wanted).sort());
    for (const [field, words] of Object.entries(wanted)) expect(check.problems[field as EngineFormField]).toContain(words);
    if (row.sends) expect(check.config).toEqual(row.sends);
    else expect(check.config).toBeNull();
    if (row.unencrypted !== undefined) expect(check.unencrypted).toBe(row.unencrypted);
  });

  // The same table, judged by main's own schema: what the form sends, main accepts; what the form refuses,
  // main refuses too — except where the form says it is stricter, and why.
  it.each(rows)('agrees with main: $why', (row) => {
    const check = checkEngineForm(form(row.values));
    if (check.config) {
      expect(mainAccepts(check.config)).toBe(true);
      return;
    }
    // Rebuild what would have been sent without the form's check, the way the form builds it.
    const values = form(row.values);
    const name = (values.name ?? defaultName(values)).trim();
    const raw: EngineConfig =
      values.kind === 'libvirt'
        ? { kind: 'libvirt', name, uri: values.uri.trim() }
        : {
            kind: values.kind,
            name,
            url: values.url.trim(),
            ...(check.transport === 'tcp' && (values.tlsCa || values.tlsCert || values.tlsKey) ? { tls: { ca: values.tlsCa, cert: values.tlsCert, key: values.tlsKey } } : {}),
            ...(check.transport === 'ssh' && (values.sshIdentityFile || values.sshKnownHostsFile)
              ? { ssh: { identityFile: values.sshIdentityFile || null, knownHostsFile: values.sshKnownHostsFile || null } }
              : {}),
          };
    expect(mainAccepts(raw)).toBe(row.stricter !== undefined);
  });
});

describe('defaultName', () => {
  it.each([
    { values: { kind: 'docker', url: '', uri: '' }, want: 'Docker' },
    { values: { kind: 'podman', url: 'unix:///run/podman/podman.sock', uri: '' }, want: 'Podman (podman.sock)' },
    { values: { kind: 'docker', url: 'ssh://root@lab.example:22', uri: '' }, want: 'Docker on lab.example' },
    { values: { kind: 'libvirt', url: '', uri: 'qemu:///session' }, want: 'libvirt (session)' },
    { values: { kind: 'libvirt', url: '', uri: 'qemu+tls://far.example/system' }, want: 'libvirt on far.example' },
    { values: { kind: 'libvirt', url: '', uri: 'qemu:///system?socket=/run/x' }, want: 'libvirt (system)' },
  ] as const)('$values.kind $values.url$values.uri → $want', ({ values, want }) => {
    expect(defaultName(values)).toBe(want);
  });
});

describe('transportOf', () => {
  it.each([
    ['docker', 'unix:///s', 'unix'],
    ['docker', ' tcp://box', 'tcp'],
    ['podman', 'ssh://box', 'ssh'],
    ['docker', 'box', 'unknown'],
    ['libvirt', 'tcp://box', 'libvirt'],
  ] as const)('%s %s → %s', (kind, url, want) => {
    expect(transportOf({ kind, url })).toBe(want);
  });
});
