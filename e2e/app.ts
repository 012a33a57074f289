import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { expect, type Download, type Page } from '@playwright/test';

/** The page as a person sees it: fields by their labels, buttons by their names. */
export class DesignerPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  }

  /** Starts from the Baseline template at a small size, so runs take a moment. */
  async freshBaseline(days = 3, ordersPerDay = 400, customers = 2000): Promise<void> {
    await this.open();
    await this.page.evaluate(() => localStorage.clear());
    await this.open();
    await this.page.getByLabel('Template', { exact: true }).selectOption('baseline');
    await this.setNumber('Days', days);
    await this.setNumber('Orders per day', ordersPerDay);
    await this.setNumber('Customers', customers);
  }

  /** A fresh page (no autosave) on a template. */
  async freshTemplate(id: string): Promise<void> {
    await this.open();
    await this.page.evaluate(() => localStorage.clear());
    await this.open();
    await this.page.getByLabel('Template', { exact: true }).selectOption(id);
  }

  field(label: string) {
    return this.page.getByRole('spinbutton', { name: label, exact: true });
  }

  async setNumber(label: string, value: number): Promise<void> {
    await this.field(label).fill(String(value));
  }

  /** Adds an expression column on orders (the new card's default table) and returns its Expression field. */
  async addOrdersExpression(name: string) {
    await this.page.getByRole('button', { name: 'Add a column' }).click();
    const card = this.page.getByRole('group', { name: /^Custom column orders\./ });
    await card.getByLabel('Kind').selectOption('expression');
    await card.getByLabel('Column name').fill(name);
    return this.page.getByRole('group', { name: `Custom column orders.${name}` }).getByLabel('Expression', { exact: true });
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Done:/ })).toBeVisible({ timeout: 60_000 });
  }

  async pickTable(name: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Table' }).getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
  }

  /** Row count shown on the table picker's button. */
  async rowCount(name: string): Promise<number> {
    const text = await this.page.getByRole('group', { name: 'Table' }).getByRole('button', { name: new RegExp(`^${name}\\b`) }).innerText();
    return Number(text.replace(/^\D+/, '').replace(/,/g, ''));
  }

  async download(action: () => Promise<void>): Promise<{ name: string; bytes: Buffer; sha256: string }> {
    const [download]: [Download, void] = await Promise.all([this.page.waitForEvent('download'), action()]);
    const bytes = await readFile((await download.path())!);
    return { name: download.suggestedFilename(), bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  async exportSelected(format: 'CSV' | 'Parquet') {
    await this.page.getByLabel('Format').selectOption({ label: format });
    return this.download(() => this.page.getByRole('button', { name: 'Export', exact: true }).click());
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/.artifacts/screens/${name}.png` });
  }
}
