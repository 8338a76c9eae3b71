/**
 * About's text, by table: every engine with its kind and version, "not connected" for one that is not
 * (even when a version from before is still known), and plain words before the engines are started,
 * when none is watched, and for a version the process does not know.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../contract';
import { aboutText } from './about';

const VERSIONS = { electron: '40.10.2', chrome: '144.0.7559.236', node: '24.14.0' };
const world = (...engines: Array<[kind: string, name: string, version: string | null, state: string]>): World =>
  ({ hosts: [{ engines: engines.map(([kind, name, version, state]) => ({ kind, name, version, status: { state } })) }] }) as unknown as World;

describe('aboutText', () => {
  it('names the app and its version, then Electron, Chromium and Node', () => {
    const { message, detail } = aboutText({ appVersion: '0.1.0', versions: VERSIONS, world: world() });
    expect(message).toBe('Neighborhood 0.1.0');
    expect(detail.split('\n').slice(0, 3)).toEqual(['Electron 40.10.2', 'Chromium 144.0.7559.236', 'Node 24.14.0']);
  });

  it('a version the process does not know is "unknown" (Node has no Electron or Chromium)', () => {
    const { detail } = aboutText({ appVersion: '0.1.0', versions: { node: '20.20.2' }, world: null });
    expect(detail.split('\n').slice(0, 3)).toEqual(['Electron unknown', 'Chromium unknown', 'Node 20.20.2']);
  });

  const cases: Array<[string, World | null, string[]]> = [
    ['before the engines are started', null, ['Engines: not started yet']],
    ['no engine watched', world(), ['Engines: none watched']],
    [
      'each engine: name, kind, version',
      world(['docker', 'Docker', '28.1.1', 'connected'], ['podman', 'Podman (rootless)', '5.4.0', 'connected'], ['libvirt', 'QEMU/KVM', '10.0.0', 'connected']),
      ['Engines:', '  Docker (Docker): 28.1.1', '  Podman (rootless) (Podman): 5.4.0', '  QEMU/KVM (libvirt): 10.0.0'],
    ],
    [
      'not connected, whatever version it had',
      world(['docker', 'Docker', '28.1.1', 'unreachable'], ['libvirt', 'QEMU/KVM', null, 'unavailable'], ['podman', 'Podman', null, 'connecting']),
      ['Engines:', '  Docker (Docker): not connected', '  QEMU/KVM (libvirt): not connected', '  Podman (Podman): not connected'],
    ],
    ['connected but it did not say its version', world(['docker', 'lab box', null, 'connected']), ['Engines:', '  lab box (Docker): version unknown']],
  ];
  it.each(cases)('engines %s', (_name, value, lines) => {
    expect(aboutText({ appVersion: '0.1.0', versions: VERSIONS, world: value }).detail.split('\n').slice(4)).toEqual(lines);
  });
});
