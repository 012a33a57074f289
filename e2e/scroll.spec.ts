import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('a table of over a million rows scrolls end to end with a few dozen rows in the page', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await app.freshBaseline(10, 50_000, 20_000);
  await app.run();
  await app.pickTable('Order items');
  const rows = await app.rowCount('Order items');
  expect(rows).toBeGreaterThan(1_000_000);

  const grid = page.getByRole('table', { name: 'order_items rows' });
  const rowIndexes = () => grid.locator('.grid-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-rowindex'))));

  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(async () => Math.max(...(await rowIndexes()))).toBe(rows + 1);
  expect((await rowIndexes()).length).toBeLessThan(60);
  // The last line belongs to the last order.
  const lastOrder = await grid.locator(`.grid-row[aria-rowindex="${rows + 1}"] [role=cell]`).first().innerText();
  expect(Number(lastOrder)).toBe(await app.rowCount('Orders'));
  await app.shot('scrolled-to-end');

  await grid.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  await expect.poll(async () => Math.abs((await rowIndexes())[0] / rows - 0.5)).toBeLessThan(0.01);

  // Keyboard: Home goes back to the first row.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => Math.min(...(await rowIndexes()))).toBe(2);
});
