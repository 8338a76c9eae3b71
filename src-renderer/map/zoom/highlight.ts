/**
 * Which tenants the map lights (the search's matches) and which it dims, handed from MapView to what
 * draws tenants — the focusable tenants and the facade canvases — through context, so the streets in
 * between need not carry it. `current` is read inside effects and deriveds: when the matches change,
 * only those wake.
 */
import { getContext, setContext } from 'svelte';

export interface MapHighlight {
  /** Whether a tenant (by tenantKey) is lit; null when nothing is dimmed. */
  readonly current: ((tenantKey: string) => boolean) | null;
}

const KEY = Symbol('map-highlight');

export function setMapHighlight(highlight: MapHighlight): MapHighlight {
  return setContext(KEY, highlight);
}

/** The map's highlight (undefined outside a map: nothing dimmed). */
export function getMapHighlight(): MapHighlight | undefined {
  return getContext<MapHighlight | undefined>(KEY);
}

/** Whether this tenant is dimmed now. */
export const isDimmed = (highlight: MapHighlight | undefined, tenantKey: string): boolean => {
  const lit = highlight?.current;
  return lit != null && !lit(tenantKey);
};
