/**
 * The window's size, place and maximized state, kept in userData between starts. Saved a moment after the
 * user stops moving or resizing it, and at once when it closes; written whole to a temp file and renamed
 * over the old one, so a crash mid-write leaves the previous state, never half a file. Writes are
 * synchronous: the file is a few dozen bytes, and an async write still in flight at close could land
 * after the close's write and put back an older state.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Screen } from 'electron';
import type { ErrorReporter } from '../core/report-error';
import { parseWindowState, placeWindow, type Displays, type Size, type WindowState } from './window-geometry';

export const WINDOW_STATE_FILE = 'window-state.json';
/** How long after the last move or resize the state is written. */
export const SAVE_DELAY_MS = 500;

const isMissing = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ENOENT';

/** The saved state; null on a first start, and (reported) when the file is unreadable or not a state. */
export function readWindowState(file: string, report: ErrorReporter): WindowState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!isMissing(error)) report('reading the window state', error);
    return null;
  }
  try {
    const state = parseWindowState(JSON.parse(text));
    if (!state) report('reading the window state', `${file} does not hold a window state; ignored`);
    return state;
  } catch (error) {
    report('reading the window state', error);
    return null;
  }
}

let writes = 0;

/** Writes the state atomically (temp file + rename); throws what the file system threw. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.${++writes}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${JSON.stringify(state)}\n`);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The displays' work areas now; null when the screen cannot tell (then the saved bounds are trusted). */
export function currentDisplays(screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>, report: ErrorReporter): Displays | null {
  try {
    return { primary: screen.getPrimaryDisplay().workArea, all: screen.getAllDisplays().map((display) => display.workArea) };
  } catch (error) {
    report('reading the displays', error);
    return null;
  }
}

export interface RestoreOptions {
  file: string;
  screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'>;
  defaultSize: Size;
  report: ErrorReporter;
}

/** Where the window opens this time: the saved state, moved onto a display that is still there. */
export function restoredPlacement({ file, screen, defaultSize, report }: RestoreOptions): WindowState {
  return placeWindow(readWindowState(file, report), currentDisplays(screen, report), defaultSize);
}

type StatefulWindow = Pick<BrowserWindow, 'on' | 'off' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/**
 * Saves the window's state as it changes (debounced) and when it closes. Returns the stop; closing the
 * window stops it too. Nothing here throws into Electron's event dispatch: failures are reported.
 */
export function rememberWindowState(window: StatefulWindow, file: string, report: ErrorReporter, delayMs = SAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const save = (): void => {
    cancel();
    try {
      if (window.isDestroyed()) return;
      // The normal bounds, whatever the window is now (maximized, minimized, full screen): what it
      // returns to, and what it should open at before being maximized again.
      writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      report('saving the window state', error);
    }
  };
  const later = (): void => {
    cancel();
    timer = setTimeout(save, delayMs);
  };
  const stop = (): void => {
    cancel();
    window.off('move', later);
    window.off('resize', later);
    window.off('maximize', later);
    window.off('unmaximize', later);
    window.off('close', save);
    window.off('closed', stop);
  };
  window.on('move', later);
  window.on('resize', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', save);
  window.on('closed', stop);
  return stop;
}
