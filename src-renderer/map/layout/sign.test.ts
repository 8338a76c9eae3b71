import { describe, expect, it } from 'vitest';
import { makeEngine } from '../../testing/make';
import { layoutSign } from './sign';
import { approxTextWidth } from './text-fit';

const unreachable = makeEngine({
  status: { state: 'unreachable', reason: 'connect ENOENT /var/run/docker.sock', since: 0, nextRetryAt: 1 },
  hint: 'Start Docker: sudo systemctl start docker',
});

describe('layoutSign', () => {
  it.each([
    ['unreachable Docker: reason, hint, retrying', unreachable, 'warning', ['title', 'hint', 'retry']],
    [
      'libvirt not available: reason, no retry',
      makeEngine({ kind: 'libvirt', status: { state: 'unavailable', reason: 'not installed' }, hint: 'Install libvirt' }),
      'warning',
      ['title', 'hint'],
    ],
    ['connecting: one quiet line', makeEngine({ status: { state: 'connecting' }, hint: 'ignored' }), 'quiet', ['title']],
    ['empty lot', makeEngine({ kind: 'libvirt' }), 'quiet', ['title']],
  ])('%s', (_name, engine, tone, kinds) => {
    const sign = layoutSign(engine, 1000);
    expect(sign.tone).toBe(tone);
    expect([...new Set(sign.lines.map((l) => l.kind))]).toEqual(kinds);
  });

  it('says what is wrong and what to do, each line inside the board', () => {
    const sign = layoutSign(unreachable, 260);
    const text = sign.lines.map((l) => l.text).join(' ');
    expect(text).toContain('Docker is unreachable:');
    expect(text).toContain('systemctl start docker');
    expect(text).toContain('retrying');
    expect(sign.width).toBeLessThanOrEqual(260);
    for (const line of sign.lines) {
      expect(approxTextWidth(line.text, line.fontSize)).toBeLessThanOrEqual(sign.width);
      expect(line.y).toBeLessThan(sign.board.height);
    }
    expect(sign.height).toBeGreaterThan(sign.board.height);
  });

  it('keeps lines in order, top to bottom', () => {
    const ys = layoutSign(unreachable, 200).lines.map((l) => l.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });
});
