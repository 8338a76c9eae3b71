/**
 * The map's zoom keys: + and − (= and _ too, the same keys unshifted or shifted on most layouts), 0 for
 * 1:1 and f to fit. Never with Ctrl, Alt or Meta (Ctrl + and Ctrl − are the browser's and the window's
 * own page zoom), never while typing in a field, and never inside a dialog or menu, whose keys are theirs.
 */
import type { ZoomCommand } from './zoom-state.svelte';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const KEYS: Readonly<Record<string, ZoomCommand>> = { '+': 'in', '=': 'in', '-': 'out', _: 'out', '0': 'reset', f: 'fit', F: 'fit' };

export function zoomKeyCommand(event: KeyLike): ZoomCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  return KEYS[event.key] ?? null;
}

/** Where keys belong to something else: a text field, an editable element, a dialog or a menu. */
const ELSEWHERE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="menu"], [role="alertdialog"]';

export function keysBelongElsewhere(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest(ELSEWHERE) !== null;
}
