/** A page object for the Engines dialog, so specs speak of engines, fields and answers rather than selectors. */
import { expect, type Locator, type Page } from '@playwright/test';

export class EnginesDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Engines', exact: true });
  }

  /** The top bar's button that opens the dialog (and gets focus back when it closes). */
  opener(): Locator {
    return this.page.getByRole('button', { name: 'Engines…' });
  }

  async open(): Promise<void> {
    await this.opener().click();
    await expect(this.dialog).toBeVisible();
    await expect(this.list()).toBeVisible();
  }

  list(): Locator {
    return this.dialog.getByRole('list', { name: 'Watched engines' });
  }

  /** One watched engine's item, by its name. */
  entry(name: string): Locator {
    return this.list().getByRole('listitem', { name, exact: true });
  }

  status(entry: Locator): Locator {
    return entry.getByTestId('engine-status');
  }

  addButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Add an engine…' });
  }

  form(): Locator {
    return this.dialog.getByRole('form', { name: 'Add an engine' });
  }

  field(label: string): Locator {
    return this.form().getByRole('textbox', { name: label, exact: true });
  }

  kind(label: 'Docker' | 'Podman' | 'libvirt'): Locator {
    return this.form().getByRole('radio', { name: label, exact: true });
  }

  testResult(): Locator {
    return this.form().getByTestId('engine-test-result');
  }

  /** Fills the form for a Docker or Podman URL (and a name), the way a user would. */
  async fillUrl(url: string, name?: string): Promise<void> {
    await this.field('URL').fill(url);
    if (name !== undefined) await this.field('Name').fill(name);
  }
}
