import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('a share link opened in a fresh browser reproduces the same data (same sha256)', async ({ page, browser }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 400, 1500);
  await page.getByRole('button', { name: 'Add Payment outage' }).click();
  await app.setNumber('Seed', 4242);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
  await app.shot('share-link');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Share link', { exact: true })).toBeHidden();
  await app.run();
  await app.pickTable('Orders');
  const here = await app.exportSelected('CSV');

  const fresh = await browser.newContext({ acceptDownloads: true });
  const other = new DesignerPage(await fresh.newPage());
  await other.page.goto(link);
  await expect(other.field('Seed')).toHaveValue('4242');
  await expect(other.page.getByRole('button', { name: /^Payment gateway outage:/ })).toBeVisible();
  expect(other.page.url()).not.toContain('#s=');
  await other.run();
  await other.pickTable('Orders');
  const there = await other.exportSelected('CSV');
  expect(there.sha256).toBe(here.sha256);
  await fresh.close();
});

test('a damaged share link changes nothing and says why', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 400, 1500);
  await app.setNumber('Seed', 77);
  await page.goto('/#s=bm90LWEtc2NlbmFyaW8');
  await expect(page.getByRole('alert').filter({ hasText: 'The shared link could not be opened' })).toContainText('E105');
  await expect(app.field('Seed')).toHaveValue('77');
});

test('a scenario shared mid-edit opens with its problem marked; one that cannot open gives no link, only what to fix', async ({ page, browser }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 400, 1500);
  await (await app.addOrdersExpression('fee')).fill('subtota > 1');
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'problem to fix marked' })).toBeVisible();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  await page.keyboard.press('Escape');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByText('The shared scenario opened with a problem to fix')).toBeVisible();
  const there = other.getByRole('group', { name: 'Custom column orders.fee' });
  await expect(there.getByLabel('Expression', { exact: true })).toHaveValue('subtota > 1');
  await expect(there.getByRole('alert')).toContainText("did you mean 'subtotal'");
  await expect(other.getByRole('spinbutton', { name: 'Orders per day', exact: true })).toHaveValue('400');
  // No run there yet, and none can start: nothing to export.
  await expect(other.getByRole('button', { name: 'Export all (zip)' })).toBeDisabled();
  await fresh.close();

  // A value the schema refuses (days past the limit) cannot travel: no link, the reason instead.
  await app.setNumber('Days', 99999);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'to fix first' })).toBeVisible();
  await expect(page.getByLabel('Share link', { exact: true })).toHaveCount(0);
});

test('distributions: a histogram split by cohort, and revenue per day', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(7, 800, 3000);
  await app.run();
  await page.getByRole('tab', { name: 'Distributions' }).click();
  await page.getByLabel('Table', { exact: true }).selectOption('orders');
  await page.getByLabel('Column', { exact: true }).selectOption('total');
  await page.getByLabel('Split by', { exact: true }).selectOption('cohort');
  await expect(page.getByRole('img', { name: 'Distribution of orders.total by cohort' })).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await app.shot('distributions');
  await page.getByLabel('View', { exact: true }).selectOption('time');
  await page.getByLabel('Value', { exact: true }).selectOption('total');
  await expect(page.getByRole('img', { name: 'total of orders per day' })).toBeVisible();
  await expect(page.locator('.recharts-line-curve')).toBeVisible();
});
