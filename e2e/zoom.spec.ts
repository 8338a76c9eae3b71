/**
 * Zoom and pan of the map in Chromium against browser mode and the lab's Docker engine: + and − scale
 * the map, 0 puts it back, fit shows all of it, a drag pans, the minimap moves the view, and arrow keys
 * take the focus from a tenant to the one beside it, into view.
 */
import { expect, test, type Page } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

interface View {
  k: number;
  x: number;
  y: number;
}

const world = (page: Page) => page.getByTestId('map-world');

/** The map's transform as drawn: translate(x px, y px) scale(k). */
async function view(page: Page): Promise<View> {
  const transform = await world(page).evaluate((e) => (e as HTMLElement).style.transform);
  const m = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(transform);
  if (!m) throw new Error(`unexpected transform: ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
}

/** Somewhere on the page that takes no keys of its own (the keys are the map's). */
async function focusNothing(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function openMap(page: Page, names: string[]): Promise<MapPage> {
  const map = new MapPage(page);
  await map.open();
  for (const name of names) await expect(map.container(name)).toBeVisible({ timeout: 5000 });
  return map;
}

test.describe.configure({ mode: 'serial' });

const names: string[] = [];

test.beforeAll(async () => {
  for (let i = 0; i < 6; i += 1) {
    const name = uniqueName(`nbh-e2e-zoom${i}`);
    names.push(name);
    await containers.run(name, ['sleep', '600']);
  }
});

test('+ zooms in, − zooms out, 0 resets, with the corner control saying how far', async ({ page }) => {
  await openMap(page, names);
  await focusNothing(page);
  expect(await view(page)).toEqual({ k: 1, x: 0, y: 0 });

  await page.keyboard.press('+');
  const zoomedIn = await view(page);
  expect(zoomedIn.k).toBeGreaterThan(1.3);
  await expect(page.getByLabel('Zoom level')).toHaveText('141%');
  await page.keyboard.press('+');
  expect((await view(page)).k).toBeGreaterThan(zoomedIn.k * 1.3);

  await page.keyboard.press('-');
  expect((await view(page)).k).toBeCloseTo(zoomedIn.k, 5);

  await page.keyboard.press('0');
  expect(await view(page)).toEqual({ k: 1, x: 0, y: 0 });

  // The buttons do the same.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect((await view(page)).k).toBeCloseTo(Math.SQRT2, 5);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  expect((await view(page)).k).toBeCloseTo(1, 5);
});

test('fit shows the whole map in the window, by key and by button', async ({ page }) => {
  await openMap(page, names);
  await focusNothing(page);
  // Far in first, so fitting has something to do.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('+');
  expect((await view(page)).k).toBeGreaterThan(3);

  const fits = async () => {
    const viewport = (await page.locator('main.map').boundingBox())!;
    const map = (await world(page).boundingBox())!;
    expect(map.x).toBeGreaterThanOrEqual(viewport.x - 0.5);
    expect(map.y).toBeGreaterThanOrEqual(viewport.y - 0.5);
    expect(map.x + map.width).toBeLessThanOrEqual(viewport.x + viewport.width + 0.5);
    expect(map.y + map.height).toBeLessThanOrEqual(viewport.y + viewport.height + 0.5);
  };
  await page.keyboard.press('f');
  await fits();

  await page.keyboard.press('0');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('+');
  await page.getByRole('button', { name: 'Fit to window' }).click();
  await fits();
});

test('a drag pans the map, and the minimap moves the view', async ({ page }) => {
  await openMap(page, names);
  await focusNothing(page);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('+');
  const before = await view(page);

  // From the middle of the window (wherever it lands: the drag is the map's), 120 px left and 80 px up.
  const viewport = (await page.locator('main.map').boundingBox())!;
  const start = { x: viewport.x + viewport.width / 2, y: viewport.y + viewport.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 60, start.y - 40, { steps: 4 });
  await page.mouse.move(start.x - 120, start.y - 80, { steps: 4 });
  await page.mouse.up();
  const after = await view(page);
  expect(after.k).toBe(before.k);
  expect(after.x).toBeCloseTo(before.x - 120, 0);
  expect(after.y).toBeCloseTo(before.y - 80, 0);

  // Larger than the window: the minimap is there, and a press in its top-left corner shows the map's top-left.
  const minimap = page.getByTestId('minimap');
  await expect(minimap).toBeVisible();
  await minimap.click({ position: { x: 1, y: 1 } });
  const moved = await view(page);
  expect(moved.x).toBeGreaterThan(after.x);
  expect(moved.y).toBeGreaterThan(after.y);

  await page.keyboard.press('0');
  await expect(minimap).toBeHidden();
});

/** Where the focused tenant is against `other` (a tenant key) and against the map's viewport, measured in one go. */
async function focusedPlace(page: Page, other: string | null) {
  return page.evaluate((key) => {
    const focused = document.activeElement?.closest('[data-tenant-key]') ?? null;
    const r = focused?.getBoundingClientRect();
    const o = key === null ? undefined : document.querySelector(`[data-tenant-key="${key}"]`)?.getBoundingClientRect();
    const v = document.querySelector('main.map')!.getBoundingClientRect();
    return {
      key: focused?.getAttribute('data-tenant-key') ?? null,
      rightOfOther: r !== undefined && o !== undefined && r.left >= o.right - 0.5,
      inView: r !== undefined && r.right > v.left && r.left < v.right && r.bottom > v.top && r.top < v.bottom,
    };
  }, other);
}

test('arrow keys move the focus to the tenant beside, and bring it into view', async ({ page }) => {
  await openMap(page, names);
  // A tenant with another wholly to its right, on the same row: ArrowRight must reach one of those.
  const start = await page.evaluate(() => {
    const tenants = Array.from(document.querySelectorAll('[data-tenant-key]')).map((e) => ({ key: e.getAttribute('data-tenant-key')!, r: e.getBoundingClientRect() }));
    const beside = (a: DOMRect, b: DOMRect) => b.left >= a.right - 0.5 && b.top < a.bottom && b.bottom > a.top;
    return tenants.find((t) => tenants.some((o) => o !== t && beside(t.r, o.r)))?.key ?? null;
  });
  expect(start).not.toBeNull();
  const from = page.locator(`[data-tenant-key="${start}"]`);
  await from.focus();

  await page.keyboard.press('ArrowRight');
  const moved = await focusedPlace(page, start);
  expect(moved.key).not.toBeNull();
  expect(moved.key).not.toBe(start);
  expect(moved.rightOfOther).toBe(true);

  // And back.
  await page.keyboard.press('ArrowLeft');
  await expect(from).toBeFocused();

  // Zoomed far in, the focus walks right and down past the window's edge: the map follows it. It starts
  // from the tenant known to have one beside it (a named container may stand at the building's edge).
  await from.focus();
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('+');
  const keys = new Set<string | null>([start]);
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowDown');
    // The pan that follows the focus lands in the next animation frames, not with the key press.
    await expect.poll(async () => (await focusedPlace(page, null)).inView, { timeout: 2000 }).toBe(true);
    const place = await focusedPlace(page, null);
    expect(place.key).not.toBeNull();
    keys.add(place.key);
  }
  // It did walk (not stand still at an edge from the first step).
  expect(keys.size).toBeGreaterThan(1);
});
