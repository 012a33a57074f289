import { expect, test } from '@playwright/test';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DesignerPage } from './app';

const settled = (page: import('@playwright/test').Page) => expect(page.locator('[data-shown-fresh]')).toBeVisible();

async function parquetRows(bytes: Buffer) {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file: ab, compressors });
}

test('custom columns: an expression on orders is checked as typed, shows in the preview, exports to Parquet and travels in a share link', async ({ page, browser }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 1500);
  const expression = await app.addOrdersExpression('shipping_fee');
  // A typo: a numbered error under the field, with the position and the likely name; nothing else is lost.
  await expression.fill('subtota >= 50 ? 0 : 4.99');
  const error = page.getByRole('group', { name: 'Custom column orders.shipping_fee' }).getByRole('alert');
  await expect(error).toContainText('E131');
  await expect(error).toContainText("did you mean 'subtotal'");
  await expect(app.field('Orders per day')).toHaveValue('300');
  await app.shot('custom-column-error');
  await expression.fill('subtotal >= 50 ? 0 : 4.99');
  await expect(error).toHaveCount(0);

  // The preview carries the new column without a Run.
  await settled(page);
  await app.pickTable('Orders');
  await expect(page.getByRole('columnheader', { name: 'shipping_fee', exact: true })).toBeVisible();
  await app.shot('custom-column-preview');
  // A column added while the grid shows its table is scrolled into view: it comes last, off to the right.
  const header = page.getByRole('columnheader', { name: 'basket_score', exact: true });
  await page.getByRole('button', { name: 'Add a column' }).click();
  const added = page.getByRole('group', { name: /^Custom column / }).last();
  await added.getByLabel('Table').selectOption('orders');
  await added.getByLabel('Column name').fill('basket_score');
  await settled(page);
  await expect(header).toBeInViewport();
  await page.getByRole('group', { name: 'Custom column orders.basket_score' }).getByRole('button', { name: /^Remove/ }).click();
  await expect(header).toHaveCount(0);

  await app.run();
  await app.pickTable('Orders');
  const pq = await app.exportSelected('Parquet');
  const rows = await parquetRows(pq.bytes);
  expect(rows.length).toBe(await app.rowCount('Orders'));
  let free = 0;
  for (const r of rows) {
    const expected = Number(r.subtotal) >= 50 ? 0 : 4.99;
    expect(Number(r.shipping_fee)).toBeCloseTo(expected, 6);
    if (expected === 0) free++;
  }
  expect(free).toBeGreaterThan(0);
  expect(free).toBeLessThan(rows.length);

  // A share link carries the column: a fresh browser makes the same file.
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  await page.keyboard.press('Escape');
  const fresh = await browser.newContext({ acceptDownloads: true });
  const other = new DesignerPage(await fresh.newPage());
  await other.page.goto(link);
  await expect(other.page.getByRole('group', { name: 'Custom column orders.shipping_fee' }).getByLabel('Expression', { exact: true })).toHaveValue('subtotal >= 50 ? 0 : 4.99');
  await other.run();
  await other.pickTable('Orders');
  const there = await other.exportSelected('Parquet');
  expect(there.sha256).toBe(pq.sha256);
  await fresh.close();
});

test('custom columns: a per-cohort distribution on customers shows in Summary and its targets in Conformance', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 3000);
  await page.getByRole('button', { name: 'Add a column' }).click();
  const card = page.getByRole('group', { name: /^Custom column orders\./ });
  await card.getByLabel('Table').selectOption('customers');
  const customers = page.getByRole('group', { name: /^Custom column customers\./ });
  await customers.getByLabel('Column name').fill('points');
  const points = page.getByRole('group', { name: 'Custom column customers.points' });
  await points.getByLabel('Settings per').selectOption('cohort');
  await points.getByLabel('Give a value of cohort its own settings').selectOption('gen_z');
  await points.getByRole('group', { name: 'cohort = gen_z' }).getByLabel('Mean').fill('20');
  await app.shot('custom-column-groups');
  await app.run();
  await page.getByRole('tab', { name: 'Conformance' }).click();
  const table = page.getByRole('table').filter({ hasText: 'customers.points' });
  await expect(table.getByRole('row', { name: /customers\.points \(cohort = gen_z\) mean/ })).toContainText('pass');
  await expect(table.getByRole('row', { name: /customers\.points \(every other cohort\) mean/ })).toContainText('pass');
  await app.shot('custom-column-conformance');
  // The data dictionary gives the column's places as written (a distribution's default: 2; 0 reads as whole numbers).
  await page.getByRole('tab', { name: 'Columns' }).click();
  const dictionary = page.getByRole('region', { name: 'customers columns' });
  await expect(dictionary.getByRole('row', { name: /^points/ })).toContainText('decimal (2 places)');
  await points.getByLabel('Decimals').fill('0');
  await app.run();
  await expect(dictionary.getByRole('row', { name: /^points/ })).toContainText('decimal (whole numbers)');
});

