/**
 * Streets, floors and roofs in Chromium against browser mode and the lab: a Compose project's containers
 * share a labelled floor of this machine's Docker building; the lab's "far" dockerd (another machine,
 * reached over plain tcp://) is a street of its own whose roof names the engine and says its connection
 * is unencrypted; stopped (scripts/lab.sh stop-far), its street greys with the reason and a countdown to
 * the next try while this machine's street keeps following Docker; started again, it recovers. The lab's
 * Podman pod is a suite of its building, whose roof says whether Podman runs rootful or rootless. Docker,
 * main's engine list and the lab's own commands are the judges.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { EngineEntry } from '../src-main/contract';
import { TestContainers, uniqueName } from '../tests/support/engines';
import { lab } from '../tests/support/lab';
import { labRemote, type LabRemote } from '../tests/support/lab-remote';
import { BridgeSocket } from './support/bridge-socket';
import { escapeRegExp, MapPage } from './support/map-page';

const PROJECT = 'nbh-e2e-proj';
const MiB = 1024 * 1024;
const containers = new TestContainers();
let socket: BridgeSocket;
let remote: LabRemote | null = null;

test.beforeAll(async () => {
  socket = await BridgeSocket.open();
  remote = await labRemote();
  // What a failed run may have left: containers of the project, the far engine on the map.
  for (const c of await containers.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${PROJECT}`] } })) {
    await containers.docker.getContainer(c.Id).remove({ force: true });
  }
  await forgetFar();
});

test.afterAll(async () => {
  await containers.cleanup();
  await forgetFar();
  socket?.close();
});

/** Takes the engines this spec adds off the map (whatever a test managed to do). */
async function forgetFar(): Promise<void> {
  if (!remote) return;
  const ours = new Set([remote.far.url, remote.podman.url]);
  for (const entry of await socket.call('engines:list', null)) {
    if (!entry.discovered && entry.config.kind !== 'libvirt' && ours.has(entry.config.url)) await socket.call('engines:remove', { id: entry.id });
  }
}

/** The street of the engine found here for the local Docker socket (its status line's title is its endpoint). */
async function localStreet(page: Page): Promise<Locator> {
  const found = (await socket.call('engines:list', null)).find((e: EngineEntry) => e.discovered && e.config.kind === 'docker' && e.config.url.startsWith('unix://'));
  if (!found) throw new Error('no Docker engine was found on this machine');
  const endpoint = found.id.slice('docker:'.length);
  return page.locator('section.street').filter({ has: page.locator(`[role="status"][data-engine-kind="docker"][title="${endpoint}"]`) });
}

const container = (scope: Locator, name: string): Locator => scope.getByRole('button', { name: new RegExp(`^Container ${escapeRegExp(name)}(,|$)`) });

/** `inner` lies within `outer` (a pixel of slack: the focus ring reaches one past its unit). */
async function expectWithin(inner: Locator, outer: Locator): Promise<void> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x).toBeGreaterThanOrEqual(b.x - 1.5);
  expect(a.y).toBeGreaterThanOrEqual(b.y - 1.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 1.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 1.5);
}

test('a Compose project’s containers share one floor of the building, labelled with the project', async ({ page }) => {
  const map = new MapPage(page);
  await map.open();
  const street = await localStreet(page);
  const names = ['web', 'worker', 'db'].map((role) => uniqueName(`${PROJECT}-${role}`));
  // Limits size the units from the start (without one a unit grows when its first figures come).
  for (const name of names) await containers.run(name, ['sleep', '3600'], { memoryBytes: 32 * MiB, labels: { 'com.docker.compose.project': PROJECT } });
  const loose = uniqueName('nbh-e2e-loose');
  await containers.run(loose, ['sleep', '3600'], { memoryBytes: 32 * MiB });

  const floor = street.getByRole('group', { name: `Compose project ${PROJECT}, 3 apartments`, exact: true });
  await expect(floor).toBeVisible({ timeout: 10_000 });
  for (const name of names) await expect(container(floor, name)).toBeVisible();
  // The rest share the floor below: not in the project's group.
  await expect(container(street, loose)).toBeVisible();
  await expect(container(floor, loose)).toHaveCount(0);
  const label = street.locator('svg.shells text.floor-label', { hasText: PROJECT });
  await expect(label).toHaveText(PROJECT);

  // Where they are drawn (measured again until the building has settled: another container of the
  // machine may start or stop meanwhile): the project's units on its floor, the name on the floor's
  // strip above them, the other container nowhere on it.
  await expect(async () => {
    for (const name of names) await expectWithin(container(floor, name), floor);
    await expectWithin(label, floor);
    const top = (await label.boundingBox())!;
    for (const name of names) expect((await container(floor, name).boundingBox())!.y).toBeGreaterThanOrEqual(top.y + top.height - 2);
    const [outside, band] = [(await container(street, loose).boundingBox())!, (await floor.boundingBox())!];
    expect(outside.y >= band.y + band.height || outside.y + outside.height <= band.y).toBe(true);
  }).toPass({ timeout: 10_000 });

  // The panel says which project.
  const panel = await map.openPanel(container(floor, names[0]!), 'Container', names[0]!);
  await expect(map.row(panel, 'Compose project')).toHaveText(PROJECT);
  await page.keyboard.press('Escape');

  await containers.cleanup();
  await expect(floor).toHaveCount(0, { timeout: 10_000 });
  await expect(street.locator('svg.shells text.floor-label', { hasText: PROJECT })).toHaveCount(0);
});

