/**
 * The table view in Chromium against browser mode and the lab's Docker engine: sorting (a busy
 * container rises to the top by CPU; names both ways), keyboard navigation with Enter opening the
 * panel, and the CSV export.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();

test.afterAll(async () => {
  await containers.cleanup();
});

async function openTable(page: Page): Promise<MapPage> {
  const map = new MapPage(page);
  await map.open();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  await expect(table(page)).toBeVisible();
  return map;
}

const table = (page: Page) => page.getByRole('table', { name: 'Tenants' });
const header = (page: Page, title: string) => table(page).getByRole('columnheader', { name: title, exact: true });
const names = (page: Page) => table(page).locator('tbody tr[data-index] td.name').allTextContents();
const rowAt = (page: Page, index: number) => table(page).locator(`tbody tr[data-index="${index}"]`);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

test('a busy container rises to the top of the table sorted by CPU within two samples', async ({ page }) => {
  await openTable(page);
  await header(page, 'CPU').getByRole('button').click();
  await expect(header(page, 'CPU')).toHaveAttribute('aria-sort', 'descending');
  const interval = Number(await page.getByLabel('Sample every (seconds)').inputValue());
  // Company with figures already: the busy one starts without any (rates need two samples), so last.
  const idle = uniqueName('nbh-e2e-idle');
  await containers.run(idle, ['sleep', '600']);
  const idleRow = table(page).getByRole('row').filter({ has: page.getByRole('cell', { name: idle, exact: true }) });
  await expect(idleRow.locator('td.cpu')).not.toHaveText('—', { timeout: (2 * interval + 3) * 1000 });

  const name = uniqueName('nbh-e2e-busy');
  await containers.run(name, ['sh', '-c', 'while :; do :; done']);
  const started = Date.now();
  // It appears at once (an event), its first rate needs two samples; a little slack for the frame.
  await expect(rowAt(page, 0).locator('td.name')).toHaveText(name, { timeout: (2 * interval + 3) * 1000 });
  console.info(`busy container at the top ${Date.now() - started} ms after docker start returned (samples every ${interval} s)`);
  await expect(rowAt(page, 0).locator('td.cpu')).not.toHaveText('—');
  expect(Number(await idleRow.getAttribute('data-index'))).toBeGreaterThan(0);
});

test('sorts by name both ways, and the table is the remembered view after a reload', async ({ page }) => {
  await containers.run(uniqueName('nbh-e2e-aaa'), ['sleep', '600']);
  await containers.run(uniqueName('nbh-e2e-zzz'), ['sleep', '600']);
  await openTable(page);
  const nameHeader = header(page, 'Name');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'Host')).toHaveAttribute('aria-sort', 'none');
  await expect.poll(() => names(page).then((n) => n.some((x) => x.startsWith('nbh-e2e-zzz')))).toBe(true);
  const ascending = await names(page);
  expect(ascending.length).toBeGreaterThan(1);
  expect(ascending).toEqual([...ascending].sort(collator.compare));

  // Sorting again from the keyboard: the header is a button.
  await nameHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = await names(page);
  expect(descending).toEqual([...descending].sort((a, b) => collator.compare(b, a)));

  await page.reload();
  await expect(table(page)).toBeVisible();
  await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'descending');
});

test('rows are navigated with the keyboard, Enter opens the panel and closing it returns to the row', async ({ page }) => {
  const name = uniqueName('nbh-e2e-keys');
  await containers.run(name, ['sleep', '600']);
  const map = await openTable(page);
  await expect(table(page).getByRole('cell', { name, exact: true })).toBeVisible({ timeout: 5000 });
  const count = await table(page).locator('tbody tr[data-index]').count();

  // One row takes Tab (the first, at first); arrows, Home and End move between rows.
  await expect(table(page).locator('tbody tr[tabindex="0"]')).toHaveCount(1);
  await table(page).locator('tbody tr[tabindex="0"]').focus();
  await expect(rowAt(page, 0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rowAt(page, 1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rowAt(page, count - 1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rowAt(page, 0)).toBeFocused();

  // Down to the container started here, then Enter.
  const index = Number(await table(page).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).getAttribute('data-index'));
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(rowAt(page, index)).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = map.panel('Container', name);
  await expect(panel).toBeVisible();
  await expect(rowAt(page, index)).toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(table(page).getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) })).toBeFocused();

  // A click opens it too.
  await table(page).getByRole('cell', { name, exact: true }).click();
  await expect(panel).toBeVisible();
});

test('the CSV export holds the header and every tenant of the table, untrusted names kept in their cell', async ({ page }) => {
  const name = uniqueName('nbh-e2e-csv');
  await containers.run(name, ['sleep', '600'], { labels: { 'nbh.note': '=1+1, "quoted"' } });
  await openTable(page);
  await expect(table(page).getByRole('cell', { name, exact: true })).toBeVisible({ timeout: 5000 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^neighborhood-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
  expect(csv.startsWith('"Name","Kind","State","Host","Engine","Image","CPU (cores)"')).toBe(true);
  expect(csv).toContain(`\r\n"${name}","container","running",`);
  // The label's value went out as text: quotes doubled, inside one quoted cell.
  expect(csv).toContain('nbh.note==1+1, ""quoted""');
});

test('only the rows in view are drawn, and the keyboard brings any row into view', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1400, height: 420 });
  const prefix = uniqueName('nbh-e2e-many');
  const many = Array.from({ length: 24 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
  await Promise.all(many.map((name) => containers.run(name, ['sleep', '600'])));
  await openTable(page);
  await header(page, 'Name').getByRole('button').click();
  const count = page.getByTestId('table-count');
  await expect(count).toHaveText(/^\d+ tenants$/);
  await expect.poll(async () => Number((await count.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(many.length);
  const total = Number((await count.textContent())!.split(' ')[0]);

  const drawn = table(page).locator('tbody tr[data-index]');
  expect(await drawn.count()).toBeLessThan(total);
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(total + 1));

  await table(page).locator('tbody tr[tabindex="0"]').focus();
  await page.keyboard.press('End');
  const last = rowAt(page, total - 1);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(rowAt(page, 0)).toHaveCount(0);
  await page.keyboard.press('Home');
  await expect(rowAt(page, 0)).toBeFocused();
  await expect(rowAt(page, 0)).toBeInViewport();

  // Filtered down to one, the rest hidden and counted.
  await page.getByRole('searchbox', { name: 'Search tenants' }).fill(`${prefix}-23`);
  await expect.poll(() => names(page)).toEqual([many[23]]);
  await expect(count).toHaveText(`1 of ${total} tenants`);
});
