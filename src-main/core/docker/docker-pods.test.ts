import { describe, expect, it } from 'vitest';
import { podsByContainer, rootlessFrom } from './docker-pods';

describe('podsByContainer', () => {
  it('puts each container on its pod', () => {
    const pods = [
      { Id: 'p1', Name: 'web', Containers: [{ Id: 'c1', Names: 'web-app' }, { Id: 'c2' }] },
      { Id: 'p2', Name: '', Containers: [{ Id: 'c3' }] },
    ];
    expect(podsByContainer(pods)).toEqual(
      new Map([
        ['c1', { id: 'p1', name: 'web' }],
        ['c2', { id: 'p1', name: 'web' }],
        ['c3', { id: 'p2', name: 'p2' }],
      ]),
    );
  });

  it.each([
    { name: 'not a list', pods: { message: 'not found' } },
    { name: 'null', pods: null },
    { name: 'pods without ids or containers', pods: [{ Name: 'x', Containers: [{ Id: 'c1' }] }, { Id: 'p', Containers: null }, null, 7] },
    { name: 'containers without ids', pods: [{ Id: 'p', Containers: [{ Id: '' }, {}, null] }] },
  ])('tolerates $name', ({ pods }) => {
    expect(podsByContainer(pods).size).toBe(0);
  });
});

describe('rootlessFrom', () => {
  it.each([
    { name: 'libpod says rootful', libpod: { host: { security: { rootless: false } } }, info: { SecurityOptions: ['name=rootless'] }, want: false },
    { name: 'libpod says rootless', libpod: { host: { security: { rootless: true } } }, info: {}, want: true },
    { name: 'no libpod: compatible info lists rootless', libpod: null, info: { SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'] }, want: true },
    { name: 'no libpod: compatible info without it', libpod: null, info: { SecurityOptions: ['name=seccomp,profile=default'] }, want: false },
    { name: 'nothing to go by', libpod: { message: 'no' }, info: {}, want: null },
  ])('$name → $want', ({ libpod, info, want }) => {
    expect(rootlessFrom(libpod, info)).toBe(want);
  });
});
