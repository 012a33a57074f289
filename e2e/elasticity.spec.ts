import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('weather tenants: the Elasticity tab gives back the ground truth, and follows a changed elasticity', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('weather_tenants');
  await app.run();
  await page.getByRole('tab', { name: 'Elasticity' }).click();
  const table = page.getByRole('table', { name: 'Elasticity estimates', exact: true });
  await expect(table.getByRole('row')).toHaveCount(9);
  const rows = await table.getByRole('row').evaluateAll((trs) =>
    trs.slice(1).map((tr) => {
      const c = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const [low, high] = c[5].replace(/[[\]]/g, '').split(',').map(Number);
      return { tenant: c[0], truth: Number(c[2]), estimate: Number(c[3]), low, high, pass: c[8] };
    }),
  );
  expect(new Set(rows.map((r) => r.tenant)).size).toBe(4);
  for (const r of rows) expect(Math.abs(r.estimate - r.truth), `${r.tenant}`).toBeLessThanOrEqual(0.03);
  // A 95% interval misses now and then; across eight at least seven hold the truth.
  expect(rows.filter((r) => r.truth >= r.low && r.truth <= r.high).length).toBeGreaterThanOrEqual(7);
  await expect(page.getByRole('img', { name: /Elasticity estimates for 4 tenants/ })).toBeVisible();
  // Round ticks, zero among them.
  const texts = await page.getByRole('img', { name: /Elasticity estimates for 4 tenants/ }).locator('text').allTextContents();
  const ticks = texts.filter((t) => /^(-?\d\.\d\d|0)$/.test(t)).map(Number);
  expect(ticks).toContain(0);
  for (const t of ticks) expect(Math.abs(Math.round(t * 20) - t * 20), String(t)).toBeLessThan(1e-9);
  await app.shot('elasticity');
  await page.getByRole('img', { name: /Response curves for temperature/ }).scrollIntoViewIfNeeded();
  await app.shot('elasticity-curves');

  await app.setNumber('demo_tenant_1 temp elasticity', 0.3);
  await app.run();
  await page.getByRole('tab', { name: 'Elasticity' }).click();
  const first = await table.getByRole('row').nth(1).locator('td').evaluateAll((tds) => tds.map((td) => td.textContent));
  expect(first[0]).toBe('demo_tenant_1');
  expect(Number(first[2])).toBe(0.3);
  expect(Math.abs(Number(first[3]) - 0.3)).toBeLessThanOrEqual(0.03);
});

test('flash sale: each cohort’s price elasticity comes back from the 70% discount', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('flash_sale');
  await app.run();
  await page.getByRole('tab', { name: 'Elasticity' }).click();
  const rows = page.getByRole('table', { name: 'Price elasticity estimates' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole('img', { name: 'Price response curves for 4 cohorts' })).toBeVisible();
  const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  for (const c of cells) expect(Math.abs(Number(c[2]) - Number(c[1])), c[0]).toBeLessThanOrEqual(0.15);
  await app.shot('price-elasticity');
});

test('weather tenants can join any scenario: add them to the flash sale and see both stories', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('flash_sale');
  await app.setNumber('Days', 30);
  await page.getByRole('button', { name: 'Add the four demo tenants' }).click();
  await app.run();
  expect(await app.rowCount('Shopify orders')).toBeGreaterThan(5000);
  expect(await app.rowCount('Orders')).toBeGreaterThan(50_000);
  await page.getByRole('tab', { name: 'Elasticity' }).click();
  await expect(page.getByRole('table', { name: 'Elasticity estimates', exact: true }).getByRole('row')).toHaveCount(9);
  await expect(page.getByRole('table', { name: 'Price elasticity estimates' })).toBeVisible();
});
