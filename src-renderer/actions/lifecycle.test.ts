import { describe, expect, it } from 'vitest';
import type { ContainerState, VmState } from '../../src-main/contract';
import { confirmation, containerChoices, lifecycleAction, removeNeedsForce, vmChoices } from './lifecycle';

const enabled = (choices: { op: string; enabled: boolean }[]): string[] => choices.filter((c) => c.enabled).map((c) => c.op);

describe('containerChoices', () => {
  it.each<[ContainerState, string[]]>([
    ['running', ['stop', 'restart', 'pause', 'remove']],
    ['paused', ['stop', 'unpause', 'remove']],
    ['restarting', ['stop', 'remove']],
    ['exited', ['start', 'remove']],
    ['created', ['start', 'remove']],
    ['dead', ['remove']],
    ['removing', []],
  ])('%s → %j', (state, ops) => {
    expect(enabled(containerChoices(state))).toEqual(ops);
  });

  it('offers every action in one order, with "…" where a confirmation follows', () => {
    expect(containerChoices('running').map((c) => c.label)).toEqual(['Start', 'Stop', 'Restart', 'Pause', 'Unpause', 'Remove…']);
    expect(containerChoices('running').filter((c) => c.asks).map((c) => c.op)).toEqual(['remove']);
  });
});

describe('vmChoices', () => {
  it.each<[VmState, string[]]>([
    ['running', ['shutdown', 'reboot', 'suspend', 'destroy']],
    ['blocked', ['shutdown', 'reboot', 'suspend', 'destroy']],
    ['paused', ['resume', 'destroy']],
    ['shutoff', ['start']],
    ['shutdown', ['destroy']],
    ['crashed', ['destroy']],
    ['pmsuspended', ['destroy']],
    ['nostate', []],
  ])('%s → %j', (state, ops) => {
    expect(enabled(vmChoices(state))).toEqual(ops);
  });

  it('names the VM actions as a user knows them', () => {
    expect(vmChoices('running').map((c) => c.label)).toEqual(['Start', 'Shut down', 'Reboot', 'Pause', 'Resume', 'Force off…']);
  });
});

describe('confirmation', () => {
  it.each<[ContainerState, boolean]>([
    ['running', true],
    ['paused', true],
    ['restarting', true],
    ['exited', false],
    ['created', false],
    ['dead', false],
  ])('removing a %s container needs force: %s', (state, force) => {
    expect(removeNeedsForce(state)).toBe(force);
    const c = confirmation({ kind: 'container', name: 'web', state }, 'remove');
    expect(c?.force).toBe(force);
    expect(c?.confirm).toBe(force ? 'Stop and remove' : 'Remove');
  });

  it('says plainly that a running container is stopped first', () => {
    expect(confirmation({ kind: 'container', name: 'web', state: 'running' }, 'remove')).toEqual({
      title: 'Remove container “web”?',
      body: ['It is running: removing it stops it first.', 'Files changed inside it go with it; its image and volumes stay.'],
      confirm: 'Stop and remove',
      force: true,
    });
    expect(confirmation({ kind: 'container', name: 'web', state: 'paused' }, 'remove')?.body[0]).toBe('It is paused: removing it stops it first.');
  });

  it('force off says the guest loses what it has not written', () => {
    const c = confirmation({ kind: 'vm', name: 'small', state: 'running' }, 'destroy');
    expect(c?.title).toBe('Force off VM “small”?');
    expect(c?.body[0]).toContain('loses whatever it has not yet written to its disks');
    expect(c?.confirm).toBe('Force off');
  });

  it.each([
    [{ kind: 'container', name: 'web', state: 'running' }, 'stop'],
    [{ kind: 'vm', name: 'small', state: 'running' }, 'shutdown'],
    [{ kind: 'vm', name: 'small', state: 'running' }, 'reboot'],
  ] as const)('%j %s runs without asking', (tenant, op) => {
    expect(confirmation(tenant, op)).toBeNull();
  });
});

describe('lifecycleAction', () => {
  it('addresses the tenant by engine and id, with force only when asked', () => {
    const web = { kind: 'container', engineId: 'docker:/s', id: 'c1', name: 'web' } as const;
    expect(lifecycleAction(web, 'stop')).toEqual({ kind: 'container', engineId: 'docker:/s', containerId: 'c1', op: 'stop' });
    expect(lifecycleAction(web, 'remove', true)).toEqual({ kind: 'container', engineId: 'docker:/s', containerId: 'c1', op: 'remove', force: true });
    expect(lifecycleAction({ kind: 'vm', engineId: 'libvirt:qemu:///system', uuid: 'u1', name: 'small' }, 'destroy')).toEqual({
      kind: 'vm',
      engineId: 'libvirt:qemu:///system',
      uuid: 'u1',
      op: 'destroy',
    });
  });
});
