/**
 * Keyboard rules of the tenant context menu (WAI-ARIA menu pattern): arrows move and wrap, Home/End
 * jump, a letter moves to the next item starting with it. Disabled items are shown but skipped, so
 * the arrows only ever land on something Enter can do.
 */

/** The key that opens a context menu on a focused element: the ContextMenu key or Shift+F10. */
export function isMenuKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

export interface MenuItemLike {
  label: string;
  enabled: boolean;
}

/** The index focus moves to for `key` from `current` (-1: none yet), or null when the key is not the menu's. */
export function menuStep(key: string, current: number, items: readonly MenuItemLike[]): number | null {
  const enabled = items.map((item, i) => (item.enabled ? i : -1)).filter((i) => i >= 0);
  if (enabled.length === 0) return null;
  const first = enabled[0]!;
  const last = enabled[enabled.length - 1]!;
  switch (key) {
    case 'ArrowDown':
      return enabled.find((i) => i > current) ?? first;
    case 'ArrowUp':
      return [...enabled].reverse().find((i) => i < current) ?? (current < 0 ? first : last);
    case 'Home':
    case 'PageUp':
      return first;
    case 'End':
    case 'PageDown':
      return last;
  }
  if ([...key].length !== 1 || key === ' ') return null;
  const letter = key.toLocaleLowerCase();
  const starts = (i: number) => items[i]!.label.toLocaleLowerCase().startsWith(letter);
  return enabled.find((i) => i > current && starts(i)) ?? enabled.find(starts) ?? current;
}