test('custom columns: removing a card takes its unfinished text with it; a column stays on its table when that table is unchecked, with the reason', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 1500);
  await page.getByRole('button', { name: 'Add a column' }).click();
  // By keyboard: the new card takes the focus, on its first field.
  await page.getByRole('button', { name: 'Add a column' }).focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('group', { name: 'Custom column orders.custom_1' });
  const second = page.getByRole('group', { name: 'Custom column orders.custom_2' });
  await expect(second.getByLabel('Table')).toBeFocused();
  await first.getByLabel('Lower bound').fill('5x');
  await expect(first.getByRole('alert')).toContainText('E100');
  await page.getByRole('button', { name: 'Remove custom column custom_1' }).click();
  await expect(first).toHaveCount(0);
  // The focus does not fall to the page with the removed card's button.
  await expect(page.getByRole('button', { name: 'Add a column' })).toBeFocused();
  await expect(second.getByLabel('Lower bound')).toHaveValue('');
  await expect(second.getByRole('alert')).toHaveCount(0);

  await second.getByLabel('Table').selectOption('payments');
  const moved = page.getByRole('group', { name: 'Custom column payments.custom_2' });
  await page.getByRole('region', { name: 'Tables to generate' }).getByRole('checkbox', { name: 'Payments', exact: true }).uncheck();
  await expect(moved.getByLabel('Table')).toHaveValue('payments');
  await expect(moved.getByRole('alert')).toContainText('E109');
});

test('custom columns: a pattern column shows in the grid, sorts, is summarised, passes its check and exports to CSV and Parquet', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 1500);
  await page.getByRole('button', { name: 'Add a column' }).click();
  const card = page.getByRole('group', { name: /^Custom column orders\./ });
  await card.getByLabel('Kind').selectOption('pattern');
  await card.getByLabel('Column name').fill('tracking');
  // A comma and a leading minus: CSV must quote the value and leave no formula start unguarded.
  await page.getByRole('group', { name: 'Custom column orders.tracking' }).getByLabel('Pattern').fill('-TR,##?*');
  await settled(page);
  await app.run();
  await app.pickTable('Orders');
  const header = page.getByRole('columnheader', { name: 'tracking', exact: true });
  await expect(header).toBeVisible();
  const at = await page.getByRole('columnheader').evaluateAll((hs) => hs.findIndex((h) => h.textContent?.startsWith('tracking')));
  const shape = /^-TR,[0-9]{2}[A-Z][0-9A-Z]$/;
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const shown = await page.locator('.grid-row').evaluateAll((rows, i) => rows.slice(0, 10).map((r) => r.children[i].textContent ?? ''), at);
  expect(shown.length).toBe(10);
  for (const v of shown) expect(v).toMatch(shape);
  expect([...shown].sort()).toEqual(shown);
  await app.shot('custom-column-pattern');

  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByRole('region', { name: 'orders summary' }).getByRole('row', { name: /^tracking/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Conformance' }).click();
  await expect(page.getByRole('row', { name: /orders\.tracking matches/ })).toContainText('pass');

  await page.getByRole('tab', { name: 'Tables' }).click();
  const rows = await app.rowCount('Orders');
  const csv = (await app.exportSelected('CSV')).bytes.toString('utf8').trimEnd().split('\r\n');
  const column = csv[0].split(',').indexOf('tracking');
  expect(column).toBeGreaterThan(0);
  expect(csv.length - 1).toBe(rows);
  // The value has a comma, so each row holds it quoted (after the apostrophe that defuses the minus).
  for (const line of csv.slice(1)) expect(line).toMatch(/,"'-TR,[0-9]{2}[A-Z][0-9A-Z]"/);
  const parquet = await parquetRows((await app.exportSelected('Parquet')).bytes);
  expect(parquet.length).toBe(rows);
  for (const r of parquet) expect(String(r.tracking)).toMatch(shape);

  // A fault the column cannot take is an error under the fault, before any run; one it can take is not.
  await page.getByRole('button', { name: 'Add a fault' }).click();
  const fault = page.getByRole('group', { name: 'Fault 1' });
  await fault.getByLabel('Table').selectOption('orders');
  await fault.getByLabel('Kind').selectOption('out_of_range');
  await fault.getByLabel('Column (empty = any)').fill('tracking');
  await expect(fault.getByRole('alert')).toContainText('E111 orders.tracking cannot take an out of range fault');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await fault.getByLabel('Kind').selectOption('typo');
  await expect(fault.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

test('custom columns: a mix takes a new option with Enter, and says so when it is already one', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 1500);
  await page.getByRole('button', { name: 'Add a column' }).click();
  const card = page.getByRole('group', { name: /^Custom column orders\./ });
  await card.getByLabel('Kind').selectOption('mix');
  const name = await card.getByLabel('Column name').inputValue();
  const box = card.getByLabel(`A new option for ${name}`);
  await box.fill('yes');
  await expect(card.getByText('“yes” is already an option')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Add option' })).toBeDisabled();
  await box.fill('maybe');
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(card.getByLabel(`${name} shares: maybe %`)).toBeVisible();
});
