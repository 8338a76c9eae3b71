/**
 * The contract between main and renderer, in one folder of types only (no runtime imports), so the
 * renderer can `import type` it and nothing from main leaks into the page:
 * - world.ts — the world model every frame carries;
 * - actions.ts — the actions the map can ask for, and the settings;
 * - channels.ts — the one channel map every transport implements;
 * - envelopes.ts — how it travels (invoke results, the Bridge, WebSocket messages, the preload API);
 * - engines.ts — which engines are watched and how each is reached;
 * - history.ts — what the core remembers of each tenant and host over time.
 */
export type * from './world';
export type * from './actions';
export type * from './channels';
export type * from './envelopes';
export type * from './engines';
export type * from './history';
