/**
 * Lifecycle actions from the map, in Chromium against browser mode and the real engines: a container
 * stopped and removed from its context menu with the keyboard alone, a running one removed with
 * "Stop and remove", and a VM paused, resumed, forced off and started from its panel. Docker and
 * virsh are the judges of what happened.
 */
import { expect, test } from '@playwright/test';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { TestVms, mustHaveLibvirt } from '../tests/support/vms';
import { MapPage } from './support/map-page';
import { virsh } from './support/virsh';

const containers = new TestContainers();
const vms = new TestVms();

test.afterAll(async () => {
  await containers.cleanup();
  await vms.cleanup();
});

/** A shell that ends at once on SIGTERM (as PID 1 it would otherwise ignore it and wait out the grace). */
const POLITE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];

/** Docker's answer for a container id: its state, or 404 when it is gone. */
async function dockerState(id: string): Promise<string | 404> {
  try {
    return (await containers.docker.getContainer(id).inspect()).State.Status;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return 404;
    throw error;
  }
}

test('stop, then remove, a container from its context menu with the keyboard alone', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-menu');
  const { id } = await containers.run(name, POLITE);
  const tenant = map.container(name);
  await expect(tenant).toHaveAttribute('data-state', 'running', { timeout: 5000 });

  await tenant.focus();
  await page.keyboard.press('Shift+F10');
  const menu = map.menu();
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAccessibleName(`Actions for Container ${name}`);
  await expect(menu.getByRole('menuitem', { name: 'Open details' })).toBeFocused();
  // What does not apply to a running container is shown but disabled, and the arrows skip it.
  await expect(menu.getByRole('menuitem', { name: 'Start', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Unpause', exact: true })).toHaveAttribute('aria-disabled', 'true');
  // Escape closes the menu and gives focus back to the tenant.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(tenant).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Stop', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(tenant).toBeFocused();
  await expect(tenant).toHaveAttribute('data-state', 'exited', { timeout: 15_000 });
  await expect(map.notices()).toContainText(`Container ${name}: ${name} stopped.`);
  expect(await dockerState(id)).toBe('exited');

  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Stop', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Remove…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = map.modal(`Remove container “${name}”?`);
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('removing it stops it first');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(tenant).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => dockerState(id)).toBe(404);
});

test('a running container is removed with "Stop and remove", said plainly, from the keyboard', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-force');
  const { id } = await containers.run(name, POLITE);
  const tenant = map.container(name);
  await expect(tenant).toHaveAttribute('data-state', 'running', { timeout: 5000 });

  await tenant.focus();
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await expect(map.menu().getByRole('menuitem', { name: 'Remove…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = map.modal(`Remove container “${name}”?`);
  await expect(dialog).toContainText('It is running: removing it stops it first.');
  // Tab wraps inside the dialog: Cancel → Stop and remove → Cancel.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Stop and remove' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Stop and remove' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(tenant).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => dockerState(id)).toBe(404);
});

test('while a slow stop runs, the map marks the apartment and the panel counts the seconds; both go when it is done', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-slow');
  // `sleep` as PID 1 ignores SIGTERM: Docker waits out its 10 s grace before it kills it.
  const { id } = await containers.run(name, ['sleep', '600']);
  const tenant = map.container(name);
  await expect(tenant).toHaveAttribute('data-state', 'running', { timeout: 5000 });
  const panel = await map.openPanel(tenant, 'Container', name);

  await panel.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(tenant).toHaveAttribute('data-busy', 'container:stop');
  await expect(tenant.getByTestId('working-mark')).toBeVisible();
  await expect(tenant).toHaveAccessibleName(new RegExp(`^Container ${name}, running, busy: Stopping ${name},`));
  const activity = panel.getByTestId('activity');
  await expect(activity).toContainText(`Stopping ${name}`);
  // The elapsed time ticks each second, counted from when the core started the stop.
  const seconds = async () => Number(/^(\d+) s$/.exec((await activity.getByTestId('elapsed').innerText()).trim())?.[1]);
  const first = await seconds();
  expect(first).toBeLessThan(8);
  await expect.poll(seconds, { timeout: 5000 }).toBeGreaterThanOrEqual(first + 2);

  await expect(tenant).toHaveAttribute('data-state', 'exited', { timeout: 20_000 });
  await expect(activity).toHaveCount(0);
  await expect(tenant).not.toHaveAttribute('data-busy');
  await expect(tenant.getByTestId('working-mark')).toHaveCount(0);
  await expect(map.outcome(panel)).toContainText(`${name} stopped.`);
  expect(await dockerState(id)).toBe('exited');
});

test('a VM paused, resumed, forced off (after a confirmation) and started from its panel; only what applies is enabled', async ({ page }) => {
  await mustHaveLibvirt();
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-life');
  const uuid = await vms.define({ name, vcpus: 1, mib: 96 });
  const house = map.vm(name);
  await expect(house).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
  const panel = await map.openPanel(house, 'VM', name);
  const button = (label: string) => panel.getByRole('button', { name: label, exact: true });

  await expect(button('Start')).toBeDisabled();
  await expect(button('Resume')).toBeDisabled();
  await button('Pause').click();
  await expect(house).toHaveAttribute('data-state', 'paused', { timeout: 10_000 });
  expect(await virsh('domstate', uuid)).toBe('paused');
  await expect(button('Pause')).toBeDisabled();
  await expect(button('Shut down')).toBeDisabled();

  await button('Resume').click();
  await expect(house).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
  expect(await virsh('domstate', uuid)).toBe('running');

  await button('Force off…').click();
  const dialog = map.modal(`Force off VM “${name}”?`);
  await expect(dialog).toContainText('the guest loses whatever it has not yet written to its disks');
  // Escape cancels: nothing happens and focus goes back to the button that asked.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(button('Force off…')).toBeFocused();
  expect(await virsh('domstate', uuid)).toBe('running');

  await button('Force off…').click();
  await dialog.getByRole('button', { name: 'Force off' }).click();
  await expect(house).toHaveAttribute('data-state', 'shutoff', { timeout: 10_000 });
  expect(await virsh('domstate', uuid)).toBe('shut off');
  await expect(map.outcome(panel)).toContainText('forced off');

  await expect(button('Force off…')).toBeDisabled();
  await button('Start').click();
  await expect(house).toHaveAttribute('data-state', 'running', { timeout: 10_000 });
  expect(await virsh('domstate', uuid)).toBe('running');
});

test('the VM’s context menu opens the take form; Escape closes it and focus returns to the house', async ({ page }) => {
  await mustHaveLibvirt();
  const map = new MapPage(page);
  await map.open();
  const name = uniqueName('nbh-e2e-vmenu');
  await vms.define({ name, vcpus: 1, mib: 64 }, { start: false });
  const house = map.vm(name);
  await expect(house).toHaveAttribute('data-state', 'shutoff', { timeout: 10_000 });

  // A right click opens the same menu.
  await house.click({ button: 'right' });
  const menu = map.menu();
  await expect(menu).toHaveAccessibleName(`Actions for VM ${name}`);
  await expect(menu.getByRole('menuitem', { name: 'Force off…' })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('t');
  await expect(menu.getByRole('menuitem', { name: 'Take snapshot…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = map.modal(`Take a snapshot of VM “${name}”`);
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(house).toBeFocused();
  // No panel opened on the way, and nothing was taken.
  await expect(map.panel('VM', name)).toHaveCount(0);
  await expect(house).toHaveAccessibleName(/, 0 snapshots$/);
});
