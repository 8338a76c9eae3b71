import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from './settings-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nbh-settings-'));
  dirs.push(dir);
  return join(dir, 'nested', 'settings.json');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SettingsStore', () => {
  it('persists across restarts', async () => {
    const path = tempFile();
    const first = new SettingsStore(path);
    await first.load();
    await first.update({ sampleIntervalSeconds: 7 });
    const second = new SettingsStore(path);
    expect(await second.load()).toEqual({ sampleIntervalSeconds: 7 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ sampleIntervalSeconds: 7 });
  });

  it.each([
    { name: 'no file', content: null },
    { name: 'not JSON', content: '{{{' },
    { name: 'out of range', content: '{"sampleIntervalSeconds": 0}' },
    { name: 'wrong type', content: '{"sampleIntervalSeconds": "5"}' },
  ])('starts with defaults when the file is bad: $name', async ({ content }) => {
    const path = tempFile();
    if (content !== null) {
      const s = new SettingsStore(path);
      await s.update({});
      writeFileSync(path, content);
    }
    expect(await new SettingsStore(path).load()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps settings in memory without a path', async () => {
    const s = new SettingsStore(null);
    await s.update({ sampleIntervalSeconds: 3 });
    expect(s.get()).toEqual({ sampleIntervalSeconds: 3 });
  });
});
