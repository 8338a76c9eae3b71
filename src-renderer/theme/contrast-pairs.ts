/**
 * Every pair of colours the map and the chrome put text or a mark on, with what AA asks of it: 'text'
 * 4.5:1, 'large' (and 'ui': outlines, state marks, focus and selection rings, the parts of a bar) 3:1.
 * The contrast test checks each in both themes; a new place that writes on a colour adds its pair here.
 * The names on lit windows are checked apart, at every light step (palette.ts).
 */
import { AA_LARGE, AA_TEXT } from './contrast';
import type { ColourName } from './palettes';

export type Need = 'text' | 'large' | 'ui';

export interface ContrastPair {
  fg: ColourName;
  bg: ColourName;
  need: Need;
  where: string;
}

const on = (bg: ColourName, need: Need, where: string, ...fgs: ColourName[]): ContrastPair[] => fgs.map((fg) => ({ fg, bg, need, where }));

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  // Chrome: the page, the top bar, legend, panels, dialogs, menus and tooltips.
  ...on('bg', 'text', 'page text', 'text', 'muted', 'faint', 'accent', 'warning', 'overcommit'),
  ...on('bg-raised', 'text', 'top bar, legend, status pills, signs, toolbar', 'text', 'muted', 'faint', 'accent', 'warning', 'overcommit'),
  ...on('panel', 'text', 'panels, dialogs, menus, tooltips', 'text', 'muted', 'faint', 'accent', 'warning', 'overcommit'),
  ...on('accent', 'text', 'snapshot badges, primary buttons', 'on-accent'),
  ...on('bg', 'ui', 'keyboard focus ring', 'focus'),
  ...on('bg-raised', 'ui', 'status dots and the hint mark', 'accent', 'warning', 'faint'),
  ...on('bg-raised', 'ui', 'minimap: the part of the map in view', 'focus'),

  // The street: names and facts on its sky, the houses' names on it lower down.
  ...on('street-sky', 'text', 'street header, house names', 'text', 'muted'),
  ...on('street-sky', 'ui', 'focus and selection rings on the street', 'focus', 'accent'),
  ...on('street-sky', 'ui', 'an unreachable plot (greyed)', 'down-line'),

  // Buildings.
  ...on('roof', 'text', 'the building’s name on its roof', 'roof-text'),
  ...on('foundation', 'text', 'the shared kernel on the foundation', 'foundation-text'),
  ...on('building-wall', 'text', '“No containers”', 'muted'),
  ...on('floor-band', 'text', 'a Compose project’s floor label', 'floor-text'),
  ...on('building-wall', 'text', 'a pod’s suite label', 'suite-text'),
  ...on('building-wall', 'ui', 'a pod’s suite outline', 'suite-line'),
  ...on('building-wall', 'ui', 'focus and selection rings on a facade', 'focus', 'accent'),
  ...on('building-wall', 'ui', 'a stopped apartment’s dashed outline', 'stopped-line'),
  ...on('stopped', 'text', 'a stopped apartment’s name', 'muted'),
  ...on('building-core', 'text', 'a created apartment’s name', 'muted'),
  ...on('building-core', 'ui', 'the risers in the core', 'riser-cpu', 'riser-memory', 'riser-network'),
  ...on('paused', 'ui', 'the pause mark', 'mark'),
  ...on('warning', 'ui', 'the working mark’s hands', 'working-hand'),

  // Houses.
  ...on('utility', 'text', 'the utility box (kernel, disks, NICs)', 'utility-text'),
  ...on('badge-none', 'text', 'a house without snapshots: its badge', 'muted'),
  ...on('house-wall', 'text', 'vCPUs per window note', 'utility-text'),
  ...on('house-wall', 'ui', 'a crashed house’s alarm', 'overcommit'),
  ...on('gauge-track', 'ui', 'the memory gauge', 'dedicated'),

  // Signs on empty plots.
  ...on('bg-raised', 'ui', 'a sign’s board outline', 'warning', 'down-line'),

  // The ground.
  ...on('earth', 'text', 'ground titles and figures', 'muted', 'text', 'overcommit'),
  ...on('earth', 'ui', 'the capacity edge, the free part’s outline', 'text', 'free-line'),
  ...on('free', 'text', '“capacity unknown”', 'muted'),
  ...on('free', 'ui', 'bar parts against the free track', 'dedicated', 'shared', 'host'),
  ...on('free', 'ui', 'the history strip’s capacity line', 'overcommit'),

  // History.
  ...on('panel', 'ui', 'sparklines in the panel and the tooltip', 'riser-cpu', 'riser-memory', 'riser-network', 'dedicated'),
  ...on('bg-raised', 'ui', 'sparklines in the table', 'riser-cpu'),
];

export const NEEDED: Readonly<Record<Need, number>> = { text: AA_TEXT, large: AA_LARGE, ui: AA_LARGE };
