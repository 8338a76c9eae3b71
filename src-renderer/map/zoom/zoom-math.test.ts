import { describe, expect, it } from 'vitest';
import { centreOn, constrainView, DRAG_MARGIN, fitView, IDENTITY, labelScale, revealView, SCALE_EXTENT, visibleRect, zoomAbout, type View } from './zoom-math';

const viewport = { width: 1000, height: 600 };

describe('fitView', () => {
  it.each([
    ['a tall map shrinks to the height', { width: 968, height: 2400 }, { k: (600 - 32) / 2400 }],
    ['a wide map shrinks to the width', { width: 4000, height: 300 }, { k: (1000 - 32) / 4000 }],
    ['a small map grows, at most 2×', { width: 100, height: 50 }, { k: 2 }],
    ['a huge map stops at the smallest scale', { width: 100_000, height: 100_000 }, { k: SCALE_EXTENT[0] }],
  ])('%s', (_, content, { k }) => {
    const view = fitView(content, viewport);
    expect(view.k).toBeCloseTo(k);
    // Centred: equal room on both sides.
    expect(view.x).toBeCloseTo((viewport.width - content.width * view.k) / 2);
    expect(view.y).toBeCloseTo((viewport.height - content.height * view.k) / 2);
  });

  it('leaves the view alone before anything is measured', () => {
    expect(fitView({ width: 0, height: 0 }, viewport)).toEqual(IDENTITY);
    expect(fitView({ width: 10, height: 10 }, { width: 0, height: 0 })).toEqual(IDENTITY);
  });
});

describe('zoomAbout', () => {
  it.each([
    ['in about the origin', IDENTITY, 2, { x: 0, y: 0 }, { k: 2, x: 0, y: 0 }],
    ['in about the middle: the middle stays', IDENTITY, 2, { x: 500, y: 300 }, { k: 2, x: -500, y: -300 }],
    ['out again', { k: 2, x: -500, y: -300 }, 0.5, { x: 500, y: 300 }, { k: 1, x: 0, y: 0 }],
    ['clamped at the largest scale', { k: 8, x: 0, y: 0 }, 2, { x: 100, y: 100 }, { k: 8, x: 0, y: 0 }],
  ])('%s', (_, view: View, factor, point, expected) => {
    const next = zoomAbout(view, factor, point);
    expect(next.k).toBeCloseTo(expected.k);
    expect(next.x).toBeCloseTo(expected.x);
    expect(next.y).toBeCloseTo(expected.y);
  });
});

describe('constrainView', () => {
  const big = { width: 2000, height: 1200 };
  const small = { width: 500, height: 300 };
  it.each([
    ['a small map stays where it is inside', small, { k: 1, x: 100, y: 50 }, { k: 1, x: 100, y: 50 }],
    ['a small map cannot leave by the left or top', small, { k: 1, x: -10, y: -20 }, { k: 1, x: 0, y: 0 }],
    ['a small map cannot leave by the right or bottom', small, { k: 1, x: 800, y: 400 }, { k: 1, x: 500, y: 300 }],
    ['a big map may be dragged a margin past its start', big, { k: 1, x: 500, y: 500 }, { k: 1, x: DRAG_MARGIN, y: DRAG_MARGIN }],
    ['… and past its end', big, { k: 1, x: -5000, y: -5000 }, { k: 1, x: 1000 - 2000 - DRAG_MARGIN, y: 600 - 1200 - DRAG_MARGIN }],
    ['the scale counts', small, { k: 4, x: -100, y: -100 }, { k: 4, x: -100, y: -100 }],
  ])('%s', (_, content, view, expected) => {
    expect(constrainView(view, content, viewport)).toEqual(expected);
  });

  it('keeps the starting view (the map at 1:1, top-left) whatever the map', () => {
    expect(constrainView(IDENTITY, big, viewport)).toEqual(IDENTITY);
    expect(constrainView(IDENTITY, small, viewport)).toEqual(IDENTITY);
  });
});

describe('revealView', () => {
  it.each([
    ['already in view: the same view', { x: 100, y: 100, width: 20, height: 20 }, { dx: 0, dy: 0 }],
    ['off to the right: panned left just enough', { x: 1100, y: 100, width: 20, height: 20 }, { dx: -(1100 + 20 - (1000 - 24)), dy: 0 }],
    ['above: panned down just enough', { x: 100, y: -50, width: 20, height: 20 }, { dx: 0, dy: 74 }],
    ['larger than the viewport: its left edge at the edge', { x: 300, y: 300, width: 2000, height: 20 }, { dx: -300, dy: 0 }],
  ])('%s', (_, rect, { dx, dy }) => {
    const view: View = { k: 2, x: -10, y: -10 };
    const next = revealView(view, rect, viewport);
    if (dx === 0 && dy === 0) expect(next).toBe(view);
    expect(next).toEqual({ k: 2, x: -10 + dx, y: -10 + dy });
  });
});

describe('visibleRect and centreOn', () => {
  it('are each other’s inverse about the middle', () => {
    const view = centreOn({ k: 2, x: 0, y: 0 }, { x: 700, y: 400 }, viewport);
    const seen = visibleRect(view, viewport);
    expect(seen.x + seen.width / 2).toBeCloseTo(700);
    expect(seen.y + seen.height / 2).toBeCloseTo(400);
    expect(seen.width).toBeCloseTo(500);
  });
});

describe('labelScale', () => {
  it.each([
    [0.3, 1],
    [1, 1],
    [1.1, 1],
    [1.2, 2 ** 0.25],
    [2, 2],
    [2.3, 2],
    [8, 8],
    [Number.NaN, 1],
  ])('zoom %d → labels fitted for %d', (k, expected) => {
    expect(labelScale(k)).toBeCloseTo(expected);
  });

  it('never claims more room than the zoom gives', () => {
    for (let k = 1; k < 8; k += 0.01) expect(labelScale(k)).toBeLessThanOrEqual(k + 1e-9);
  });
});
