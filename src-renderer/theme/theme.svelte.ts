/**
 * Which theme applies now: the system's (prefers-color-scheme), followed live. CSS switches by itself
 * (app.css); what paints with colours from script — the street canvases, the legend's lit windows, an
 * export — reads `theme.palette`, and repaints when it changes (reading it inside an effect or a
 * template subscribes to the system's scheme).
 */
import { MediaQuery } from 'svelte/reactivity';
import { PALETTES, type Palette, type ThemeName } from './palettes';

class Theme {
  /** Made at first read: a test in Node (or a page without matchMedia) has no system scheme, and gets dark. */
  #light: MediaQuery | null | undefined;

  get name(): ThemeName {
    this.#light ??= typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? new MediaQuery('(prefers-color-scheme: light)', false) : null;
    return this.#light?.current ? 'light' : 'dark';
  }

  get palette(): Palette {
    return PALETTES[this.name];
  }
}

export const theme = new Theme();
