/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { PreloadApi } from '../src-main/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (browser mode). */
    neighborhood?: PreloadApi;
  }
}

export {};
