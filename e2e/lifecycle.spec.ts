import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DesignerPage } from './app';

test('churn feature store: churn on target, survival by segment, faults listed and highlighted, dq_faults in the zip', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('churn_feature_store');
  await expect(page.getByRole('heading', { name: 'Customer lifecycle' })).toBeVisible();
  await app.setNumber('Seed', 4242);
  await app.run();
  expect(await app.rowCount('Customers')).toBeGreaterThan(1000);
  expect(await app.rowCount('Transactions')).toBeGreaterThan(8000);

  await page.getByRole('tab', { name: 'Lifecycle' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Churn at the label date' });
  await expect(status).toContainText('on target');
  const measured = Number((await status.locator('b').first().innerText()).replace('%', ''));
  expect(Math.abs(measured - 15)).toBeLessThanOrEqual(2);
  await expect(page.getByRole('img', { name: /Share still buying by months since signup, for 4 segments/ })).toBeVisible();
  await expect(page.locator('.recharts-line')).toHaveCount(4);
  // A 180-day calendar is read every half month: each curve has a point between the whole-month ticks.
  const ticks = await page.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count();
  const points = (await page.locator('.recharts-line-curve').first().getAttribute('d'))!.match(/[ML]/g)!.length;
  expect(ticks).toBeGreaterThan(2);
  expect(points).toBeGreaterThanOrEqual(2 * (ticks - 1));
  await app.shot('lifecycle');
  // The deck tells the churn story too: the same curves, in large type.
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation' });
  for (let i = 0; i < 6 && !/^Churn \d/.test(await deck.getByRole('heading', { level: 1 }).innerText()); i++) await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText(/^Churn \d+\.\d% against a 15% target$/);
  await expect(deck.locator('.recharts-line')).toHaveCount(4);
  await app.shot('lifecycle-slide');
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();

  // The seed's 2% preset, plus a duplicate-row fault added by hand.
  await page.getByRole('button', { name: 'Seed preset: 2% corruption' }).click();
  await page.getByRole('button', { name: 'Add a fault' }).click();
  const fault = page.getByRole('group', { name: 'Fault 4' });
  await fault.getByLabel('Table', { exact: true }).selectOption('transactions');
  await fault.getByLabel('Kind', { exact: true }).selectOption('duplicate_row');
  await fault.getByRole('spinbutton', { name: 'Rate %' }).fill('1');
  await page.getByRole('heading', { name: 'Data quality' }).scrollIntoViewIfNeeded();
  await app.shot('quality-editor');
  await app.run();
  await page.getByRole('tab', { name: 'Tables' }).click();
  expect(await app.rowCount('DQ faults')).toBeGreaterThan(200);

  await page.getByRole('tab', { name: 'Quality' }).click();
  const counts = page.getByRole('table', { name: 'Faults per table and kind' });
  await expect(counts.getByRole('row')).toHaveCount(3);
  const cells = await counts.getByRole('row').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? '')));
  expect(cells[0]).toEqual(['table', 'Null', 'Out of range', 'Negative amount', 'Duplicate row', 'rows clean → faulty']);
  const customers = cells.find((r) => r[0] === 'customers')!;
  expect(Number(customers[1])).toBeGreaterThan(0);
  expect(Number(customers[2])).toBeGreaterThan(0);
  const faultyCells = page.locator('.faulty-cell');
  await expect(faultyCells.first()).toBeVisible();
  // Every marked cell fills its row, an emptied (null) one too.
  const heights = await faultyCells.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThan(20);
  await app.shot('quality-faulty');
  // A highlighted age in the faulty customers is empty or impossible; the same cell in the clean table is a real age.
  const ages = await page.locator('[role=row]').evaluateAll((rows) =>
    rows.flatMap((r) => {
      const cells = [...r.querySelectorAll('[role=cell]')];
      return cells.length > 5 && cells[5].classList.contains('faulty-cell') ? [cells[5].textContent ?? ''] : [];
    }),
  );
  expect(ages.length).toBeGreaterThan(0);
  for (const a of ages) expect(a === '' || a === 'null' || Number(a) < 0 || Number(a) > 100, a).toBe(true);
  await page.getByRole('button', { name: 'Clean', exact: true }).click();
  await expect(page.getByText('the same cells before the faults')).toBeVisible();
  await expect(faultyCells.first()).toBeVisible();
  const cleanAges = await page.locator('[role=row]').evaluateAll((rows) =>
    rows.flatMap((r) => {
      const cells = [...r.querySelectorAll('[role=cell]')];
      return cells.length > 5 && cells[5].classList.contains('faulty-cell') ? [cells[5].textContent ?? ''] : [];
    }),
  );
  for (const a of cleanAges) expect(Number(a) >= 18 && Number(a) <= 100, a).toBe(true);
  await app.shot('quality-clean');

  const zip = await app.download(() => page.getByRole('button', { name: 'Export all (zip)' }).click());
  const entries = unzipSync(new Uint8Array(zip.bytes));
  const dqName = Object.keys(entries).find((n) => n.endsWith('_dq_faults.csv'))!;
  expect(dqName).toBeTruthy();
  const dqLines = strFromU8(entries[dqName]).trimEnd().split('\r\n');
  expect(dqLines[0]).toBe('fault_id,table_name,row_index,row_key,column_name,fault_kind,original_value,corrupted_value');
  const manifest = JSON.parse(strFromU8(entries['manifest.json']));
  const injected = manifest.groundTruth.dataQuality.injected as { count: number }[];
  expect(injected.reduce((n, c) => n + c.count, 0)).toBe(dqLines.length - 1);
  expect(manifest.groundTruth.lifecycle.churnRateTargetPct).toBe(15);
});

test('a lifecycle can be added to the baseline store and removed again', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(70, 100, 600);
  await page.getByRole('button', { name: 'Add a customer lifecycle' }).click();
  await expect(page.getByRole('checkbox', { name: 'Transactions' })).toBeChecked();
  await app.run();
  expect(await app.rowCount('Transactions')).toBeGreaterThan(0);
  expect(await app.rowCount('Orders')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Remove lifecycle' }).click();
  // Without a lifecycle its tables are neither chosen nor offered.
  await expect(page.getByRole('checkbox', { name: 'Transactions' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Tables to generate' }).getByRole('checkbox')).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Add a customer lifecycle' })).toBeVisible();
});
