/**
 * Electron's preload puts the API on `window.neighborhood`; a plain browser (browser mode) has none
 * and talks to the server that served the page over a WebSocket instead.
 */
import type { Bridge } from '../../src-main/contract';
import { alwaysOpen, type Connection } from './connection';
import { preloadBridge } from './preload-bridge';
import { WsBridge } from './ws-bridge';
import { wsUrl } from './ws-url';

export interface PickedBridge {
  bridge: Bridge;
  connection: Connection;
}

export function pickBridge(win: Window): PickedBridge {
  if (win.neighborhood) return { bridge: preloadBridge(win.neighborhood), connection: alwaysOpen };
  const ws = new WsBridge(wsUrl(win.location));
  return { bridge: ws, connection: ws };
}
