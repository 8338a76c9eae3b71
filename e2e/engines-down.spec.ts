/**
 * An engine that dies while the app runs: the map says so with the reason and what to start, and
 * comes back by itself when the engine does — no reload, no restart.
 */
import { expect, test } from '@playwright/test';
import { lab, mayStop } from '../tests/support/lab';
import { mustHaveLibvirt } from '../tests/support/vms';
import { MapPage } from './support/map-page';


test('Docker stopped shows as unreachable with what to start, and the building returns by itself', async ({ page }) => {
  test.setTimeout(120_000);
  test.skip(!(await mayStop('dockerd')), 'the running dockerd is not the lab\'s: this test never stops a daemon of yours');
  const map = new MapPage(page);
  await map.open();
  const docker = page.locator('[role="status"][data-engine-kind="docker"]');
  await expect(docker).toContainText('connected');
  try {
    await lab('stop-docker');
    await expect(docker).toContainText('unreachable', { timeout: 5000 });
    await expect(docker).toContainText(/no Docker socket|connection refused|reset|ended/);
    await expect(docker).toContainText('Start Docker');
    await expect(page.getByText(/Docker is unreachable/).first()).toBeVisible();
  } finally {
    await lab('up');
  }
  await expect(docker).toContainText('connected', { timeout: 5000 });
});

test('libvirt stopped shows as unreachable where the houses stand, and they return by themselves', async ({ page }) => {
  test.setTimeout(120_000);
  await mustHaveLibvirt();
  test.skip(!(await mayStop('libvirtd')), 'the running libvirtd is not the lab\'s: this test never stops a daemon of yours');
  const map = new MapPage(page);
  await map.open();
  const libvirt = page.locator('[role="status"][data-engine-kind="libvirt"]');
  await expect(libvirt).toContainText('connected');
  try {
    await lab('stop-libvirt');
    await expect(libvirt).toContainText('unreachable', { timeout: 5000 });
    await expect(libvirt).toContainText('Start libvirt');
  } finally {
    await lab('up');
  }
  await expect(libvirt).toContainText('connected', { timeout: 5000 });
});
