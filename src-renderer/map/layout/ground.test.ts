import { describe, expect, it } from 'vitest';
import type { ResourceSplit } from '../../../src-main/contract';
import { groundColumns, groundFigure, groundHeadline, labelledParts, layoutGroundBar, STRIP_GAP } from './ground';

const split = (p: Partial<ResourceSplit>): ResourceSplit => ({
  capacity: 0,
  dedicated: 0,
  shared: 0,
  host: 0,
  free: 0,
  unknown: 0,
  overcommit: 0,
  ...p,
});

const widths = (s: ResourceSplit, width = 100): number[] =>
  layoutGroundBar(s, width).segments.map((seg) => Math.round(seg.width * 100) / 100);

describe('layoutGroundBar', () => {
  it.each([
    // [dedicated, shared, host, unknown, free]
    ['everything fits', split({ capacity: 4, dedicated: 1, shared: 1, host: 1, free: 1 }), [25, 25, 25, 0, 25]],
    ['idle host is all free', split({ capacity: 2, free: 2 }), [0, 0, 0, 0, 100]],
    ['free as the core counts it', split({ capacity: 4, dedicated: 2, free: 2 }), [50, 0, 0, 0, 50]],
    ['free is not recomputed here', split({ capacity: 4, dedicated: 2, free: 1 }), [50, 0, 0, 0, 25]],
    ['a free past capacity still fits the bar', split({ capacity: 4, dedicated: 2, free: 6 }), [25, 0, 0, 0, 75]],
    ['the host’s own use unknown: the rest is unknown, not free', split({ capacity: 4, dedicated: 1, shared: 1, unknown: 2 }), [25, 25, 0, 50, 0]],
    ['exactly full', split({ capacity: 2, dedicated: 1, shared: 0.5, host: 0.5 }), [50, 25, 25, 0, 0]],
    ['overcommit scales to demand', split({ capacity: 2, dedicated: 6, shared: 1, host: 1 }), [75, 12.5, 12.5, 0, 0]],
    ['zero capacity, nothing used', split({}), [0, 0, 0, 0, 0]],
    ['zero capacity with demand', split({ dedicated: 2 }), [100, 0, 0, 0, 0]],
    ['NaN and negatives count as 0', split({ capacity: 4, dedicated: Number.NaN, shared: -1, host: 2, free: 2 }), [0, 0, 50, 0, 50]],
  ])('%s', (_name, s, expected) => {
    expect(widths(s)).toEqual(expected);
  });

  it('puts segments end to end in order', () => {
    const { segments } = layoutGroundBar(split({ capacity: 4, dedicated: 1, shared: 1, host: 1, free: 1 }), 400);
    expect(segments.map((s) => [s.part, s.x])).toEqual([
      ['dedicated', 0],
      ['shared', 100],
      ['host', 200],
      ['unknown', 300],
      ['free', 300],
    ]);
  });

  it.each([
    ['known host use: no unknown label', split({ capacity: 2, free: 2 }), ['dedicated', 'shared', 'host', 'free']],
    ['unknown host use: labelled', split({ capacity: 2, unknown: 2 }), ['dedicated', 'shared', 'host', 'unknown', 'free']],
  ])('labels %s', (_name, s, parts) => {
    expect(labelledParts(s)).toEqual(parts);
  });

  it.each([
    ['no overcommit: capacity edge at the end', split({ capacity: 2, dedicated: 1 }), 300, 300, null],
    ['3× overcommit: the edge moves left, overflow fills the rest', split({ capacity: 2, dedicated: 6 }), 300, 100, { x: 100, width: 200 }],
    ['shared + host past capacity count too', split({ capacity: 2, dedicated: 2, host: 2 }), 300, 150, { x: 150, width: 150 }],
  ])('%s', (_name, s, width, capacityX, overflow) => {
    const bar = layoutGroundBar(s, width);
    expect(bar.capacityX).toBeCloseTo(capacityX);
    expect(bar.overflow).toEqual(overflow);
  });

  it('reports unknown capacity and survives a negative width', () => {
    expect(layoutGroundBar(split({}), 100).known).toBe(false);
    expect(layoutGroundBar(split({ capacity: 1 }), -5).segments.every((s) => s.width === 0)).toBe(true);
  });
});

describe('ground labels', () => {
  const GiB = 1024 ** 3;
  it.each([
    [groundHeadline('cpu', split({ capacity: 2, dedicated: 6, overcommit: 3 })), 'vCPU 6 / 2 CPUs · 3.0× overcommit'],
    [groundHeadline('cpu', split({ capacity: 1, dedicated: 1, overcommit: 1 })), 'vCPU 1 / 1 CPU · no overcommit'],
    [groundHeadline('memory', split({ capacity: 4 * GiB, dedicated: 1.5 * GiB, overcommit: 0.375 })), 'VM memory 1.5 GiB / 4 GiB · no overcommit'],
    [groundHeadline('memory', split({ capacity: 2 * GiB, dedicated: 4 * GiB, overcommit: 2 })), 'VM memory 4 GiB / 2 GiB · 2.0× overcommit'],
    [groundHeadline('memory', split({ capacity: 4 * GiB, dedicated: 2 * GiB, host: 3 * GiB, overcommit: 0.5 })), 'VM memory 2 GiB / 4 GiB · over capacity'],
    [groundHeadline('cpu', split({})), 'vCPU 0 / 0 CPUs · no overcommit'],
    [groundFigure('cpu', 'dedicated', split({ dedicated: 6 })), '6 vCPU'],
    [groundFigure('cpu', 'shared', split({ shared: 0.25 })), '0.25 cores'],
    // The core's figure, not capacity − the rest.
    [groundFigure('cpu', 'free', split({ capacity: 2, host: 0.5, free: 1.25 })), '1.25 cores'],
    [groundFigure('memory', 'host', split({ host: GiB })), '1 GiB'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('groundColumns', () => {
  it.each([
    ['a wide street: the strip at most 320 px', 2000, { bar: 1656, strip: { x: 1680, width: 320 } }],
    ['a middling one: a third to the strip', 800, { bar: 536, strip: { x: 560, width: 240 } }],
    ['a narrow one: the strip at least 120 px', 300, { bar: 156, strip: { x: 180, width: 120 } }],
    ['no room at all', 0, { bar: 0, strip: { x: 0, width: 0 } }],
  ])('%s', (_what, width, expected) => {
    const columns = groundColumns(width);
    expect(columns).toEqual(expected);
    if (width > 0) expect(columns.bar + STRIP_GAP + columns.strip.width).toBe(width);
  });
});
