/**
 * Pointer and keyboard wiring shared by apartments and houses: Enter or Space opens the panel as a
 * click does, and hover or focus shows the tooltip next to the tenant.
 */
import type { AppState } from '../state/app-state.svelte';
import { tenantKey, type Selection } from '../state/world';

export function keyActivate(activate: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      // Space would otherwise scroll the map.
      event.preventDefault();
      activate();
    }
  };
}

export function hoverHandlers(app: AppState, selection: () => Selection): { show: (e: Event) => void; hide: () => void } {
  return {
    show(event) {
      const target = event.currentTarget;
      if (!(target instanceof Element)) return;
      const r = target.getBoundingClientRect();
      app.hover = { selection: selection(), rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
    },
    hide() {
      if (app.hover !== null && tenantKey(app.hover.selection) === tenantKey(selection())) app.hover = null;
    },
  };
}
