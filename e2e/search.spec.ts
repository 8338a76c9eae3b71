/**
 * Search and filter in Chromium against browser mode and the lab's Docker engine: `/` and a name, Enter
 * opens its panel; the state and kind chips; the filter in the page's address, kept across a reload;
 * on the map the tenants that do not match are dimmed.
 */
import { expect, test, type Page } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

const field = (page: Page) => page.getByRole('searchbox', { name: 'Search tenants' });
const chip = (page: Page, group: 'State' | 'Kind', title: string) => page.getByRole('group', { name: group }).getByRole('button', { name: title, exact: true });
const table = (page: Page) => page.getByRole('table', { name: 'Tenants' });
const tableNames = (page: Page) => table(page).locator('tbody tr[data-index] td.name').allTextContents();
const showTable = (page: Page) => page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();

test('"/" focuses the search, a name and Enter open that tenant\'s panel, Escape clears then leaves', async ({ page }) => {
  const name = uniqueName('nbh-e2e-find');
  await containers.run(name, ['sleep', '600']);
  const map = new MapPage(page);
  await map.open();
  await expect(map.container(name)).toBeVisible({ timeout: 5000 });

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(field(page)).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  const panel = map.panel('Container', name);
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Inside the field "/" is typed, not taken.
  await field(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.type('/x');
  await expect(field(page)).toHaveValue(`${name}/x`);
  await page.keyboard.press('Escape');
  await expect(field(page)).toHaveValue('');
  await expect(field(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field(page)).not.toBeFocused();
});

test('the state and kind chips filter the table', async ({ page }) => {
  const prefix = uniqueName('nbh-e2e-chips');
  await containers.run(`${prefix}-up`, ['sleep', '600']);
  const paused = await containers.run(`${prefix}-held`, ['sleep', '600']);
  await paused.pause();
  await new MapPage(page).open();
  await showTable(page);
  await field(page).fill(prefix);
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual([`${prefix}-held`, `${prefix}-up`]);

  await chip(page, 'State', 'Paused').click();
  await expect(chip(page, 'State', 'Paused')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => tableNames(page)).toEqual([`${prefix}-held`]);
  await chip(page, 'State', 'Running').click();
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual([`${prefix}-held`, `${prefix}-up`]);
  await chip(page, 'State', 'Paused').click();
  await expect.poll(() => tableNames(page)).toEqual([`${prefix}-up`]);
  await chip(page, 'State', 'Running').click();

  await chip(page, 'Kind', 'VMs').click();
  await expect(page.getByText('No tenant matches the filter.')).toBeVisible();
  await chip(page, 'Kind', 'Containers').click();
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual([`${prefix}-held`, `${prefix}-up`]);
  await chip(page, 'Kind', 'VMs').click();
  await expect.poll(() => tableNames(page).then((n) => n.sort())).toEqual([`${prefix}-held`, `${prefix}-up`]);

  // A chip alone: every paused tenant, ours among them, and no running one.
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(field(page)).toHaveValue('');
  await chip(page, 'State', 'Paused').click();
  await expect(table(page).getByRole('cell', { name: `${prefix}-held`, exact: true })).toBeVisible();
  await expect(table(page).locator('tbody tr[data-index]:not([data-group="paused"])')).toHaveCount(0);
});

test('the filter is in the page address and survives a reload', async ({ page }) => {
  const name = uniqueName('nbh-e2e-url');
  await containers.run(name, ['sleep', '600']);
  await new MapPage(page).open();
  await showTable(page);
  await field(page).fill(name);
  await chip(page, 'State', 'Running').click();
  await chip(page, 'Kind', 'Containers').click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${name}&state=running&kind=container$`));
  expect(page.url()).not.toContain('token=');
  await expect.poll(() => tableNames(page)).toEqual([name]);

  await page.reload();
  await expect(field(page)).toHaveValue(name);
  await expect(chip(page, 'State', 'Running')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'Kind', 'Containers')).toHaveAttribute('aria-pressed', 'true');
  await expect(chip(page, 'State', 'Paused')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => tableNames(page)).toEqual([name]);
});

test('on the map the tenants that do not match are dimmed, and all are lit again when the filter is cleared', async ({ page }) => {
  const prefix = uniqueName('nbh-e2e-dim');
  await containers.run(`${prefix}-lit`, ['sleep', '600']);
  await containers.run(`${prefix}-other`, ['sleep', '600']);
  const map = new MapPage(page);
  await map.open();
  await expect(map.container(`${prefix}-other`)).toBeVisible({ timeout: 5000 });
  await expect(page.locator('[data-dimmed="true"]')).toHaveCount(0);

  await field(page).fill(`${prefix}-lit`);
  await expect(map.container(`${prefix}-other`)).toHaveAttribute('data-dimmed', 'true');
  await expect(map.container(`${prefix}-lit`)).not.toHaveAttribute('data-dimmed', 'true');
  await expect(page.getByText('1 match', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(page.locator('[data-dimmed="true"]')).toHaveCount(0);
});
