// libvirtd's view of its clients, through virt-admin (the daemon's admin interface).
import { execFileSync, spawnSync } from 'node:child_process';

export const hasVirtAdmin = spawnSync('virt-admin', ['--version']).status === 0;

/** libvirtd's ids for the clients process `pid` holds open (matched by the client's unix peer pid). */
export function clientIdsOf(pid: number): string[] {
  const run = (...args: string[]) => execFileSync('virt-admin', args, { encoding: 'utf8' });
  const ids = run('srv-clients-list', 'libvirtd')
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((id) => /^\d+$/.test(id));
  return ids.filter((id) => {
    let info: string;
    try {
      info = run('client-info', 'libvirtd', id);
    } catch {
      return false; // gone between the listing and this question
    }
    return new RegExp(`unix_process_id\\s*:\\s*${pid}\\b`).test(info);
  });
}
