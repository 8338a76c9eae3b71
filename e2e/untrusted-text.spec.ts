/**
 * Engine text is untrusted: a container whose label and command hold markup shows that markup as
 * text, and nothing in it runs.
 */
import { expect, test } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { MapPage } from './support/map-page';

const containers = new TestContainers();
test.afterAll(async () => {
  await containers.cleanup();
});

const LABEL = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
const SCRIPT = '<script>window.__pwned=2</script>';

test('markup in labels and commands is shown literally and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-markup');
  await containers.run(name, ['sh', '-c', `echo '${SCRIPT}'; sleep 600`], { labels: { note: LABEL } });

  await expect(map.container(name)).toBeVisible({ timeout: 5000 });
  const panel = await map.openPanel(map.container(name), 'Container', name);
  await expect(panel).toContainText(LABEL);
  await expect(panel).toContainText(SCRIPT);
  // Shown as text: no element was made from it.
  await expect(panel.locator('img, b, script')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
