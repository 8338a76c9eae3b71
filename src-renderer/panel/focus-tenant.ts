/**
 * Returns focus to a tenant after its panel closes: its element on the map, or its row in the table
 * (both carry data-tenant-key). The table draws only the rows in view; it registers a fallback that
 * scrolls the row into view and focuses it when the row is not drawn.
 */
let fallback: ((key: string) => void) | null = null;

export function focusTenant(key: string): void {
  const element = document.querySelector<HTMLElement | SVGElement>(`[data-tenant-key="${CSS.escape(key)}"]`);
  if (element) element.focus();
  else fallback?.(key);
}

/** Sets the fallback for a tenant not in the document; returns its removal. */
export function setFocusFallback(focus: (key: string) => void): () => void {
  fallback = focus;
  return () => {
    if (fallback === focus) fallback = null;
  };
}
