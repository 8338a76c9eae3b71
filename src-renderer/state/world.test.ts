import { describe, expect, it } from 'vitest';
import { makeContainer, makeEngine, makeHost, makeVm, makeWorld } from '../testing/make';
import { nothingConnected, resolveSelection, tenantKey, tenantLabel, type Selection } from './world';

describe('resolveSelection', () => {
  const web = makeContainer({ id: 'c-web', name: 'web' });
  const small = makeVm({ uuid: 'u-small', name: 'small' });
  const docker = makeEngine({ id: 'docker:/s', containers: [web] });
  const libvirt = makeEngine({ id: 'libvirt:qemu', kind: 'libvirt', vms: [small] });
  const world = makeWorld({ hosts: [makeHost({ engines: [docker, libvirt] })] });
  const container: Selection = { kind: 'container', engineId: 'docker:/s', id: 'c-web', name: 'web' };
  const vm: Selection = { kind: 'vm', engineId: 'libvirt:qemu', uuid: 'u-small', name: 'small' };

  it.each([
    ['container found', world, container, 'container'],
    ['vm found', world, vm, 'vm'],
    ['container gone from the frame', makeWorld({ hosts: [makeHost({ engines: [{ ...docker, containers: [] }, libvirt] })] }), container, 'gone'],
    ['vm gone', makeWorld({ hosts: [makeHost({ engines: [docker] })] }), vm, 'gone'],
    ['same id on another engine does not count', makeWorld({ hosts: [makeHost({ engines: [{ ...docker, id: 'podman:/s' }] })] }), container, 'gone'],
    ['no world yet', null, container, 'gone'],
    ['no hosts', makeWorld(), vm, 'gone'],
  ])('%s', (_name, frame, selection, kind) => {
    expect(resolveSelection(frame, selection).kind).toBe(kind);
  });

  it('re-resolves to the newest figures in each new frame', () => {
    const next = makeWorld({
      seq: 2,
      hosts: [makeHost({ engines: [{ ...docker, containers: [{ ...web, state: 'paused' }] }, libvirt] })],
    });
    const first = resolveSelection(world, container);
    const second = resolveSelection(next, container);
    expect(first.kind === 'container' && first.container.state).toBe('running');
    expect(second.kind === 'container' && second.container.state).toBe('paused');
  });

  it('names tenants as the accessible names do', () => {
    expect(tenantLabel(container)).toBe('Container web');
    expect(tenantLabel(vm)).toBe('VM small');
    expect(tenantKey(container)).toBe('container:docker:/s:c-web');
    expect(tenantKey(vm)).toBe('vm:libvirt:qemu:u-small');
  });
});

describe('nothingConnected', () => {
  const never = makeEngine({ version: null, status: { state: 'unreachable', reason: 'ENOENT', since: 0, nextRetryAt: 1 } });
  const lost = makeEngine({ version: '26.1.5', status: { state: 'unreachable', reason: 'ENOENT', since: 0, nextRetryAt: 1 } });
  const starting = makeEngine({ id: 'libvirt:x', kind: 'libvirt', version: null, status: { state: 'connecting' } });
  it.each([
    ['no hosts', makeWorld(), true],
    ['engines that never answered, on the local host', makeWorld({ hosts: [makeHost({ engines: [never, starting] })] }), true],
    ['on a placeholder host too', makeWorld({ hosts: [makeHost({ cpus: 0, memoryBytes: 0, engines: [never] })] }), true],
    ['an engine that answered once and went away', makeWorld({ hosts: [makeHost({ engines: [lost, never] })] }), false],
    ['a connected engine', makeWorld({ hosts: [makeHost({ engines: [never, makeEngine()] })] }), false],
  ])('%s', (_name, world, expected) => {
    expect(nothingConnected(world)).toBe(expected);
  });
});
