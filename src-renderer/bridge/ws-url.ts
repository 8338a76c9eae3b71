/**
 * Where the WebSocket lives: the same host that served the page, at /ws, carrying the token the
 * server printed in the page's own URL (?token=…). wss when the page came over https.
 */
export function wsUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`;
}
