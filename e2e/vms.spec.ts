/**
 * Houses on the map in Chromium against browser mode, the real libvirtd and a real tiny QEMU guest.
 */
import { expect, test, type Locator } from '@playwright/test';
import { snapshotCreateXml } from '@neighborhood/libvirt';
import { uniqueName } from '../tests/support/engines';
import { TestVms, mustHaveLibvirt } from '../tests/support/vms';
import { MapPage } from './support/map-page';

const MiB = 1024 * 1024;
const vms = new TestVms();

test.beforeAll(async () => {
  // Like Docker, libvirt is part of the lab the end-to-end suite runs on: without it, this fails.
  await mustHaveLibvirt();
});

test.afterAll(async () => {
  await vms.cleanup();
});

/** The street (host section) that holds a tenant, and its ground's dedicated memory. */
const streetOf = (map: MapPage, tenant: Locator) => map.page.locator('section.street').filter({ has: tenant });
const dedicatedMemory = async (street: Locator) => Number(await street.getByTestId('ground-memory').getAttribute('data-dedicated'));

test('a VM started during the test stands as a house within 5 s, with its vCPUs, memory and dedicated share; shutting it down shows within 3 s', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-vm');
  // The street that will hold it is this machine's; read its dedicated memory before the VM exists.
  await expect(page.locator('[role="status"][data-engine-kind="libvirt"]')).toContainText('connected');
  const street = page.locator('section.street').filter({ has: page.locator('[data-engine-kind="libvirt"]') });
  const before = await dedicatedMemory(street);

  const uuid = await vms.define({ name, vcpus: 2, mib: 160 });
  const started = Date.now();
  await expect(map.vm(name)).toBeVisible({ timeout: 5000 });
  console.info(`VM on the map ${Date.now() - started} ms after libvirt started it`);
  await expect(map.vm(name)).toHaveAttribute('data-state', 'running');
  await expect.poll(() => dedicatedMemory(streetOf(map, map.vm(name)))).toBe(before + 160 * MiB);

  const panel = await map.openPanel(map.vm(name), 'VM', name);
  await expect(map.row(panel, 'vCPUs')).toHaveText('2');
  await expect(map.row(panel, 'Allocated memory')).toHaveText('160 MiB');
  await page.keyboard.press('Escape');

  const conn = await vms.connection();
  const stopping = Date.now();
  await conn.destroy(uuid);
  await expect(map.vm(name)).toHaveAttribute('data-state', 'shutoff', { timeout: Math.max(100, 3000 - (Date.now() - stopping)) });
  console.info(`shut off on the map ${Date.now() - stopping} ms after the stop was asked`);
  await expect.poll(() => dedicatedMemory(streetOf(map, map.vm(name)))).toBe(before);

  // A snapshot taken outside the app (libvirt raises no event for it) shows by the next sample.
  await conn.createSnapshot(uuid, snapshotCreateXml({ name: 'before-e2e', description: 'taken <i>by</i> the e2e test' }));
  await expect(map.vm(name)).toHaveAccessibleName(/, 1 snapshot$/, { timeout: 5000 });
  const again = await map.openPanel(map.vm(name), 'VM', name);
  await expect(again).toContainText('before-e2e');
  await expect(again).toContainText('taken <i>by</i> the e2e test');
});

test('a VM whose name and description hold markup shows them literally', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  // libvirt refuses "/" in names, so no closing tags; an opening tag with a handler is the real test.
  const name = `nbh-<img src=x onerror=window.__pwned=3>&amp;-${process.pid}`;
  const description = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await vms.define({ name, vcpus: 1, mib: 128, description }, { start: false });

  await expect(map.vm(name)).toBeVisible({ timeout: 5000 });
  await expect(map.vm(name)).toHaveAttribute('data-state', 'shutoff');
  const panel = await map.openPanel(map.vm(name), 'VM', name);
  await expect(panel).toContainText(description);
  await expect(panel.locator('img, b, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
