/**
 * History in the page, in Chromium against browser mode and the real Docker engine: a tenant's panel
 * and tooltip draw sparklines that fill as samples come, a tenant that just appeared says how long its
 * history is, every street's ground has its history strip; and the page follows the system's light
 * or dark scheme with readable text in both.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

/** How many points a sparkline or strip draws (they say so on data-points). */
async function pointsOf(chart: Locator): Promise<number> {
  return Number(await chart.getAttribute('data-points'));
}

test('a running container’s panel and tooltip draw sparklines that fill over a few samples, and say how long its history is', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-history');
  // A little work, so the CPU line is not flat: a busy loop held to a tenth of a core.
  await containers.run(name, ['sh', '-c', 'while :; do :; done'], { nanoCpus: 100_000_000 });
  const tenant = map.container(name);
  await expect(tenant).toBeVisible({ timeout: 5000 });

  // Focus shows the tooltip, with the tenant's CPU over its last samples.
  await tenant.focus();
  const tooltipSpark = page.getByTestId('tooltip-history').locator('svg');
  await expect(tooltipSpark).toBeVisible({ timeout: 10_000 });

  const panel = await map.openPanel(tenant, 'Container', name);
  const history = panel.getByRole('region', { name: 'History' });
  await expect(history).toBeVisible();
  // Seconds old: the note says how long its history is, not the window's 15 minutes.
  await expect(history.getByTestId('history-length')).toHaveText(/^history: \d+ s$/, { timeout: 10_000 });

  const cpu = history.getByTestId('history-cpu').locator('svg');
  await expect(cpu).toHaveAttribute('role', 'img');
  await expect.poll(() => pointsOf(cpu), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const first = await pointsOf(cpu);
  // Samples come every 2 s: a few more points within a few samples.
  await expect.poll(() => pointsOf(cpu), { timeout: 15_000 }).toBeGreaterThanOrEqual(first + 2);
  for (const metric of ['memory', 'net', 'block']) {
    await expect.poll(() => pointsOf(history.getByTestId(`history-${metric}`).locator('svg')), { timeout: 5000 }).toBeGreaterThanOrEqual(first + 1);
  }
  await expect(history.getByTestId('history-cpu')).toContainText('peak');
  await page.screenshot({ path: 'test-results/history-panel.png' });

  // The 24-hour view: one 5-minute bucket so far.
  await history.getByRole('button', { name: '24 h' }).click();
  await expect(history.getByRole('button', { name: '24 h' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => pointsOf(cpu)).toBeGreaterThanOrEqual(1);
  await expect(history.getByTestId('history-length')).toHaveText(/^history: \d+ (s|min)$/);

  // The tooltip's sparkline fills too (the panel's tenant keeps focus out of the map: focus it again).
  await page.keyboard.press('Escape');
  await expect(tenant).toBeFocused();
  await expect.poll(() => pointsOf(tooltipSpark), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
});

test('every street’s ground has its history strip for CPU and memory, filling as frames come', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  for (const resource of ['cpu', 'memory']) {
    const strip = page.getByTestId(`ground-strip-${resource}`).first();
    await expect(strip).toBeVisible();
    await expect(strip).toHaveAttribute('role', 'img');
    await expect.poll(() => pointsOf(strip), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  }
  const strip = page.getByTestId('ground-strip-cpu').first();
  const before = await pointsOf(strip);
  await expect.poll(() => pointsOf(strip), { timeout: 15_000 }).toBeGreaterThan(before);
});

/** The page's background and text colours as the browser computes them, and their WCAG contrast. */
function pageColours(page: Page): Promise<{ background: string; text: string; contrast: number; panelText: number }> {
  return page.evaluate(() => {
    const rgb = (colour: string): number[] => (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? '0,0,0').split(',').map((v) => Number.parseFloat(v));
    const luminance = (colour: string): number => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string): number => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    const body = getComputedStyle(document.body);
    const variable = (name: string): string => {
      // A custom property resolved to rgb() by the browser, through a probe element.
      const probe = document.createElement('span');
      probe.style.color = `var(${name})`;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    return {
      background: body.backgroundColor,
      text: body.color,
      contrast: contrast(body.backgroundColor, body.color),
      panelText: Math.min(contrast(variable('--panel'), variable('--muted')), contrast(variable('--earth'), variable('--muted'))),
    };
  });
}

test('the page follows the system’s light and dark schemes, live, with readable text in both', async ({ page }) => {
  const map = new MapPage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await map.open();
  const dark = await pageColours(page);
  await page.emulateMedia({ colorScheme: 'light' });
  // No reload: the page follows a change of the system's scheme as it happens.
  await expect.poll(async () => (await pageColours(page)).background).not.toBe(dark.background);
  const light = await pageColours(page);
  expect(light.text).not.toBe(dark.text);
  for (const scheme of [dark, light]) {
    expect(scheme.contrast, `text ${scheme.text} on ${scheme.background}`).toBeGreaterThanOrEqual(4.5);
    expect(scheme.panelText).toBeGreaterThanOrEqual(4.5);
  }
  // The dark scheme is dark and the light one light.
  const level = (colour: string): number => (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? '').split(',').slice(0, 3).reduce((n, v) => n + Number.parseFloat(v), 0);
  expect(level(dark.background)).toBeLessThan(level(light.background));
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`with the system in ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the map opens in that scheme, its text readable, the ground strip drawn', async ({ page }) => {
      const map = new MapPage(page);
      await map.open();
      const colours = await pageColours(page);
      expect(colours.contrast).toBeGreaterThanOrEqual(4.5);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches)).toBe(colorScheme === 'light');
      await expect(page.getByTestId('ground-strip-cpu').first()).toBeVisible();
      await page.screenshot({ path: `test-results/history-${colorScheme}.png` });
    });
  });
}
