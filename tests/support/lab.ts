/**
 * Tests that stop an engine may stop only one the lab started (scripts/lab.sh marks those): `npm test`
 * on a developer's workstation must never stop their own dockerd or libvirtd. Elsewhere such tests skip
 * and say why; in CI (CI=true), where the lab starts every engine, an engine the lab does not own fails.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IN_CI } from './engines';

const run = promisify(execFile);
const LAB = new URL('../../scripts/lab.sh', import.meta.url).pathname;

export type LabDaemon = 'dockerd' | 'libvirtd';

export async function labOwns(daemon: LabDaemon): Promise<boolean> {
  try {
    await run(LAB, ['owns', daemon], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a test may stop `daemon`. False (with the reason printed) where the daemon is not the lab's;
 * in CI that is a failure instead.
 */
export async function mayStop(daemon: LabDaemon): Promise<boolean> {
  if (await labOwns(daemon)) return true;
  const why = `the running ${daemon} was not started by scripts/lab.sh, so tests that stop it are skipped (they never stop a daemon of yours)`;
  if (IN_CI) throw new Error(`CI=true but ${why}`);
  console.info(`skipped: ${why}`);
  return false;
}

/** Runs a lab command (up, stop-docker, stop-libvirt…) from the repository root. */
export async function lab(command: string): Promise<void> {
  await run(LAB, [command], { cwd: new URL('../..', import.meta.url).pathname, timeout: 120_000 });
}
