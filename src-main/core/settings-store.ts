/**
 * Settings that persist across restarts, in one JSON file. A missing or damaged file means defaults
 * (the app must still start); writes go to a temporary file first so a crash never leaves half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Settings } from '../contract';
import { settingsSchema } from './validation';

export const DEFAULT_SETTINGS: Settings = { sampleIntervalSeconds: 2 };

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private writing: Promise<void> = Promise.resolve();

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

  /** `patch` is already validated; writes are serialised so the last one wins on disk too. */
  async update(patch: Partial<Settings>): Promise<Settings> {
    this.current = { ...this.current, ...patch };
    const snapshot = this.current;
    const path = this.path;
    if (path) {
      this.writing = this.writing.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
        await rename(tmp, path);
      });
      await this.writing;
    }
    return snapshot;
  }
}
