/**
 * Where the window opens, by table: a first start is centred on the primary display; a window that can
 * still be grabbed stays put (shrunk into its display when that display got smaller); a window whose
 * display is gone comes back onto the primary work area, no larger than it; a damaged state file is
 * ignored rather than trusted.
 */
import { describe, expect, it } from 'vitest';
import { canGrab, parseWindowState, placeWindow, type Displays, type Rect, type WindowState } from './window-geometry';

const DEFAULT = { width: 1280, height: 820 };
// A laptop panel below a wider external monitor to its right; both with a 27 px top bar.
const LAPTOP: Rect = { x: 0, y: 27, width: 1920, height: 1053 };
const EXTERNAL: Rect = { x: 1920, y: 27, width: 2560, height: 1413 };
const SMALL: Rect = { x: 0, y: 0, width: 1024, height: 740 };

const both: Displays = { primary: LAPTOP, all: [LAPTOP, EXTERNAL] };
const laptopOnly: Displays = { primary: LAPTOP, all: [LAPTOP] };
const smallOnly: Displays = { primary: SMALL, all: [SMALL] };
const state = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('placeWindow', () => {
  const cases: Array<[string, WindowState | null, Displays | null, WindowState]> = [
    ['first start: default size, centred on the primary work area', null, both, state(320, 144, 1280, 820)],
    ['first start on a small display: default size clamped to it, filling it', null, smallOnly, state(0, 0, 1024, 740)],
    ['first start without display information: default size at the origin', null, null, state(0, 0, 1280, 820)],
    ['where it was, on the primary display', state(100, 80, 1000, 700), both, state(100, 80, 1000, 700)],
    ['where it was, on the external display', state(2500, 300, 1400, 900, true), both, state(2500, 300, 1400, 900, true)],
    ['partly off screen but its title bar reachable: left alone', state(-600, 200, 1000, 700), laptopOnly, state(-600, 200, 1000, 700)],
    ['spanning both displays: left alone', state(1500, 100, 1000, 700), both, state(1500, 100, 1000, 700)],
    ['external monitor unplugged: centred on the primary work area, size kept', state(2500, 300, 1400, 900), laptopOnly, state(260, 104, 1400, 900)],
    ['external monitor unplugged, window larger than the laptop: clamped and centred, still maximized', state(2000, 50, 2400, 1300, true), laptopOnly, state(0, 27, 1920, 1053, true)],
    ['title bar above every work area (only its bottom visible): moved back', state(200, -690, 1000, 700), laptopOnly, state(460, 204, 1000, 700)],
    ['only a sliver at the right edge: moved back', state(1900, 100, 1000, 700), laptopOnly, state(460, 204, 1000, 700)],
    ['resolution lowered under it: shrunk to the display and moved inside it', state(100, 40, 1800, 1000), smallOnly, state(0, 0, 1024, 740)],
    ['larger than its display in height only: shrunk in height, kept in x', state(10, 27, 900, 1200), laptopOnly, state(10, 27, 900, 1053)],
    ['no display information: the saved bounds are trusted', state(5000, 5000, 800, 600), null, state(5000, 5000, 800, 600)],
    ['a primary display with no area counts as no information', state(5000, 5000, 800, 600), { primary: { x: 0, y: 0, width: 0, height: 0 }, all: [] }, state(5000, 5000, 800, 600)],
  ];
  it.each(cases)('%s', (_name, saved, displays, expected) => {
    expect(placeWindow(saved, displays, DEFAULT)).toEqual(expected);
  });
});

describe('canGrab', () => {
  const cases: Array<[string, Rect, boolean]> = [
    ['wholly inside', { x: 10, y: 40, width: 800, height: 600 }, true],
    ['96 px of its title bar showing on the right', { x: 1824, y: 40, width: 800, height: 600 }, true],
    ['95 px showing', { x: 1825, y: 40, width: 800, height: 600 }, false],
    ['title bar 16 px below the top bar edge', { x: 10, y: 11, width: 800, height: 600 }, true],
    ['title bar mostly under the top bar', { x: 10, y: 10, width: 800, height: 600 }, false],
    ['below the bottom', { x: 10, y: 1080, width: 800, height: 600 }, false],
    ['a tiny window wholly inside needs only itself showing', { x: 10, y: 40, width: 50, height: 10 }, true],
  ];
  it.each(cases)('%s: %s', (_name, window, expected) => {
    expect(canGrab(window, LAPTOP)).toBe(expected);
  });
});

describe('parseWindowState', () => {
  const cases: Array<[string, unknown, WindowState | null]> = [
    ['a saved state', { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true }, state(1, 2, 800, 600, true)],
    ['negative positions (left of the primary display) are fine', { bounds: { x: -1500, y: -20, width: 800, height: 600 } }, state(-1500, -20, 800, 600)],
    ['fractions rounded (a scaled display)', { bounds: { x: 1.4, y: 2.6, width: 800.5, height: 600.2 }, maximized: false }, state(1, 3, 801, 600)],
    ['maximized only when exactly true', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: 'yes' }, state(0, 0, 800, 600)],
    ['null', null, null],
    ['an array', [1, 2, 3], null],
    ['no bounds', { maximized: true }, null],
    ['a missing field', { bounds: { x: 0, y: 0, width: 800 } }, null],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 600 } }, null],
    ['a string number', { bounds: { x: '0', y: 0, width: 800, height: 600 } }, null],
    ['infinite', { bounds: { x: 0, y: 0, width: Infinity, height: 600 } }, null],
    ['absurdly large', { bounds: { x: 0, y: 0, width: 1e9, height: 600 } }, null],
  ];
  it.each(cases)('%s', (_name, value, expected) => {
    expect(parseWindowState(value)).toEqual(expected);
  });
});
