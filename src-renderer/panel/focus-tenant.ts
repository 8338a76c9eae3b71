/** Returns focus to a tenant on the map after its panel closes (found by its data-tenant-key). */
export function focusTenant(key: string): void {
  const element = document.querySelector<HTMLElement | SVGElement>(`[data-tenant-key="${CSS.escape(key)}"]`);
  element?.focus();
}
