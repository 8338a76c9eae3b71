/**
 * Export of the map in Chromium against browser mode and the lab: the SVG download is an SVG document
 * that holds every tenant's name as text and nothing that runs (no script, no event attributes, no
 * foreignObject); the PNG download is a PNG.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Every tenant's name on the map, from its accessible name ("Container web, running, …" → "web"). */
async function tenantNames(page: Page): Promise<string[]> {
  const labels = await page.locator('[data-tenant-key]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^(Container|VM) /, '').split(',')[0]!);
}

test('the exported SVG is an SVG with every tenant named as text, and nothing that runs', async ({ page }) => {
  const name = uniqueName('nbh-e2e-export');
  await containers.run(name, ['sleep', '600']);
  const map = new MapPage(page);
  await map.open();
  await expect(map.container(name)).toBeVisible({ timeout: 5000 });

  const { name: fileName, bytes } = await download(page, 'Export map as SVG');
  expect(fileName).toMatch(/^neighborhood-map-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const all = Array.from(doc.getElementsByTagName('*'));
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      scripts: doc.getElementsByTagName('script').length,
      foreignObjects: all.filter((e) => e.localName.toLowerCase() === 'foreignobject').length,
      handlers: all.flatMap((e) => Array.from(e.attributes).filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => a.name)),
      text: doc.documentElement.textContent ?? '',
      images: all.filter((e) => e.localName === 'image').map((e) => (e.getAttribute('href') ?? '').slice(0, 22)),
    };
  }, bytes.toString('utf8'));
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
  expect(parsed.scripts).toBe(0);
  expect(parsed.foreignObjects).toBe(0);
  expect(parsed.handlers).toEqual([]);
  // The legend and the time it shows.
  expect(parsed.text).toContain('How to read the map');
  expect(parsed.text).toMatch(/as of \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  // The facades are embedded pictures, nothing fetched.
  expect(parsed.images.length).toBeGreaterThan(0);
  for (const href of parsed.images) expect(href).toBe('data:image/png;base64,');

  const names = await tenantNames(page);
  expect(names).toContain(name);
  for (const tenant of names) expect(parsed.text).toContain(tenant);
});

test('the exported PNG is a PNG', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(page.locator('[data-tenant-key]').first()).toBeAttached();
  const { name, bytes } = await download(page, 'Export map as PNG');
  expect(name).toMatch(/\.png$/);
  expect(bytes.length).toBeGreaterThan(1000);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});
