/**
 * Snapshots from a VM's panel, in Chromium against browser mode, the real libvirtd and tiny real QEMU
 * guests: take, revert, delete with children, edit the description, refused names. virsh is the judge
 * of what libvirt holds afterwards, and times the same operations for comparison.
 */
import { expect, test, type Locator } from '@playwright/test';
import type { Action } from '../src-main/contract';
import { uniqueName } from '../tests/support/engines';
import { LIBVIRT_URI, TestVms, mustHaveLibvirt } from '../tests/support/vms';
import { ActionSocket } from './support/action-socket';
import { MapPage } from './support/map-page';
import { currentSnapshot, snapshotNames, timedVirsh, unescapeXml, virsh } from './support/virsh';

const LIBVIRT = `libvirt:${LIBVIRT_URI}`;
const HOSTILE = "</description><disks><disk name='vda' snapshot='external'/></disks>";
const vms = new TestVms();

test.beforeAll(async () => {
  await mustHaveLibvirt();
});

test.afterAll(async () => {
  await vms.cleanup();
});

/** Defines a tiny VM, waits for its house, and opens its panel. */
async function vmPanel(map: MapPage, options: { start: boolean }): Promise<{ name: string; uuid: string; panel: Locator }> {
  const name = uniqueName('nbh-e2e-snap');
  const uuid = await vms.define({ name, vcpus: 1, mib: 128 }, { start: options.start });
  await expect(map.vm(name)).toHaveAttribute('data-state', options.start ? 'running' : 'shutoff', { timeout: 10_000 });
  const panel = await map.openPanel(map.vm(name), 'VM', name);
  return { name, uuid, panel };
}

test('take with memory from the panel: the snapshot shows in the tree and in virsh; timed beside virsh snapshot-create-as', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const { name, uuid, panel } = await vmPanel(map, { start: true });

  await panel.getByRole('button', { name: 'Take snapshot…' }).click();
  const dialog = map.modal(`Take a snapshot of VM “${name}”`);
  await expect(dialog).toBeVisible();
  const field = dialog.getByLabel('Name');
  await expect(field).toBeFocused();
  // The default name: the date and time to the second.
  await expect(field).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  const memory = dialog.getByRole('checkbox', { name: 'Include memory' });
  await expect(memory).toBeChecked();
  // This VM has no internal snapshot yet, so disks-only would be allowed: the box can be changed.
  await expect(memory).toBeEnabled();
  await expect(dialog).toContainText('the guest pauses while its memory is saved');

  await field.fill('e2e-take');
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Take snapshot' }).click();
  const node = map.snapshot(panel, 'e2e-take');
  await expect(node).toBeVisible({ timeout: 30_000 });
  const appMs = Date.now() - started;

  await expect(dialog).toBeHidden();
  await expect(node).toContainText('memory included');
  await expect(node).toContainText('running');
  await expect(node).toHaveAttribute('aria-current', 'true');
  await expect(map.outcome(panel)).toContainText('“e2e-take”');
  // Where the VM stands hangs under the current snapshot.
  await expect(panel.getByTestId('snapshot-now')).toContainText('now · running');
  await expect(map.vm(name)).toHaveAccessibleName(/, 1 snapshot$/);
  expect(await snapshotNames(uuid)).toEqual(['e2e-take']);

  const virshMs = await timedVirsh('snapshot-create-as', uuid, 'virsh-take');
  console.info(`take: app ${appMs} ms, virsh ${virshMs} ms (same VM, memory included; app = click to the tree)`);
  // The app sees a snapshot taken outside it, too.
  await expect(map.snapshot(panel, 'virsh-take')).toBeVisible({ timeout: 20_000 });
});

test('revert asks first, naming what is lost and the state afterwards; the snapshot is current in the tree and in virsh; timed beside virsh snapshot-revert', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const { name, uuid, panel } = await vmPanel(map, { start: true });
  await virsh('snapshot-create-as', uuid, 'first', 'taken first');
  await virsh('snapshot-create-as', uuid, 'second', 'taken second');
  await expect(map.snapshot(panel, 'second')).toHaveAttribute('aria-current', 'true', { timeout: 20_000 });
  await expect(map.snapshot(panel, 'first')).not.toHaveAttribute('aria-current', 'true');

  await map.snapshot(panel, 'first').getByRole('button', { name: 'Revert…' }).click();
  const dialog = map.modal(`Revert VM “${name}” to “first”?`);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Lost: everything on the disks since that snapshot, and the running memory.');
  await expect(dialog).toContainText('Afterwards the VM will be running, as it was when the snapshot was taken.');
  // The safe choice has the focus; Escape cancels and changes nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel).toBeVisible();
  expect(await currentSnapshot(uuid)).toBe('second');

  await map.snapshot(panel, 'first').getByRole('button', { name: 'Revert…' }).click();
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(map.snapshot(panel, 'first')).toHaveAttribute('aria-current', 'true', { timeout: 30_000 });
  const appMs = Date.now() - started;

  await expect(map.snapshot(panel, 'second')).not.toHaveAttribute('aria-current', 'true');
  await expect(map.outcome(panel)).toContainText('“first”');
  expect(await currentSnapshot(uuid)).toBe('first');
  expect(await virsh('domstate', uuid)).toBe('running');
  await expect(map.vm(name)).toHaveAttribute('data-state', 'running');

  const virshMs = await timedVirsh('snapshot-revert', uuid, 'second');
  console.info(`revert: app ${appMs} ms, virsh ${virshMs} ms (same VM, running snapshot with memory; app = click to current in the tree)`);
  await expect(map.snapshot(panel, 'second')).toHaveAttribute('aria-current', 'true', { timeout: 20_000 });
});

