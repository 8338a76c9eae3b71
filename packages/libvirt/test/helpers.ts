// Shared by the binding's tests: the availability gate and small waiting helpers.
import { it } from 'vitest';
import { availability } from '../src/index';

/**
 * Whether the suites can run. Outside CI a missing binding skips them (the build explains why in
 * build-status.json); in CI (CI=true) it registers a failing test instead, so a broken build
 * cannot pass as "skipped".
 */
export function bindingAvailable(): boolean {
  const a = availability();
  if (a.available) return true;
  if (process.env.CI === 'true') {
    it('the libvirt binding is available (required in CI)', () => {
      throw new Error(`libvirt binding not available: ${a.reason}`);
    });
  }
  return false;
}

/** Resolves when `check` returns a value other than undefined; rejects after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The text of the first <tag>…</tag> in an XML document, with the five XML entities decoded. */
export function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return undefined;
  return m[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
    ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
  );
}
