/** The engines this machine has, read from the real environment and files (see discovery.ts for the rules). */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { EngineConfig } from '../../contract';
import { testLibvirtUri } from '../libvirt/libvirt-test';
import { discoverEngines, libvirtCandidates, type MachineFacts } from './discovery';

function thisMachine(): MachineFacts {
  return {
    env: process.env,
    home: homedir(),
    uid: process.getuid?.() ?? 0,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    exists: (path) => existsSync(path),
  };
}

/** What was found, plus qemu:///session for a non-root user where it answers (asked once, with a deadline). */
export async function findLocalEngines(): Promise<EngineConfig[]> {
  const facts = thisMachine();
  const found = discoverEngines(facts);
  const { session } = libvirtCandidates(facts);
  if (session && (await testLibvirtUri(session.uri)).ok) found.push(session);
  return found;
}