test.describe('the far machine: a street of its own', () => {
  const name = `far ${Math.random().toString(36).slice(2, 6)}`;

  test.beforeAll(async () => {
    test.skip(remote === null, 'the many-hosts lab is not up (scripts/lab.sh remote-up)');
    await socket.call('engines:add', { kind: 'docker', name, url: remote!.far.url });
  });

  const farStreet = (page: Page): Locator => page.getByRole('region', { name: `Host ${remote!.far.hostname}`, exact: true });

  test('its roof names the engine, and says that plain tcp:// is unencrypted', async ({ page }) => {
    const map = new MapPage(page);
    await map.open();
    const street = farStreet(page);
    await expect(container(street, remote!.far.container)).toBeVisible({ timeout: 15_000 });
    await expect(street.getByRole('group', { name: new RegExp(`^Docker \\S+ “${escapeRegExp(name)}” apartment building, \\d+ apartments?$`) })).toBeVisible();
    const roof = street.locator('svg.shells text.roof-label');
    await expect(roof).toHaveCount(1);
    await expect(roof).toContainText(name);
    await expect(street.locator('svg.shells .tag')).toContainText('unencrypted');
    await expect(street.getByRole('note')).toContainText(`${name}: This connection is unencrypted`);
    // This machine's buildings are named by their kind and version only.
    await expect((await localStreet(page)).locator('svg.shells text.roof-label').first()).toHaveText(/^Docker \S+$/);
  });

  test('stopped, its street greys with the reason and a countdown while this machine’s keeps its pace; started, it recovers', async ({ page }) => {
    const map = new MapPage(page);
    await map.open();
    const street = farStreet(page);
    const local = await localStreet(page);
    await expect(container(street, remote!.far.container)).toBeVisible({ timeout: 15_000 });
    await expect(street).toHaveAttribute('data-reachable', 'yes');
    try {
      await lab('stop-far');
      const stopped = Date.now();
      await expect(street).toHaveAttribute('data-reachable', 'no', { timeout: 10_000 });
      console.info(`far street greyed ${Date.now() - stopped} ms after stop-far returned`);
      // Greyed: its drawing desaturated, hatched over.
      await expect(street.locator('svg.shells')).toHaveCSS('filter', /grayscale\(1\)/);
      // Still on the map, where it was, saying why and when it is tried again.
      await expect(street.getByRole('heading', { name: remote!.far.hostname })).toBeVisible();
      await expect(street.getByRole('group', { name: /^Docker is unreachable: .+/ })).toBeVisible();
      await expect(street).toContainText(/retrying in \d+ s/);
      await expect(local).toHaveAttribute('data-reachable', 'yes');

      // This machine's street keeps following its Docker meanwhile.
      const during = uniqueName('nbh-e2e-during');
      await containers.run(during, ['sleep', '3600']);
      const started = Date.now();
      await expect(container(local, during)).toBeVisible({ timeout: 5_000 });
      console.info(`a local container appeared ${Date.now() - started} ms after docker start, with the far street down`);
      await expect(street).toHaveAttribute('data-reachable', 'no');
      // The countdown is live: it counts again after each failed try.
      await expect(street).toContainText(/retrying in \d+ s/);
    } finally {
      await lab('start-far');
    }
    const back = Date.now();
    await expect(street).toHaveAttribute('data-reachable', 'yes', { timeout: 15_000 });
    await expect(container(street, remote!.far.container)).toBeVisible({ timeout: 10_000 });
    console.info(`far street back ${Date.now() - back} ms after start-far returned`);
    await expect(street).not.toContainText(/retrying/);
    await expect(street.locator('svg.shells')).toHaveCSS('filter', 'none');
  });
});

test('a Podman pod is a suite: its containers together, one door; the roof says rootful or rootless', async ({ page }) => {
  test.skip(remote === null, 'the many-hosts lab is not up (scripts/lab.sh remote-up)');
  const rig = remote!;
  const name = `pods ${Math.random().toString(36).slice(2, 6)}`;
  const added = await socket.call('engines:add', { kind: 'podman', name, url: rig.podman.url });
  try {
    const map = new MapPage(page);
    await map.open();
    const building = page.getByRole('group', { name: new RegExp(`^Podman \\S+ · root(ful|less) “${escapeRegExp(name)}” apartment building, \\d+ apartments?$`) });
    await expect(building).toBeVisible({ timeout: 15_000 });
    const suite = building.getByRole('group', { name: `Pod ${rig.podman.pod}: 2 containers sharing one door (the pod’s network namespace)`, exact: true });
    await expect(suite).toBeVisible();
    for (const c of rig.podman.podContainers) await expect(container(suite, c)).toBeVisible();
    await expect(container(building, rig.podman.container)).toBeVisible();
    await expect(container(suite, rig.podman.container)).toHaveCount(0);
    // The suite's name is drawn on its strip, by its door.
    const street = page.locator('section.street').filter({ has: building });
    await expect(street.locator('svg.shells text.suite-label', { hasText: rig.podman.pod })).toHaveCount(1);
    await expect(street.locator('svg.shells rect.door')).toHaveCount(1);

    const panel = await map.openPanel(container(suite, rig.podman.podContainers[0]!), 'Container', rig.podman.podContainers[0]!);
    await expect(map.row(panel, 'Pod')).toContainText(rig.podman.pod);
    await expect(map.row(panel, 'Engine')).toHaveText(new RegExp(`^${escapeRegExp(name)} — Podman \\S+ · root(ful|less) \\(`));
    await page.keyboard.press('Escape');
  } finally {
    await socket.call('engines:remove', { id: added.id });
  }
});
