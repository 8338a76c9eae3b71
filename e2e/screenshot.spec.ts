/**
 * The pictures in the README: the lab's demo tenants (scripts/lab.sh demo) on the map, saved to
 * docs/screenshot.png; the same tenants in the table sorted by CPU, docs/table.png; and the map filtered
 * to the running containers (the rest dimmed), docs/filtered-map.png. The demo is taken down again unless
 * it was already up before this spec.
 */
import { expect, test } from '@playwright/test';
import { run } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const lab = (command: string) => run('scripts/lab.sh', [command], { timeout: 120_000 });

let demoWasUp = false;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  demoWasUp = await run('docker', ['inspect', 'nbh-demo-web']).then(
    () => true,
    () => false,
  );
  await lab('demo');
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  if (!demoWasUp) await lab('down');
});

test('the map shows the host as ground, the engines as a building and houses, and saves a screenshot', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await expect(map.container('nbh-demo-web')).toBeVisible();
  const capacity = Number(await page.getByTestId('ground-memory').first().getAttribute('data-capacity'));
  expect(capacity).toBeGreaterThan(0);
  await expect(page.getByTestId('ground-cpu').first()).toBeVisible();
  // A few samples, so the windows are lit by real CPU figures.
  await page.waitForTimeout(5000);
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('the table, sorted by CPU with its sparklines, saves a screenshot', async ({ page }) => {
  test.setTimeout(90_000);
  const map = new MapPage(page);
  await map.open();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  const table = page.getByRole('table', { name: 'Tenants' });
  await expect(table.getByRole('cell', { name: 'nbh-demo-web', exact: true })).toBeVisible();
  await table.getByRole('columnheader', { name: 'CPU', exact: true }).getByRole('button').click();
  // Sparklines fill over a few samples (their width is 40 samples: this is about half of it).
  await page.waitForTimeout(35_000);
  await expect(table.locator('tbody tr[data-index="0"] td.cpu')).not.toHaveText('—');
  await page.screenshot({ path: 'docs/table.png' });
});

test('the map filtered to running containers, the rest dimmed, saves a screenshot', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  await page.getByRole('group', { name: 'State' }).getByRole('button', { name: 'Running', exact: true }).click();
  await page.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'Containers', exact: true }).click();
  await expect(page).toHaveURL(/state=running&kind=container/);
  await expect(map.container('nbh-demo-web')).toBeVisible();
  await page.waitForTimeout(5000);
  await page.screenshot({ path: 'docs/filtered-map.png' });
});
