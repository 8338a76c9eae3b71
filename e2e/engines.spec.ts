/**
 * The Engines dialog in Chromium against browser mode and the lab's real engines: the second dockerd
 * tested, added (a second Docker building on this machine's street), renamed (the new name on the map)
 * and removed (gone from map and list, its container untouched); a TLS configuration with the wrong CA
 * tested (the reason, nothing added); main's refusal shown as it says it; a whole add with the keyboard
 * alone; and the list kept across a restart of a server of the spec's own. Main's list (engines:list
 * over a second socket) and Docker are the judges.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Docker from 'dockerode';
import type { EngineEntry } from '../src-main/contract';
import { uniqueName } from '../tests/support/engines';
import { labRemote, type LabRemote } from '../tests/support/lab-remote';
import { BridgeSocket } from './support/bridge-socket';
import { BrowserMode } from './support/browser-mode';
import { EnginesDialog } from './support/engines-dialog';
import { escapeRegExp, MapPage } from './support/map-page';

let lab: LabRemote | null = null;
let socket: BridgeSocket;

test.beforeAll(async () => {
  lab = await labRemote();
  socket = await BridgeSocket.open();
});

/** Whatever a test added to the shared server goes again, whether the page managed to remove it or not. */
test.afterEach(async () => {
  const ours = new Set([lab?.docker2.url, lab?.tls.url]);
  for (const entry of await socket.call('engines:list', null)) {
    if (!entry.discovered && entry.config.kind !== 'libvirt' && ours.has(entry.config.url)) await socket.call('engines:remove', { id: entry.id });
  }
});

test.afterAll(() => socket?.close());

function needLab(): LabRemote {
  test.skip(lab === null, 'the many-hosts lab is not up (scripts/lab.sh remote-up)');
  return lab!;
}

/** The engine found here for the local Docker socket, from main's own list. */
async function localDocker(): Promise<EngineEntry> {
  const found = (await socket.call('engines:list', null)).find((e) => e.discovered && e.config.kind === 'docker' && e.config.url.startsWith('unix://'));
  if (!found) throw new Error('no Docker engine was found on this machine');
  return found;
}

const whereOf = (entry: EngineEntry): string => (entry.config.kind === 'libvirt' ? entry.config.uri : entry.config.url);

/** This machine's street: the one whose status line is the local Docker's (its endpoint is the status's title). */
function streetOf(page: Page, engine: EngineEntry): Locator {
  const endpoint = engine.id.slice(`${engine.config.kind}:`.length);
  return page.locator('section.street').filter({ has: page.locator(`[role="status"][data-engine-kind="docker"][title="${endpoint}"]`) });
}

const dockerBuildings = (street: Locator): Locator => street.getByRole('group', { name: /^Docker\b.* apartment building, \d+ apartments?$/ });
const containerIn = (scope: Locator, name: string): Locator => scope.getByRole('button', { name: new RegExp(`^Container ${escapeRegExp(name)}(,|$)`) });

