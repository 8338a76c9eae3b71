/**
 * Settings that persist across restarts, in one JSON file. A missing or damaged file means defaults
 * (the app must still start). Writes are atomic (a temporary file, then rename) and serialised; the
 * settings change only once the write has succeeded, a failed write is reported to its caller without
 * the file's absolute path, and it never poisons the writes after it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Settings } from '../contract';
import { settingsSchema } from './validation';

export const DEFAULT_SETTINGS: Settings = { sampleIntervalSeconds: 2, slowWhenHidden: true };

export class SettingsError extends Error {
  readonly code = 'settings-not-saved';
}

/** Why a write failed, in words a client may see: the file's name, never its path. */
export function describeWriteError(error: unknown, file: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOTDIR' || code === 'EISDIR' ? 'a folder on its path is not a folder'
    : typeof code === 'string' ? code
    : 'an unexpected error';
  return `Settings were not saved (${basename(file)}: ${why}); the previous settings stay in effect.`;
}

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  /** The tail of the write queue; always settled-safe (never rejects), so one failure cannot poison the next. */
  private queue: Promise<unknown> = Promise.resolve();
  private written = 0;

  constructor(private readonly path: string | null) {}

  async load(): Promise<Settings> {
    if (!this.path) return this.current;
    try {
      const parsed = settingsSchema.partial().safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) this.current = { ...DEFAULT_SETTINGS, ...parsed.data };
    } catch {
      // No file yet, or not JSON: defaults.
    }
    return this.current;
  }

  get(): Settings {
    return this.current;
  }

  /**
   * `patch` is already validated. Writes run one after another in the order asked, each applying its
   * patch to the settings as they stand when it runs, so the last one wins on disk and in memory.
   */
  update(patch: Partial<Settings>): Promise<Settings> {
    const run = this.queue.then(() => this.write(patch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...patch };
    const path = this.path;
    if (path) {
      const tmp = `${path}.${process.pid}.${++this.written}.tmp`;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
        await rename(tmp, path);
      } catch (error) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw new SettingsError(describeWriteError(error, path));
      }
    }
    this.current = next;
    return next;
  }
}
