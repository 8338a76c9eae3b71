/**
 * The map's zoom and pan: d3-zoom turns wheel, drag and touch into a transform (the maths, the gestures,
 * the inertia-free pinch), this keeps it as runes state, and MapView draws it as one CSS transform on the
 * element that holds every street — so zooming never lays out or re-renders a tenant. Commands (+, −,
 * 1:1, fit) go through d3-zoom too, so its idea of the transform and ours never disagree.
 *
 * Plain wheel zooms, as in map apps (OpenStreetMap, Google Maps in their own window): the map is the
 * whole page, there is nothing else for the wheel to scroll, and a trackpad's pinch arrives as a wheel
 * with ctrlKey, which d3-zoom scales faster — the same gesture either way. Dragging pans.
 *
 * One map is shown at a time; the one mounted registers itself as the active map, so the shell (App)
 * can run the desktop menu's zoom commands without reaching into the map: `zoomMap('in')`.
 */
import { select, zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3';
import { getContext, setContext } from 'svelte';
import { centreOn, constrainView, fitView, IDENTITY, labelScale, revealView, sameView, SCALE_EXTENT, zoomAbout, ZOOM_STEP, type Rect, type Size, type View } from './zoom-math';

export type ZoomCommand = 'in' | 'out' | 'reset' | 'fit';

/** Gestures that start on a control (a button in a street's header, a field) are the control's, not a pan. */
const CONTROLS = 'button, input, select, textarea, a, [role="menu"], [role="dialog"]';

const toTransform = (v: View): ZoomTransform => zoomIdentity.translate(v.x, v.y).scale(v.k);

export class MapZoom {
  /** The transform drawn: screen = content · k + (x, y). */
  view = $state.raw<View>(IDENTITY);
  /** The scale labels are fitted for (zoom-math labelScale), updated when a gesture ends, not with every tick. */
  labelK = $state(1);
  /** The viewport (the map's visible box) and the content (every street, untransformed), px. */
  viewport = $state.raw<Size>({ width: 0, height: 0 });
  content = $state.raw<Size>({ width: 0, height: 0 });
  /** The map does not fit the window at this zoom (the minimap shows). */
  readonly overflowing = $derived(
    this.content.width * this.view.k > this.viewport.width + 1 || this.content.height * this.view.k > this.viewport.height + 1,
  );

  /** Called after every change of the view (a tooltip or menu would float away from its tenant). */
  onchange: (() => void) | null = null;

  #element: HTMLElement | null = null;
  #behavior: ZoomBehavior<HTMLElement, unknown> | null = null;

  /** Binds the gestures to the viewport element (an attachment); returns the detach. */
  attach = (element: HTMLElement): (() => void) => {
    const behavior = zoom<HTMLElement, unknown>()
      .scaleExtent([...SCALE_EXTENT])
      // A click on a tenant that moved by a hair is still a click, not a drag.
      .clickDistance(4)
      .filter((event: Event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest(CONTROLS)) return false;
        const mouse = event as MouseEvent;
        return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
      })
      .constrain((t) => {
        const v = constrainView(t, this.content, this.viewport);
        return v.x === t.x && v.y === t.y ? t : toTransform(v);
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        const { k, x, y } = event.transform;
        const next = { k, x, y };
        if (sameView(next, this.view)) return;
        this.view = next;
        this.onchange?.();
      })
      .on('end', () => {
        this.labelK = labelScale(this.view.k);
      });
    const selection = select(element);
    // Double-click is the tenants' (a quick second click), not a zoom.
    selection.call(behavior).on('dblclick.zoom', null);
    selection.property('__zoom', toTransform(this.view));
    this.#element = element;
    this.#behavior = behavior;
    mounted.push(this);
    return () => {
      selection.on('.zoom', null);
      const at = mounted.indexOf(this);
      if (at >= 0) mounted.splice(at, 1);
      this.#element = null;
      this.#behavior = null;
    };
  };

  /** Moves the view (through d3-zoom, which constrains it and tells the listeners). */
  setView(view: View): void {
    if (this.#element && this.#behavior) this.#behavior.transform(select(this.#element), toTransform(view));
    else this.view = view;
  }

  zoomIn(): void {
    this.#scaleAboutCentre(ZOOM_STEP);
  }

  zoomOut(): void {
    this.#scaleAboutCentre(1 / ZOOM_STEP);
  }

  /** 1:1, top-left: the map as it is laid out. */
  reset(): void {
    this.setView(IDENTITY);
  }

  /** The whole map in the window. */
  fit(): void {
    this.setView(fitView(this.content, this.viewport));
  }

  run(command: ZoomCommand): void {
    if (command === 'in') this.zoomIn();
    else if (command === 'out') this.zoomOut();
    else if (command === 'reset') this.reset();
    else this.fit();
  }

  /** Pans by a screen distance (the viewport was scrolled by the browser: focus, find in page). */
  panBy(dx: number, dy: number): void {
    this.setView({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  /** The content point (minimap) in the middle of the window. */
  centreOn(point: { x: number; y: number }): void {
    this.setView(centreOn(this.view, point, this.viewport));
  }

  /** Pans as little as needed to show a rect given in screen px relative to the viewport. */
  reveal(rect: Rect): void {
    const next = revealView(this.view, rect, this.viewport);
    if (next !== this.view) this.setView(next);
  }

  #scaleAboutCentre(factor: number): void {
    this.setView(zoomAbout(this.view, factor, { x: this.viewport.width / 2, y: this.viewport.height / 2 }));
  }
}

/** Maps mounted now, the latest last (one at a time in practice; a map being replaced overlaps its successor briefly). */
const mounted: MapZoom[] = [];

/** The map on screen, if one is (the table view has none). */
export function activeMapZoom(): MapZoom | null {
  return mounted.at(-1) ?? null;
}

/** Runs a zoom command on the map on screen (the desktop menu's View › Zoom); false when no map is shown. */
export function zoomMap(command: ZoomCommand): boolean {
  const zoom = activeMapZoom();
  if (zoom === null) return false;
  zoom.run(command);
  return true;
}

const KEY = Symbol('map-zoom');

export function setMapZoom(zoom: MapZoom): MapZoom {
  return setContext(KEY, zoom);
}

/** The map's zoom, for what is drawn inside the map (undefined outside one). */
export function getMapZoom(): MapZoom | undefined {
  return getContext<MapZoom | undefined>(KEY);
}