test('test, add, rename and remove the lab’s second dockerd; the map follows each step', async ({ page }) => {
  const remote = needLab();
  const map = new MapPage(page);
  await map.open();
  const local = await localDocker();
  const street = streetOf(page, local);
  await expect(street).toHaveCount(1);
  const buildingsBefore = await dockerBuildings(street).count();
  const dialog = new EnginesDialog(page);
  await dialog.open();

  // What was found here is listed as such, with its live status.
  const found = dialog.entry(local.config.name);
  await expect(found).toContainText('found here');
  await expect(found).toContainText(whereOf(local));
  await expect(dialog.status(found)).toHaveAttribute('data-state', 'connected');

  await dialog.addButton().click();
  await expect(dialog.kind('Docker')).toBeChecked();
  await expect(dialog.kind('Docker')).toBeFocused();
  await dialog.field('URL').fill(remote.docker2.url);
  // The name follows the address until one is typed; no TLS or SSH fields for a unix socket.
  await expect(dialog.field('Name')).toHaveValue('Docker (docker2.sock)');
  await expect(dialog.form().getByRole('group', { name: 'TLS client files' })).toHaveCount(0);
  await expect(dialog.form().getByRole('group', { name: 'SSH' })).toHaveCount(0);
  const name = uniqueName('nbh-e2e-docker2');
  await dialog.field('Name').fill(name);

  await dialog.form().getByRole('button', { name: 'Test' }).click();
  await expect(dialog.testResult()).toHaveText(/^Answered: Docker \d+\.\d+\S* on \S.* \(\d+ CPUs?, [\d.]+ GiB\)$/, { timeout: 15_000 });
  console.info(`test answered: ${await dialog.testResult().innerText()}`);
  // Testing changes nothing.
  expect((await socket.call('engines:list', null)).some((e) => e.config.name === name)).toBe(false);

  await dialog.form().getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.form()).toHaveCount(0);
  await expect(dialog.dialog).toContainText(`Added “${name}”`);
  const added = dialog.entry(name);
  await expect(added).toContainText('added');
  await expect(added).toContainText(remote.docker2.url);
  await expect(dialog.status(added)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await expect(dialog.addButton()).toBeFocused();

  // On the map at once: a second Docker building on this machine's street, with docker2's container in it.
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(dialog.opener()).toBeFocused();
  await expect(dockerBuildings(street)).toHaveCount(buildingsBefore + 1, { timeout: 10_000 });
  await expect(containerIn(street, remote.docker2.container)).toBeVisible();
  await expect(street.getByRole('status').filter({ hasText: name })).toBeVisible();

  // Rename in place: Enter saves, and the map says the new name — as text, markup and all.
  await dialog.open();
  await dialog.entry(name).getByRole('button', { name: `Rename ${name}` }).click();
  const renamed = `<i>${uniqueName('nbh-e2e-renamed')}</i>`;
  const draft = dialog.dialog.getByRole('textbox', { name: `New name for ${name}` });
  await expect(draft).toBeFocused();
  await expect(draft).toHaveValue(name);
  await draft.fill(renamed);
  await draft.press('Enter');
  await expect(dialog.entry(renamed)).toBeVisible();
  await expect(dialog.entry(renamed).getByRole('button', { name: `Rename ${renamed}` })).toBeFocused();
  await expect(dialog.entry(name)).toHaveCount(0);
  await expect(street.getByRole('status').filter({ hasText: renamed })).toBeVisible({ timeout: 10_000 });
  await expect(street.getByRole('status').filter({ hasText: name })).toHaveCount(0);
  await expect(dialog.dialog.locator('i')).toHaveCount(0);
  await expect(street.locator('i')).toHaveCount(0);

  // Remove asks first, naming the engine and saying what happens (and what does not).
  await dialog.entry(renamed).getByRole('button', { name: `Remove ${renamed}…` }).click();
  const ask = dialog.entry(renamed).getByRole('group', { name: `Remove “${renamed}” from the map?` });
  await expect(ask).toContainText('leave the map');
  await expect(ask).toContainText('Nothing on the engine changes');
  await expect(ask.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await ask.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.entry(renamed)).toHaveCount(0);
  await expect(dialog.dialog).toContainText(`Removed “${renamed}” from the map.`);
  await expect(dockerBuildings(street)).toHaveCount(buildingsBefore, { timeout: 10_000 });
  await expect(containerIn(page.locator('body'), remote.docker2.container)).toHaveCount(0);
  expect((await socket.call('engines:list', null)).some((e) => e.config.kind !== 'libvirt' && e.config.url === remote.docker2.url)).toBe(false);
  // The engine itself is untouched.
  const docker2 = new Docker({ socketPath: remote.docker2.url.slice('unix://'.length) });
  expect((await docker2.getContainer(remote.docker2.container).inspect()).State.Running).toBe(true);
});

