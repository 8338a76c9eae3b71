/**
 * Main survives and reports what would otherwise end it: proven on a stand-in emitter, and on a real
 * Node process that throws from a timer and leaves a rejection unhandled after the guards are installed.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installProcessGuards } from './process-guards';

describe('installProcessGuards', () => {
  it('reports unhandled rejections and uncaught exceptions with their context', () => {
    const proc = new EventEmitter();
    const reported: Array<[string, unknown]> = [];
    installProcessGuards(proc, (context, error) => reported.push([context, error]));
    const rejection = new Error('engine sent garbage');
    const exception = new TypeError('cannot read x of undefined');
    proc.emit('unhandledRejection', rejection, Promise.resolve());
    proc.emit('uncaughtException', exception, 'uncaughtException');
    expect(reported).toEqual([
      ['unhandled promise rejection in the main process', rejection],
      ['uncaught exception in the main process (uncaughtException)', exception],
    ]);
  });

  it('the disposer detaches both guards', () => {
    const proc = new EventEmitter();
    const remove = installProcessGuards(proc, () => {});
    remove();
    expect(proc.listenerCount('unhandledRejection') + proc.listenerCount('uncaughtException')).toBe(0);
  });

  it('a real process keeps running after both, and has said what happened', () => {
    const guards = fileURLToPath(new URL('./process-guards.ts', import.meta.url));
    const script = `
      const { installProcessGuards } = await import(${JSON.stringify(guards)});
      installProcessGuards(process, (context, error) => console.error('REPORTED ' + context + ': ' + error.message));
      setTimeout(() => { throw new Error('thrown from a timer'); }, 0);
      void Promise.reject(new Error('nobody caught me'));
      setTimeout(() => console.log('STILL ALIVE'), 50);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('STILL ALIVE');
    expect(run.stderr).toContain('REPORTED unhandled promise rejection in the main process: nobody caught me');
    expect(run.stderr).toContain('REPORTED uncaught exception in the main process (uncaughtException): thrown from a timer');
  });
});
