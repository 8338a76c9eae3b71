import { describe, expect, it } from 'vitest';
import type { ContainerState, VmState } from '../../src-main/contract';
import { containerLook, vmLook } from './tenant-look';

describe('looks', () => {
  it.each<[ContainerState, string]>([
    ['running', 'lit'],
    ['restarting', 'lit'],
    ['paused', 'paused'],
    ['exited', 'dark'],
    ['dead', 'dark'],
    ['removing', 'dark'],
    ['created', 'new'],
  ])('container %s → %s', (state, look) => {
    expect(containerLook(state)).toBe(look);
  });

  it.each<[VmState, string]>([
    ['running', 'lit'],
    ['paused', 'paused'],
    ['pmsuspended', 'paused'],
    ['shutoff', 'dark'],
    ['shutdown', 'dark'],
    ['crashed', 'dark'],
    ['nostate', 'new'],
  ])('vm %s → %s', (state, look) => {
    expect(vmLook(state)).toBe(look);
  });

  it('an unknown state from a newer engine reads as dark, not as an error', () => {
    expect(containerLook('hibernating' as ContainerState)).toBe('dark');
  });
});