test('a TLS configuration with the wrong CA: the reason shows, and nothing is added', async ({ page }) => {
  const remote = needLab();
  const map = new MapPage(page);
  await map.open();
  const before = await socket.call('engines:list', null);
  const dialog = new EnginesDialog(page);
  await dialog.open();
  await dialog.addButton().click();

  await dialog.field('URL').fill(remote.tls.url);
  // tcp:// brings the TLS files; without them the connection is said to be unencrypted.
  const tlsGroup = dialog.form().getByRole('group', { name: 'TLS client files' });
  await expect(tlsGroup).toBeVisible();
  await expect(tlsGroup).toContainText('always verified');
  await expect(dialog.form().getByTestId('unencrypted')).toContainText('unencrypted');
  await dialog.field('CA certificate').fill(remote.tls.otherCa);
  await dialog.field('Client certificate').fill(remote.tls.cert);
  await dialog.field('Client key').fill(remote.tls.key);
  await expect(dialog.form().getByTestId('unencrypted')).toHaveCount(0);
  // No field asks for a password.
  await expect(dialog.dialog.locator('input[type="password"]')).toHaveCount(0);

  const testButton = dialog.form().getByRole('button', { name: /^Test/ });
  await testButton.click();
  await expect(dialog.testResult()).toHaveText(/^No answer: .*certificate/i, { timeout: 15_000 });
  console.info(`test said: ${await dialog.testResult().innerText()}`);
  await expect(testButton).toHaveText('Test');

  // Changing the form puts the answer aside: it was about another configuration.
  await dialog.field('CA certificate').fill(remote.tls.ca);
  await expect(dialog.testResult()).toHaveText('');

  await dialog.form().getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.form()).toHaveCount(0);
  await expect(dialog.addButton()).toBeFocused();
  expect(await socket.call('engines:list', null)).toEqual(before);
});

