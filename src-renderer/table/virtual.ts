/**
 * Which rows of a long table are drawn (only those in view, and a few either side), and where the
 * keyboard's active row goes. Rows have one fixed height, so both are arithmetic. Pure.
 */

export interface Window {
  /** First row drawn (0-based). */
  start: number;
  /** One past the last row drawn. */
  end: number;
  /** Space above and below the drawn rows, px, standing for the rows not drawn. */
  before: number;
  after: number;
}

export function visibleWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): Window {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + shown + overscan));
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/** The active row after a key, or null when the key does not move it. `page`: rows in view. */
export function moveActive(key: string, index: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, page - 1));
    case 'PageUp':
      return clamp(index - Math.max(1, page - 1));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The scroll position that brings row `index` into view (below a sticky header of `header` px), or
 * null when it is in view already.
 */
export function scrollToShow(index: number, scrollTop: number, viewport: number, rowHeight: number, header: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const visibleHeight = viewport - header;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + visibleHeight) return bottom - visibleHeight;
  return null;
}
