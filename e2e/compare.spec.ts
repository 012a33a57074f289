import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('compare: the payment outage against the same store without it; a scenario against itself shows no change', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('payment_outage');
  await app.setNumber('Orders per day', 1200);
  await app.setNumber('Customers', 3000);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const failures = page.getByRole('listitem', { name: /^Payment failure rate/ });
  await expect(failures).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: 'Orders per hour, scenario against baseline' })).toBeVisible();
  // The outage raises failures and tickets against the same store without it.
  await expect(failures).toContainText('+');
  await expect(page.getByRole('listitem', { name: /^Support tickets/ })).toContainText('+');
  // Time ticks on whole days or hours, evenly spaced, each said once (MM-DD at midnight, HH:00 between).
  const chart = page.getByRole('img', { name: 'Orders per hour, scenario against baseline' });
  const tickLabels = chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect.poll(() => tickLabels.count()).toBeGreaterThan(2);
  const labels = await tickLabels.allTextContents();
  for (const l of labels) expect(l).toMatch(/^(\d\d-\d\d|\d\d:00)$/);
  const xs = await tickLabels.evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('x'))));
  const gaps = xs.slice(1).map((x, i) => x - xs[i]);
  for (const g of gaps) expect(Math.abs(g - gaps[0])).toBeLessThan(1.5);
  await app.shot('compare');

  // Save this scenario, then compare it with the saved copy of itself: no differences.
  await page.getByLabel('Name to save as').fill('outage-1200');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Saved scenarios' })).toContainText('outage-1200');
  // Saved again under that name: over the first, not beside it (two of one name could not be told apart).
  await page.getByLabel('Name to save as').fill('outage-1200');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved over the earlier “outage-1200”' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open outage-1200' })).toHaveCount(1);
  await page.getByLabel('Baseline', { exact: true }).selectOption({ label: 'Saved: outage-1200' });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Metric deltas' }).getByRole('row');
  // Wait for the new comparison to replace the first one: every change reads 0.0% (or — where the baseline is 0).
  await expect
    .poll(async () => {
      const changes = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => tr.querySelectorAll('td')[4]?.textContent));
      return changes.length > 5 && changes.every((c) => c === '0.0%' || c === '—');
    })
    .toBe(true);
});

test('compare: a scenario without events has nothing to take out, and says so', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(3, 300, 1000);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByText('This scenario has no events, so without them it is the same run.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeDisabled();
});

test('saved scenarios: save, rename, duplicate, open, delete; they survive a reload', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshBaseline(5, 300, 1000);
  await app.setNumber('Seed', 31);
  await page.getByLabel('Name to save as').fill('seed thirty-one');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const list = page.getByRole('list', { name: 'Saved scenarios' });
  await expect(list).toContainText('seed thirty-one');
  await page.getByRole('button', { name: 'Rename seed thirty-one' }).click();
  await page.getByLabel('New name for seed thirty-one').fill('thirty-one');
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Duplicate thirty-one' }).click();
  await expect(list).toContainText('thirty-one (copy)');
  await page.reload();
  await expect(list).toContainText('thirty-one (copy)');
  await app.setNumber('Seed', 5);
  await page.getByRole('button', { name: 'Open thirty-one', exact: true }).click();
  await expect(app.field('Seed')).toHaveValue('31');
  await page.getByRole('button', { name: 'Delete thirty-one (copy)' }).click();
  await expect(list).not.toContainText('(copy)');
});
