/**
 * Where the WebSocket lives: beside the page, at `ws` in the page's own directory (browser mode serves
 * the app under a per-instance prefix, `/<prefix>/`, and its socket at `/<prefix>/ws`). The token
 * normally travels in the prefix-scoped cookie; a page opened directly with `?token=…` passes it on.
 * wss when the page came over https.
 */
export function wsUrl(location: Pick<Location, 'protocol' | 'host' | 'pathname' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const directory = location.pathname.slice(0, location.pathname.lastIndexOf('/') + 1) || '/';
  const token = new URLSearchParams(location.search).get('token');
  return `${scheme}://${location.host}${directory}ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
