/**
 * How the page is connected to Neighborhood's main side. Electron IPC cannot drop, so its connection
 * is always open; the WebSocket can, and the UI says so while it reconnects.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface Connection {
  readonly state: ConnectionState;
  /** Called on every change of state. Returns the unsubscribe. */
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export const alwaysOpen: Connection = {
  state: 'open',
  subscribe: () => () => {},
};