test('a test that gets no answer stays busy until main’s deadline, then says why', async ({ page }) => {
  // A port on loopback that accepts and never answers: main's 10 s deadline ends the test.
  const held = new Set<Socket>();
  const silent = createServer((conn) => {
    held.add(conn);
    conn.on('error', () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const map = new MapPage(page);
    await map.open();
    const dialog = new EnginesDialog(page);
    await dialog.open();
    await dialog.addButton().click();
    await dialog.fillUrl(`tcp://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    const testButton = dialog.form().getByRole('button', { name: /^Test/ });
    await testButton.click();
    await expect(testButton).toHaveText('Testing…');
    await expect(testButton).toHaveAttribute('aria-busy', 'true');
    await expect(dialog.form()).toContainText('waits at most 10 s');
    // Pressing it again while busy asks nothing more; focus stays on it.
    await testButton.press('Enter');
    await expect(testButton).toBeFocused();
    await expect(dialog.testResult()).toHaveText(/^No answer: \S/, { timeout: 15_000 });
    console.info(`no answer: ${await dialog.testResult().innerText()}`);
    await expect(testButton).toHaveText('Test');
    await expect(testButton).toHaveAttribute('aria-busy', 'false');
  } finally {
    held.forEach((conn) => conn.destroy());
    await new Promise((resolve) => silent.close(resolve));
  }
});

test('the form checks as main does, and main’s own refusal is shown as it says it', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const local = await localDocker();
  const dialog = new EnginesDialog(page);
  await dialog.open();
  await dialog.addButton().click();

  // A problem shows once the field is left, in main's words, and keeps the form from being sent.
  await dialog.field('URL').fill('box:2375');
  await dialog.field('URL').blur();
  await expect(dialog.form()).toContainText('URL must be unix:///path/to.sock, tcp://host:port or ssh://user@host');
  await expect(dialog.field('URL')).toHaveAttribute('aria-invalid', 'true');
  await dialog.field('URL').fill('ssh://me:secret@box');
  await expect(dialog.form()).toContainText('never uses passwords');
  // SSH options are optional files; the hint says no password is asked for.
  const sshGroup = dialog.form().getByRole('group', { name: 'SSH' });
  await expect(sshGroup).toContainText('No password is asked for');
  await expect(sshGroup.getByRole('textbox')).toHaveCount(2);
  await expect(sshGroup.getByRole('textbox', { name: 'Identity file (optional)', exact: true })).toBeVisible();
  await expect(sshGroup.getByRole('textbox', { name: 'known_hosts file (optional)', exact: true })).toBeVisible();

  // libvirt asks for a URI instead, with examples.
  await dialog.kind('libvirt').check();
  await expect(dialog.field('URL')).toHaveCount(0);
  await expect(dialog.form()).toContainText('qemu+ssh://user@host/system');
  await dialog.field('URI').fill('qemu:///system');
  await expect(dialog.field('Name')).toHaveValue('libvirt (system)');

  // Main refuses what it already watches; its message is shown verbatim.
  await dialog.kind('Docker').check();
  await dialog.field('URL').fill(whereOf(local));
  await dialog.form().getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.form().getByRole('alert')).toHaveText(`Not added: ${whereOf(local)} is already on the map.`);
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(dialog.opener()).toBeFocused();
});

test('with the keyboard alone: open the dialog, reach Add, fill the form and add', async ({ page }) => {
  const remote = needLab();
  const map = new MapPage(page);
  await map.open();
  const dialog = new EnginesDialog(page);

  await dialog.opener().focus();
  await page.keyboard.press('Enter');
  await expect(dialog.dialog).toBeVisible();
  await expect(dialog.addButton()).toBeFocused();
  // Tab wraps inside the dialog: from the last control (Close) back to the first and round again.
  await page.keyboard.press('Tab');
  await expect(dialog.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.list().getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.addButton()).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(dialog.kind('Docker')).toBeFocused();
  // The arrows choose the kind; back to Docker.
  await page.keyboard.press('ArrowRight');
  await expect(dialog.kind('Podman')).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.kind('Docker')).toBeChecked();

  // Enter with nothing typed: the problem shows and nothing is sent.
  await page.keyboard.press('Tab');
  await expect(dialog.field('URL')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.form()).toContainText('URL must be unix:///path/to.sock');

  await page.keyboard.type(remote.docker2.url);
  await page.keyboard.press('Tab');
  await expect(dialog.field('Name')).toBeFocused();
  const name = uniqueName('nbh-e2e-keys');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');

  await expect(dialog.form()).toHaveCount(0);
  await expect(dialog.entry(name)).toBeVisible();
  await expect(dialog.addButton()).toBeFocused();
  expect((await socket.call('engines:list', null)).find((e) => e.config.name === name)?.config).toEqual({ kind: 'docker', name, url: remote.docker2.url });
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(dialog.opener()).toBeFocused();
  await expect(containerIn(page.locator('body'), remote.docker2.container)).toBeVisible({ timeout: 10_000 });
});

test('the list is kept across a restart of browser mode', async ({ page }) => {
  const remote = needLab();
  const home = mkdtempSync(join(tmpdir(), 'neighborhood-e2e-engines-'));
  const settings = join(home, 'settings.json');
  const env = { XDG_CONFIG_HOME: home };
  let serve: BrowserMode | null = null;
  try {
    serve = await BrowserMode.start(settings, env);
    await page.goto(serve.url);
    const dialog = new EnginesDialog(page);
    await dialog.open();
    await dialog.addButton().click();
    const name = uniqueName('nbh-e2e-kept');
    await dialog.fillUrl(remote.docker2.url, name);
    await dialog.form().getByRole('button', { name: 'Add', exact: true }).click();
    await expect(dialog.entry(name)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(containerIn(page.locator('body'), remote.docker2.container)).toBeVisible({ timeout: 15_000 });

    expect(await serve.stop()).toBe(0);
    serve = await BrowserMode.start(settings, env);
    await page.goto(serve.url);
    await expect(containerIn(page.locator('body'), remote.docker2.container)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('status').filter({ hasText: name })).toBeVisible();
    await dialog.open();
    await expect(dialog.entry(name)).toContainText('added');
    await expect(dialog.entry(name)).toContainText(remote.docker2.url);
  } finally {
    await serve?.stop();
    rmSync(home, { recursive: true, force: true });
  }
});
