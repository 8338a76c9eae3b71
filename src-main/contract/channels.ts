/**
 * The one channel map every transport (Electron IPC, WebSocket) implements: requests the renderer makes
 * and what main pushes. Types only; `src-main/channels.ts` lists the same names as values.
 */
import type { Action, ActionDone, Settings } from './actions';
import type { EngineConfig, EngineEntry, EngineTestResult } from './engines';
import type { HistoryPoint, TenantHistory } from './history';
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
  /** The engines watched (the Engines dialog). */
  'engines:list': { request: null; response: EngineEntry[] };
  /** Watches one more engine from now on (kept across restarts); it appears at once, answering or not. */
  'engines:add': { request: EngineConfig; response: EngineEntry };
  /** Connects once with a configuration and says what answered, or exactly why nothing did; changes nothing. */
  'engines:test': { request: EngineConfig; response: EngineTestResult };
  'engines:rename': { request: { id: string; name: string }; response: EngineEntry };
  'engines:remove': { request: { id: string }; response: null };
  /** One tenant's or host's history (null before its first figures). */
  'history:get': { request: { key: string }; response: TenantHistory | null };
  /** The last `points` of many tenants' recent history, for sparklines (keys without history are left out). */
  'history:tails': { request: { keys: string[]; points: number }; response: Record<string, HistoryPoint[]> };
}

/** What main pushes to the renderer. */
/** What the desktop window's menu asks the page to do. */
export type UiCommand = 'view:map' | 'view:table' | 'zoom:in' | 'zoom:out' | 'zoom:reset' | 'zoom:fit' | 'legend:toggle' | 'find';

export interface EventChannels {
  /** What changed since the previous frame (or the whole world); see WorldFrame. */
  'world:frame': WorldFrame;
  'settings:changed': Settings;
  'engines:changed': EngineEntry[];
  /** From the desktop window's menu (never sent in browser mode, where the page has its own controls). */
  'ui:command': UiCommand;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends InvokeChannel> = InvokeChannels[C]['request'];
export type ResponseOf<C extends InvokeChannel> = InvokeChannels[C]['response'];
