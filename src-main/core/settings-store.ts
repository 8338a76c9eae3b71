/**
 * Settings that persist across restarts, in one JSON file. A missing or damaged file means defaults
 * (the app must still start). Writes are atomic (a temporary file, then rename) and serialised; the
 * settings change only once the write has succeeded, a failed write is reported to its caller without
 * the file's absolute path, and it never poisons the writes after it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { EngineConfig, Settings } from '../contract';
import { engineConfigSchema, settingsSchema } from './validation';

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

/** The file holds the settings and, once the user has edited them, the engines to watch. */
interface Stored {
  settings: Settings;
  engines: EngineConfig[] | null;
}

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private engineList: EngineConfig[] | null = null;
  /** The tail of the write queue; always settled-safe (never rejects), so one failure cannot poison the next. */
  private queue: Promise<unknown> = Promise.resolve();
  private written = 0;

  constructor(private readonly path: string | null) {}

  async load(): Promise<Settings> {
    if (!this.path) return this.current;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, 'utf8'));
    } catch {
      return this.current; // no file yet, or not JSON: defaults
    }
    if (!raw || typeof raw !== 'object') return this.current;
    const { engines, ...rest } = raw as Record<string, unknown>;
    const parsed = settingsSchema.partial().safeParse(rest);
    if (parsed.success) this.current = { ...DEFAULT_SETTINGS, ...parsed.data };
    // One damaged engine entry is dropped, not the whole list (nor the settings).
    if (Array.isArray(engines)) this.engineList = engines.flatMap((e) => {
      const r = engineConfigSchema.safeParse(e);
      return r.success ? [r.data] : [];
    });
    return this.current;
  }

  get(): Settings {
    return this.current;
  }

  /** The engines the user has configured; null until they edit the list (the ones found on this machine are used). */
  engines(): EngineConfig[] | null {
    return this.engineList;
  }

  /** Keeps a new list of engines (validated by the caller); serialised with the settings' own writes. */
  setEngines(list: EngineConfig[]): Promise<EngineConfig[]> {
    const run = this.queue.then(async () => {
      await this.persist({ settings: this.current, engines: list });
      this.engineList = list;
      return list;
    });
    this.queue = run.catch(() => undefined);
    return run;
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
    await this.persist({ settings: next, engines: this.engineList });
    this.current = next;
    return next;
  }

  private async persist({ settings, engines }: Stored): Promise<void> {
    const path = this.path;
    if (!path) return;
    const tmp = `${path}.${process.pid}.${++this.written}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, `${JSON.stringify(engines === null ? settings : { ...settings, engines }, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new SettingsError(describeWriteError(error, path));
    }
  }
}
