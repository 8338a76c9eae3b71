import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore, describeWriteError } from './settings-store';

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
    expect(await second.load()).toEqual({ sampleIntervalSeconds: 7, slowWhenHidden: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ sampleIntervalSeconds: 7, slowWhenHidden: true });
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
    expect(s.get()).toEqual({ sampleIntervalSeconds: 3, slowWhenHidden: true });
  });
});

describe('SettingsStore when a write fails', () => {
  it('keeps the settings it had, says why without the path, and the next write still works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nbh-settings-'));
    dirs.push(dir);
    // A file where the settings folder should be: mkdir fails with ENOTDIR / EEXIST.
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'not a folder');
    const path = join(blocker, 'settings.json');
    const s = new SettingsStore(path);
    await s.load();
    const failed = await s.update({ sampleIntervalSeconds: 9 }).catch((e: unknown) => e as Error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/^Settings were not saved \(settings\.json: /);
    expect((failed as Error).message).not.toContain(dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);

    // The obstacle goes away: the next write succeeds instead of repeating the old error.
    rmSync(blocker);
    await expect(s.update({ sampleIntervalSeconds: 4 })).resolves.toEqual({ sampleIntervalSeconds: 4, slowWhenHidden: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ sampleIntervalSeconds: 4, slowWhenHidden: true });
  });

  it('applies writes in the order asked, each on top of the last', async () => {
    const path = tempFile();
    const s = new SettingsStore(path);
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => s.update({ sampleIntervalSeconds: n })));
    expect(results.map((r) => r.sampleIntervalSeconds)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ sampleIntervalSeconds: 5, slowWhenHidden: true });
  });
});

describe('describeWriteError', () => {
  it.each([
    { code: 'EACCES', want: 'permission denied' },
    { code: 'ENOSPC', want: 'the disk is full' },
    { code: 'EROFS', want: 'the file system is read-only' },
    { code: 'EWHATEVER', want: 'EWHATEVER' },
    { code: undefined, want: 'an unexpected error' },
  ])('$code', ({ code, want }) => {
    const msg = describeWriteError(Object.assign(new Error('/home/alice/.config/x: boom'), { code }), '/home/alice/.config/neighborhood/settings.json');
    expect(msg).toContain(`(settings.json: ${want})`);
    expect(msg).not.toContain('/home/alice');
  });
});

describe('SettingsStore engines', () => {
  it('keeps the engine list beside the settings, across restarts; damaged entries are dropped alone', async () => {
    const path = tempFile();
    const first = new SettingsStore(path);
    await first.load();
    expect(first.engines()).toBeNull();
    const list = [
      { kind: 'docker' as const, name: 'Docker', url: 'unix:///var/run/docker.sock' },
      { kind: 'libvirt' as const, name: 'far', uri: 'qemu+ssh://root@far/system' },
    ];
    await first.setEngines(list);
    await first.update({ sampleIntervalSeconds: 6 });
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...raw, engines: [...(raw.engines as unknown[]), { kind: 'docker', name: 'bad', url: 'http://nope' }] }));
    const second = new SettingsStore(path);
    expect(await second.load()).toEqual({ sampleIntervalSeconds: 6, slowWhenHidden: true });
    expect(second.engines()).toEqual(list);
  });
});
