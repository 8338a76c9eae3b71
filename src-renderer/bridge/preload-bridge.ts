/** The Bridge over Electron's preload API (`window.neighborhood`): one named function per channel. */
import type { Bridge, EventChannels, InvokeResult, PreloadApi } from '../../src-main/contract';
import { unwrap } from './unwrap';

export function preloadBridge(api: PreloadApi): Bridge {
  return {
    async invoke(channel, request) {
      // The channel map correlates request and response per key; TypeScript cannot follow that
      // through an indexed access, so the call is typed by hand once here.
      const call = api.invoke[channel] as (r: typeof request) => Promise<InvokeResult<never>>;
      return unwrap(await call(request));
    },
    on(event, listener) {
      const subscribe = api.on[event] as (l: (payload: EventChannels[typeof event]) => void) => () => void;
      return subscribe(listener);
    },
  };
}
