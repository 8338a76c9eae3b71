import { describe, expect, it } from 'vitest';
import type { EngineEntry } from '../../src-main/contract';
import { makeContainer, makeEngine, makeHost, makeVm, makeWorld } from '../testing/make';
import { engineRows, removalText, whereOf } from './engine-rows';

const dockerEntry: EngineEntry = { id: 'docker:/var/run/docker.sock', config: { kind: 'docker', name: 'Docker', url: 'unix:///var/run/docker.sock' }, discovered: true };
const labEntry: EngineEntry = {
  id: 'docker:/run/lab/docker2.sock',
  config: { kind: 'docker', name: '<b>lab</b>', url: 'unix:///run/lab/docker2.sock' },
  discovered: false,
};
const libvirtEntry: EngineEntry = { id: 'libvirt:qemu:///system', config: { kind: 'libvirt', name: 'libvirt', uri: 'qemu:///system' }, discovered: true };

describe('engineRows', () => {
  it.each([
    {
      why: 'connected, with its version, found here',
      engine: makeEngine({ containers: [makeContainer(), makeContainer({ id: 'c2' })] }),
      entry: dockerEntry,
      want: { state: 'connected', status: 'connected (Docker 26.1.5)', origin: 'found here', tenants: '2 containers', where: 'unix:///var/run/docker.sock' },
    },
    {
      why: 'unreachable with the reason as the core says it; added; the name untouched',
      engine: makeEngine({ id: labEntry.id, status: { state: 'unreachable', reason: 'connect ENOENT /run/lab/docker2.sock', since: 0, nextRetryAt: 1 } }),
      entry: labEntry,
      want: { name: '<b>lab</b>', state: 'unreachable', status: 'unreachable: connect ENOENT /run/lab/docker2.sock', origin: 'added', tenants: 'no tenants' },
    },
    {
      why: 'connecting',
      engine: makeEngine({ id: labEntry.id, status: { state: 'connecting' }, version: null }),
      entry: labEntry,
      want: { state: 'connecting', status: 'connecting…' },
    },
    {
      why: 'connected before its version is known',
      engine: makeEngine({ id: labEntry.id, version: null }),
      entry: labEntry,
      want: { status: 'connected' },
    },
    {
      why: 'libvirt unavailable, one VM counted',
      engine: makeEngine({ id: libvirtEntry.id, kind: 'libvirt', status: { state: 'unavailable', reason: 'no binding' }, vms: [makeVm()] }),
      entry: libvirtEntry,
      want: { kind: 'libvirt', state: 'unavailable', status: 'unavailable: no binding', tenants: '1 VM', where: 'qemu:///system' },
    },
    {
      why: 'not in the world yet (just added)',
      engine: makeEngine({ id: 'docker:/elsewhere' }),
      entry: labEntry,
      want: { state: 'absent', status: 'not on the map yet', tenants: null },
    },
  ])('$why', ({ engine, entry, want }) => {
    const world = makeWorld({ hosts: [makeHost({ engines: [makeEngine({ id: 'docker:/other' }), engine] })] });
    expect(engineRows([entry], world)[0]).toMatchObject(want);
  });

  it('keeps main’s order and matches engines on any host by id', () => {
    const world = makeWorld({
      hosts: [makeHost({ id: 'a', engines: [makeEngine({ id: libvirtEntry.id, kind: 'libvirt' })] }), makeHost({ id: 'b', engines: [makeEngine()] })],
    });
    const rows = engineRows([libvirtEntry, dockerEntry, labEntry], world);
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      [libvirtEntry.id, 'connected'],
      [dockerEntry.id, 'connected'],
      [labEntry.id, 'absent'],
    ]);
  });

  it('says "not on the map yet" for every entry before the first world', () => {
    expect(engineRows([dockerEntry], null)[0]?.status).toBe('not on the map yet');
  });
});

describe('removalText', () => {
  it.each([
    { tenants: '3 containers', kind: 'Docker', want: /^Its tenants \(3 containers\) leave the map\. Nothing on the engine changes: no container or VM is stopped or deleted, and Docker keeps running/ },
    { tenants: 'no tenants', kind: 'Podman', want: /^It has no tenants on the map now\. Nothing on the engine changes/ },
    { tenants: null, kind: 'libvirt', want: /^Its tenants leave the map\. .*libvirt keeps running/ },
  ])('$tenants', ({ tenants, kind, want }) => {
    expect(removalText({ tenants, kind })).toMatch(want);
  });
});

describe('whereOf', () => {
  it('is the url or the uri as configured', () => {
    expect(whereOf(dockerEntry.config)).toBe('unix:///var/run/docker.sock');
    expect(whereOf(libvirtEntry.config)).toBe('qemu:///system');
  });
});
