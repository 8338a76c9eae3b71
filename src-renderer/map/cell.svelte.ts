/** One tenant's value as a signal; reading `value` subscribes to this tenant alone (see live-cells.ts). */
export class Cell<V> {
  value = $state.raw<V | undefined>(undefined);
}