test('delete a snapshot with everything below it: the confirmation names how many go; they are gone from the tree and from virsh', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const { uuid, panel } = await vmPanel(map, { start: false });
  // root ─ a ─ b ─ c: each new snapshot is the child of the current one.
  for (const s of ['root', 'a', 'b', 'c']) await virsh('snapshot-create-as', uuid, s);
  await expect(map.snapshot(panel, 'c')).toBeVisible({ timeout: 20_000 });

  await map.snapshot(panel, 'a').getByRole('button', { name: 'Delete…' }).click();
  const dialog = map.modal('Delete snapshot “a”?');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 snapshot will be deleted: “a”. The 2 snapshots below it stay, attached to its parent.');
  await dialog.getByRole('radio', { name: '“a” and everything below it' }).check();
  await expect(dialog).toContainText('3 snapshots will be deleted: “a” and the 2 snapshots below it.');
  await dialog.getByRole('button', { name: 'Delete 3 snapshots' }).click();

  for (const gone of ['a', 'b', 'c']) await expect(map.snapshot(panel, gone)).toHaveCount(0, { timeout: 20_000 });
  await expect(map.snapshot(panel, 'root')).toBeVisible();
  expect(await snapshotNames(uuid)).toEqual(['root']);
  await expect(map.outcome(panel)).toBeVisible();
});

test('a description with markup is stored and shown verbatim; libvirt keeps it escaped and the disks internal', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const { uuid, panel } = await vmPanel(map, { start: false });
  await virsh('snapshot-create-as', uuid, 'described', 'plain words');
  const node = map.snapshot(panel, 'described');
  await expect(node).toContainText('plain words', { timeout: 20_000 });

  await node.getByRole('button', { name: 'Edit description' }).click();
  const dialog = map.modal('Description of snapshot “described”');
  const field = dialog.getByLabel('Description');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('plain words');
  await field.fill(HOSTILE);
  await dialog.getByRole('button', { name: 'Save description' }).click();

  await expect(node).toContainText(HOSTILE, { timeout: 20_000 });
  await expect(panel.locator('disks, disk, description')).toHaveCount(0);

  const xml = await virsh('snapshot-dumpxml', uuid, 'described');
  const description = /<description>([\s\S]*?)<\/description>/.exec(xml);
  expect(description?.[1]).toBeDefined();
  expect(description![1]).not.toContain('<');
  expect(unescapeXml(description![1]!)).toBe(HOSTILE);
  const outside = xml.replace(description![0], '');
  expect(outside).toMatch(/<disk name=['"]vda['"] snapshot=['"]internal['"]/);
  expect(outside).not.toContain('external');
});

test('a refused name shows its reason and never reaches libvirt; main refuses the same when it is sent anyway', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const { name, uuid, panel } = await vmPanel(map, { start: false });
  await virsh('snapshot-create-as', uuid, 'taken');
  await expect(map.snapshot(panel, 'taken')).toBeVisible({ timeout: 20_000 });

  await panel.getByRole('button', { name: 'Take snapshot…' }).click();
  const dialog = map.modal(`Take a snapshot of VM “${name}”`);
  const field = dialog.getByLabel('Name');
  const take = dialog.getByRole('button', { name: 'Take snapshot' });
  // Shut off: no memory to save, said beside the disabled box.
  await expect(dialog.getByRole('checkbox', { name: 'Include memory' })).toBeDisabled();
  await expect(dialog.getByRole('checkbox', { name: 'Include memory' })).not.toBeChecked();
  await expect(dialog).toContainText('shut off');

  for (const [bad, reason] of [
    ['a/b', 'A name cannot contain “/”'],
    ['.hidden', 'A name cannot start with “.”.'],
    ['taken', 'This VM already has a snapshot named “taken”.'],
    ['', 'A snapshot needs a name.'],
  ] as const) {
    await field.fill(bad);
    await expect(dialog).toContainText(reason);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(take).toBeDisabled();
  }
  // Enter in the field does not send it either.
  await field.fill('a/b');
  await field.press('Enter');
  await expect(dialog).toBeVisible();
  await field.fill('fine-name');
  await expect(take).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await snapshotNames(uuid)).toEqual(['taken']);

  // Sent anyway, over the same socket the page uses: main refuses before libvirt is asked.
  const socket = await ActionSocket.open();
  try {
    const take = (snapshot: string): Action => ({ kind: 'snapshot-create', engineId: LIBVIRT, uuid, name: snapshot, description: '', memory: false });
    expect(await socket.act(take('a/b'))).toEqual({ ok: false, error: { code: 'refused', message: expect.stringContaining('cannot contain “/”') } });
    expect(await socket.act(take('taken'))).toEqual({ ok: false, error: { code: 'refused', message: expect.stringContaining('already has a snapshot named “taken”') } });
  } finally {
    socket.close();
  }
  expect(await snapshotNames(uuid)).toEqual(['taken']);
});
