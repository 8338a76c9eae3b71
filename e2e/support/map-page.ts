/** A page object for the map, so specs speak of tenants and panels rather than selectors. */
import { expect, type Locator, type Page } from '@playwright/test';
import { server } from './server';

export class MapPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(server().url);
    await expect(this.page.getByRole('status').filter({ hasText: 'connected' }).first()).toBeVisible({ timeout: 15_000 });
  }

  container(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Container ${escapeRegExp(name)}(,|$)`) });
  }

  vm(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^VM ${escapeRegExp(name)}(,|$)`) });
  }

  panel(kind: 'Container' | 'VM', name: string): Locator {
    return this.page.getByRole('dialog', { name: `${kind} ${name}`, exact: true });
  }

  /** The modal dialog (confirmation or form) open above everything, by its title. */
  modal(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The tenant context menu. */
  menu(): Locator {
    return this.page.getByRole('menu');
  }

  /** One snapshot's node in a VM panel's tree. */
  snapshot(panel: Locator, name: string): Locator {
    return panel.getByRole('group', { name: `Snapshot ${name}`, exact: true });
  }

  /** The answer to the last action, shown in the panel (or, away from it, in the notices). */
  outcome(scope: Locator): Locator {
    return scope.getByTestId('outcome');
  }

  notices(): Locator {
    return this.page.getByRole('region', { name: 'Action results' });
  }

  async openPanel(tenant: Locator, kind: 'Container' | 'VM', name: string): Promise<Locator> {
    await tenant.focus();
    await this.page.keyboard.press('Enter');
    const panel = this.panel(kind, name);
    await expect(panel).toBeVisible();
    return panel;
  }

  /** A labelled row of a panel (a <dt>/<th> label with its value beside it). */
  row(panel: Locator, label: string): Locator {
    return panel.locator(`:is(dt, th):text-is("${label}") + :is(dd, td)`);
  }
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
