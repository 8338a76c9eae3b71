import { createHash } from 'node:crypto';

/**
 * The browser-mode address the global setup started, split into its parts. The app lives under a
 * per-instance prefix derived from the token (the server documents the derivation; the token spec
 * checks the redirect names the same one).
 */
export function server(): { url: string; origin: string; token: string; port: number; prefix: string } {
  const url = process.env.NEIGHBORHOOD_URL;
  if (!url) throw new Error('NEIGHBORHOOD_URL is not set: the global setup did not run');
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const prefix = `/${createHash('sha256').update(`neighborhood-path:${token}`).digest('base64url').slice(0, 16)}/`;
  return { url, origin: parsed.origin, token, port: Number(parsed.port), prefix };
}
