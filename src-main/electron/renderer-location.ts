/**
 * Where the map page comes from: the built file beside the main bundle, or electron-vite's dev server
 * during `npm run dev`. A packaged app ignores ELECTRON_RENDERER_URL: an environment variable must not be
 * able to point the installed app (and its preload bridge) at another page.
 */
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  | { kind: 'file'; path: string; url: string }
  | { kind: 'dev-server'; url: string };

export interface RendererChoice {
  location: RendererLocation;
  /** Why a dev server URL that was set is not used, for the log; null when nothing was ignored. */
  ignored: string | null;
}

export function chooseRenderer(options: { isPackaged: boolean; devServerUrl: string | undefined; rendererFile: string }): RendererChoice {
  const file: RendererLocation = { kind: 'file', path: options.rendererFile, url: pathToFileURL(options.rendererFile).href };
  const dev = options.devServerUrl;
  if (!dev) return { location: file, ignored: null };
  if (options.isPackaged) return { location: file, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged app' };
  let url: URL;
  try {
    url = new URL(dev);
  } catch {
    return { location: file, ignored: 'ELECTRON_RENDERER_URL is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { location: file, ignored: `ELECTRON_RENDERER_URL must be http(s), not ${url.protocol}` };
  }
  return { location: { kind: 'dev-server', url: url.href }, ignored: null };
}
