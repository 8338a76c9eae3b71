/**
 * The channel names as values, for the code that must enumerate them (preload, transports). Checked
 * against the contract at compile time: adding a channel there without listing it here fails the build.
 */
import type { EventChannel, InvokeChannel } from './contract';

export const INVOKE_CHANNELS = [
  'world:get',
  'settings:get',
  'settings:set',
  'action:run',
  'view:visibility',
  'engines:list',
  'engines:add',
  'engines:test',
  'engines:rename',
  'engines:remove',
  'history:get',
  'history:tails',
] as const satisfies readonly InvokeChannel[];
export const EVENT_CHANNELS = ['world:frame', 'settings:changed', 'engines:changed', 'ui:command'] as const satisfies readonly EventChannel[];

type Missing<All, Listed> = Exclude<All, Listed>;
// Compile-time completeness: each is `never` only when every channel is listed.
export const invokeChannelsComplete: Missing<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> extends never ? true : never = true;
export const eventChannelsComplete: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : never = true;

/** IPC channel name for main → renderer events (prefixed so they can never collide with invokes). */
export const ipcEventName = (event: EventChannel): string => `event:${event}`;
