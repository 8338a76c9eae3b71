/**
 * Help › About: what is running, for a bug report — the app's version, Electron's, Chromium's and Node's,
 * and every engine the map watches with its version (or why there is none). The text is pure; the box
 * is Electron's native message box on the map window.
 */
import type { BaseWindow, Dialog } from 'electron';
import type { Engine, EngineKind, World } from '../contract';

export interface AboutFacts {
  appVersion: string;
  /** `process.versions` of the main process (Electron fills in electron and chrome). */
  versions: Readonly<Partial<Record<'electron' | 'chrome' | 'node', string>>>;
  /** The current world; null before the engines were started. */
  world: World | null;
}

const KIND_NAMES: Record<EngineKind, string> = { docker: 'Docker', podman: 'Podman', libvirt: 'libvirt' };

/** An engine's version only while it is connected: a version from before it went away is not what runs now. */
const engineVersion = (engine: Engine): string =>
  engine.status.state !== 'connected' ? 'not connected' : (engine.version ?? 'version unknown');

function engineLines(world: World | null): string[] {
  if (!world) return ['Engines: not started yet'];
  const engines = world.hosts.flatMap((host) => host.engines);
  if (engines.length === 0) return ['Engines: none watched'];
  return ['Engines:', ...engines.map((engine) => `  ${engine.name} (${KIND_NAMES[engine.kind]}): ${engineVersion(engine)}`)];
}

export function aboutText({ appVersion, versions, world }: AboutFacts): { message: string; detail: string } {
  const unknown = 'unknown';
  return {
    message: `Neighborhood ${appVersion}`,
    detail: [
      `Electron ${versions.electron ?? unknown}`,
      `Chromium ${versions.chrome ?? unknown}`,
      `Node ${versions.node ?? unknown}`,
      '',
      ...engineLines(world),
    ].join('\n'),
  };
}

/** Resolves when the user has dismissed the box. On the map window when there is one (modal to it). */
export async function showAbout(dialog: Pick<Dialog, 'showMessageBox'>, window: BaseWindow | null, facts: AboutFacts): Promise<void> {
  const options = { type: 'info' as const, title: 'About Neighborhood', buttons: ['OK'], noLink: true, ...aboutText(facts) };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
