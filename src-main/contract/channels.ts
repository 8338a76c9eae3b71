/**
 * The one channel map every transport (Electron IPC, WebSocket) implements: requests the renderer makes
 * and what main pushes. Types only; `src-main/channels.ts` lists the same names as values.
 */
import type { Action, ActionDone, Settings } from './actions';
import type { World, WorldFrame } from './world';

/**
 * Requests the renderer makes; each has a payload and a result. Every payload is validated in main
 * (core/validation) before it reaches a handler.
 */
export interface InvokeChannels {
  'world:get': { request: null; response: World };
  'settings:get': { request: null; response: Settings };
  'settings:set': { request: Partial<Settings>; response: Settings };
  /** Runs an action; resolves when the engine has done it (the map changes through the engine's events). */
  'action:run': { request: Action; response: ActionDone };
  /** This window or tab shows the map (or no longer does): sampling slows while none does. */
  'view:visibility': { request: { visible: boolean }; response: null };
}

/** What main pushes to the renderer. */
export interface EventChannels {
  /** What changed since the previous frame (or the whole world); see WorldFrame. */
  'world:frame': WorldFrame;
  'settings:changed': Settings;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeChannels[C]['response'];
