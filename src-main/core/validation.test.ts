import { describe, expect, it } from 'vitest';
import { engineConfigSchema, isInvokeChannel, validateRequest, ValidationError } from './validation';

describe('validateRequest', () => {
  it.each([
    { channel: 'world:get', request: null, want: null },
    { channel: 'settings:get', request: null, want: null },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 5 }, want: { sampleIntervalSeconds: 5 } },
    { channel: 'settings:set', request: {}, want: {} },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 1 }, want: { sampleIntervalSeconds: 1 } },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 60 }, want: { sampleIntervalSeconds: 60 } },
    { channel: 'action:run', request: { kind: 'container', engineId: 'docker:/var/run/docker.sock', containerId: 'a'.repeat(64), op: 'remove', force: true }, want: { kind: 'container', engineId: 'docker:/var/run/docker.sock', containerId: 'a'.repeat(64), op: 'remove', force: true } },
    { channel: 'action:run', request: { kind: 'vm', engineId: 'libvirt:qemu:///system', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', op: 'shutdown' }, want: { kind: 'vm', engineId: 'libvirt:qemu:///system', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', op: 'shutdown' } },
    { channel: 'action:run', request: { kind: 'snapshot-create', engineId: 'e', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', name: '</name>', description: '<b>', memory: true }, want: { kind: 'snapshot-create', engineId: 'e', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', name: '</name>', description: '<b>', memory: true } },
  ] as const)('accepts $channel $request', ({ channel, request, want }) => {
    expect(validateRequest(channel, request)).toEqual(want);
  });

  it.each([
    { channel: 'settings:set', request: { sampleIntervalSeconds: 0 }, why: /sampleIntervalSeconds must be at least 1 second/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 61 }, why: /at most 60 seconds/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 1.5 }, why: /whole number/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: '5' }, why: /sampleIntervalSeconds/ },
    { channel: 'settings:set', request: { sampleIntervalSeconds: 5, extra: true }, why: /extra/ },
    { channel: 'settings:set', request: null, why: /Invalid request for settings:set/ },
    { channel: 'world:get', request: { any: 1 }, why: /Invalid request for world:get/ },
    { channel: 'action:run', request: { kind: 'vm', engineId: 'e', uuid: 'not-a-uuid', op: 'start' }, why: /uuid must be a UUID/ },
    { channel: 'action:run', request: { kind: 'vm', engineId: 'e', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', op: 'explode' }, why: /op/ },
    { channel: 'action:run', request: { kind: 'container', engineId: 'e', containerId: '../../etc', op: 'start' }, why: /containerId must be a container id/ },
    { channel: 'action:run', request: { kind: 'snapshot-revert', engineId: 'e', uuid: '1440c35c-3630-4058-bae8-d0bb5adb3b3f', name: 'x' }, why: /force/ },
    { channel: 'action:run', request: { kind: 'rm-rf', engineId: 'e' }, why: /kind/ },
  ] as const)('refuses $channel $request', ({ channel, request, why }) => {
    expect(() => validateRequest(channel, request)).toThrow(ValidationError);
    expect(() => validateRequest(channel, request)).toThrow(why);
  });
});

describe('isInvokeChannel', () => {
  it.each([
    ['world:get', true],
    ['settings:set', true],
    ['toString', false],
    ['__proto__', false],
    ['', false],
    [42, false],
  ] as const)('%s → %s', (channel, want) => {
    expect(isInvokeChannel(channel)).toBe(want);
  });
});

describe('engineConfigSchema', () => {
  it.each([
    { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' },
    { kind: 'docker', name: 'lab', url: 'tcp://127.0.0.1:2376', tls: { ca: '/l/ca.pem', cert: '/l/cert.pem', key: '/l/key.pem' } },
    { kind: 'podman', name: 'far', url: 'ssh://me@far:2222', ssh: { identityFile: '/home/me/.ssh/id', knownHostsFile: null } },
    { kind: 'libvirt', name: 'far', uri: 'qemu+ssh://root@far/system?keyfile=/k' },
    { kind: 'libvirt', name: 'session', uri: 'qemu:///session' },
  ])('accepts $kind $name', (config) => {
    expect(engineConfigSchema.safeParse(config).success).toBe(true);
  });

  it.each([
    { config: { kind: 'docker', name: '', url: 'unix:///x' }, why: /needs a name/ },
    { config: { kind: 'docker', name: 'x', url: 'http://x' }, why: /unix:\/\/\/path/ },
    { config: { kind: 'docker', name: 'x', url: 'tcp://' }, why: /tcp:\/\/host:port/ },
    { config: { kind: 'docker', name: 'x', url: 'unix://relative.sock' }, why: /unix:\/\/\/path/ },
    { config: { kind: 'docker', name: 'x', url: 'unix:///x', tls: { ca: '/a', cert: '/b', key: '/c' } }, why: /TLS files go with a tcp:\/\/ URL/ },
    { config: { kind: 'docker', name: 'x', url: 'tcp://h:1', tls: { ca: 'rel', cert: '/b', key: '/c' } }, why: /absolute path/ },
    { config: { kind: 'docker', name: 'x', url: 'tcp://h:1', ssh: {} }, why: /SSH options go with an ssh:\/\/ URL/ },
    { config: { kind: 'docker', name: 'x', url: 'unix:///x', password: 'hunter2' }, why: /password/ },
    { config: { kind: 'libvirt', name: 'x', uri: 'not a uri' }, why: /libvirt URI/ },
    { config: { kind: 'docker', name: 'x', url: 'ssh://me:hunter2@far' }, why: /must not carry a password/ },
    { config: { kind: 'docker', name: 'x', url: 'tcp://me:pw@far:2376' }, why: /must not carry a password/ },
    { config: { kind: 'libvirt', name: 'x', uri: 'qemu+ssh://root:pw@far/system' }, why: /must not carry a password/ },
    { config: { kind: 'vmware', name: 'x', uri: 'vpx://x' }, why: /kind/ },
  ])('refuses $config', ({ config, why }) => {
    const r = engineConfigSchema.safeParse(config);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')).toMatch(why);
  });
});
