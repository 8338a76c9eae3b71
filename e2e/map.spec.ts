/**
 * The map in Chromium against browser mode and the real Docker engine.
 */
import { expect, test } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const MiB = 1024 * 1024;
const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

test('a container started during the test appears within 5 s and its panel shows its memory limit', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e');
  await containers.run(name, ['sleep', '600'], { memoryBytes: 64 * MiB, nanoCpus: 250_000_000 });
  const started = Date.now();
  await expect(map.container(name)).toBeVisible({ timeout: 5000 });
  console.info(`container on the map ${Date.now() - started} ms after docker start returned`);

  const panel = await map.openPanel(map.container(name), 'Container', name);
  await expect(map.row(panel, 'Memory limit')).toHaveText('64 MiB');
  await expect(panel).toContainText('neighborhood/busybox:latest');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(map.container(name)).toBeFocused();
});

test('the sample interval is a setting that persists, and a bad value is refused with the reason', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const field = page.getByLabel('Sample every (seconds)');
  await expect(field).toHaveValue('2');
  try {
    await field.fill('5');
    await field.press('Enter');
    await field.blur();
    await page.reload();
    await expect(page.getByLabel('Sample every (seconds)')).toHaveValue('5');

    await page.getByLabel('Sample every (seconds)').fill('0');
    await page.getByLabel('Sample every (seconds)').blur();
    await expect(page.getByRole('alert')).toContainText('at least 1 second');
    await page.reload();
    await expect(page.getByLabel('Sample every (seconds)')).toHaveValue('5');
  } finally {
    await page.getByLabel('Sample every (seconds)').fill('2');
    await page.getByLabel('Sample every (seconds)').blur();
    await expect(page.getByLabel('Sample every (seconds)')).toHaveValue('2');
  }
});

test('"Slow down while hidden" is a setting beside the interval, kept across a reload', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const box = page.getByRole('checkbox', { name: 'Slow down while hidden' });
  await expect(box).toBeChecked();
  try {
    await box.uncheck();
    await expect(box).not.toBeChecked();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Slow down while hidden' })).not.toBeChecked();
  } finally {
    await page.getByRole('checkbox', { name: 'Slow down while hidden' }).check();
    await expect(page.getByRole('checkbox', { name: 'Slow down while hidden' })).toBeChecked();
  }
});
