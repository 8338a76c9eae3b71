/** The browser-mode address the global setup started, split into its parts. */
export function server(): { url: string; origin: string; token: string; port: number } {
  const url = process.env.NEIGHBORHOOD_URL;
  if (!url) throw new Error('NEIGHBORHOOD_URL is not set: the global setup did not run');
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', port: Number(parsed.port) };
}
