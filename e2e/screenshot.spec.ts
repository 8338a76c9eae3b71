/**
 * The picture in the README: the lab's demo tenants (scripts/lab.sh demo) on the map, saved to
 * docs/screenshot.png. The demo is taken down again unless it was already up before this spec.
 */
import { expect, test } from '@playwright/test';
import { run } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const lab = (command: string) => run('scripts/lab.sh', [command], { timeout: 120_000 });

test('the map shows the host as ground, the engines as a building and houses, and saves a screenshot', async ({ page }) => {
  test.setTimeout(180_000);
  const demoWasUp = await run('docker', ['inspect', 'nbh-demo-web']).then(() => true, () => false);
  await lab('demo');
  try {
    const map = new MapPage(page);
    await map.open();
    await expect(map.container('nbh-demo-web')).toBeVisible();
    const capacity = Number(await page.getByTestId('ground-memory').first().getAttribute('data-capacity'));
    expect(capacity).toBeGreaterThan(0);
    await expect(page.getByTestId('ground-cpu').first()).toBeVisible();
    // A few samples, so the windows are lit by real CPU figures.
    await page.waitForTimeout(5000);
    await page.screenshot({ path: 'docs/screenshot.png' });
  } finally {
    if (!demoWasUp) await lab('down');
  }
});
