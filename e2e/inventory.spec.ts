import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('inventory retail at its development size: stockouts in band, every must-hold passes, a position’s stock over time', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('inventory_retail');
  await expect(page.getByRole('heading', { name: 'Inventory', exact: true })).toBeVisible();
  await expect(page.getByText(/100,000 stock positions/)).toBeVisible();
  // On the preview (its first day) the whole-calendar must-holds wait for the full run: none reads as failed.
  await page.getByRole('tab', { name: 'Inventory' }).click();
  const previewResults = page.getByRole('table', { name: 'Inventory must-holds' }).locator('tbody tr td:last-child');
  await expect(previewResults.filter({ hasText: 'full run only' })).toHaveCount(2);
  await expect(previewResults.filter({ hasText: /^fail$/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Tables' }).click();
  const started = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Done:/ })).toBeVisible({ timeout: 120_000 });
  console.log(`inventory_retail development size in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s to Done`);
  expect(await app.rowCount('Inventory daily')).toBeGreaterThan(100_000);
  expect(await app.rowCount('Stockout events')).toBeGreaterThan(1_000);

  await page.getByRole('tab', { name: 'Inventory' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Stockout rate' });
  const rate = Number((await status.locator('b').first().innerText()).replace('%', ''));
  expect(rate).toBeGreaterThanOrEqual(5);
  expect(rate).toBeLessThanOrEqual(10);
  const checks = page.getByRole('table', { name: 'Inventory must-holds' });
  const results = await checks.locator('tbody tr td:last-child').allInnerTexts();
  expect(results.length).toBeGreaterThanOrEqual(6);
  expect(results.every((r) => r === 'pass')).toBe(true);
  await expect(page.getByRole('table', { name: 'Top products by lost revenue' }).locator('tbody tr')).toHaveCount(10);
  await expect(page.getByRole('img', { name: /Stockout rate per day/ })).toBeVisible();
  const stock = page.getByRole('img', { name: /Stock of product \d+ at location 1:/ });
  await expect(stock).toBeVisible();
  await app.shot('inventory');
  await page.getByLabel('Location id').fill('50');
  const online = page.getByRole('img', { name: /at location 50:/ });
  await expect(online).toBeVisible();
  await online.scrollIntoViewIfNeeded();
  await app.shot('inventory-stock');
});
