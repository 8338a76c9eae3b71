import { describe, expect, it } from 'vitest';
import { defaultSnapshotName, snapshotDescriptionProblem, snapshotNameProblem } from './snapshot-name';

describe('snapshotNameProblem', () => {
  it.each([
    { name: 'before-upgrade', want: null },
    { name: '2026-11-27 14:05:09', want: null },
    { name: 'ünïcødé ✓', want: null },
    { name: 'x'.repeat(100), want: null },
    { name: '', want: /needs a name/ },
    { name: '   ', want: /needs a name/ },
    { name: ' lead', want: /start or end with a space/ },
    { name: 'trail ', want: /start or end with a space/ },
    { name: 'x'.repeat(101), want: /at most 100 characters/ },
    { name: 'a/b', want: /cannot contain “\/”/ },
    { name: '.hidden', want: /cannot start with “\.”/ },
    { name: 'tab\there', want: /control characters/ },
    { name: 'line\nbreak', want: /control characters/ },
    { name: 'taken', want: /already has a snapshot named “taken”/ },
  ])('$name', ({ name, want }) => {
    const problem = snapshotNameProblem(name, ['taken', 'other']);
    if (want === null) expect(problem).toBeNull();
    else expect(problem).toMatch(want);
  });
});

describe('snapshotDescriptionProblem', () => {
  it.each([
    { text: '', want: null },
    { text: 'line one\nline two\ttabbed', want: null },
    { text: "</description><disks><disk name='vda' snapshot='external'/></disks>", want: null },
    { text: 'bell\u0007', want: /control characters/ },
    { text: 'x'.repeat(4001), want: /at most 4000/ },
  ])('$text', ({ text, want }) => {
    const problem = snapshotDescriptionProblem(text);
    if (want === null) expect(problem).toBeNull();
    else expect(problem).toMatch(want);
  });
});

describe('defaultSnapshotName', () => {
  it('is the local date and time to the second, and a valid name', () => {
    const name = defaultSnapshotName(new Date(2026, 10, 7, 4, 5, 9));
    expect(name).toBe('2026-11-07 04:05:09');
    expect(snapshotNameProblem(name, [])).toBeNull();
  });
});
