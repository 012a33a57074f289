import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { DesignerPage } from './app';

test('jaffle shop: attribution by platform and channel, session-to-order hours, training against validation with the injected drift marked', async ({ page }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('jaffle_shop');
  await expect(page.getByRole('heading', { name: 'Jaffle shop', exact: true })).toBeVisible();
  await app.setNumber('Seed', 777);
  await app.run();
  expect(await app.rowCount('Raw orders training')).toBeGreaterThan(13_500);
  expect(await app.rowCount('Attributions')).toBeGreaterThan(1_800);
  // Export takes the table the picker shows as selected: this template has no orders table (the picker's default).
  await expect(page.getByRole('group', { name: 'Table' }).getByRole('button', { name: /^Raw orders training/ })).toHaveAttribute('aria-pressed', 'true');
  const csv = await app.exportSelected('CSV');
  expect(csv.name).toMatch(/_raw_orders_training\.csv$/);
  expect(csv.bytes.toString('utf8').split('\r\n').length - 2).toBe(await app.rowCount('Raw orders training'));
  // The presentation opens on figures (its largest tables' rows: no orders or revenue KPIs here), not an empty card.
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation' });
  await expect(deck.locator('.slide-kpi')).toHaveCount(6);
  await expect(deck.locator('.slide-kpi').filter({ hasText: 'raw orders training rows' })).toContainText((await app.rowCount('Raw orders training')).toLocaleString('en-US'));
  await app.shot('jaffle-present');
  // The ads' story: first orders by platform, app against website, and how many came the same day.
  for (let i = 0; i < 6 && (await deck.getByRole('heading', { level: 1 }).innerText()) !== 'Ads to first orders'; i++) await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Ads to first orders');
  await expect(deck.getByText(/^\d+\.\d% of first orders came the same day as their ad session \(the scenario asked for 70%\)\.$/)).toBeVisible();
  await expect(deck.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await app.shot('jaffle-present-attribution');
  // Its planted faults get a slide of their own, with the counts per table and kind.
  for (let i = 0; i < 6 && (await deck.getByRole('heading', { level: 1 }).innerText()) !== 'Data-quality faults, planted and listed'; i++) await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Data-quality faults, planted and listed');
  await expect(deck.getByRole('table', { name: 'Faults per table and kind' }).getByRole('row', { name: /raw_orders_validation/ })).toBeVisible();
  await app.shot('jaffle-present-quality');
  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();

  await page.getByRole('tab', { name: 'Attribution' }).click();
  const status = page.getByRole('status').filter({ hasText: 'same day as their attribution session' });
  const share = Number((await status.locator('b').first().innerText()).replace('%', ''));
  expect(Math.abs(share - 70)).toBeLessThanOrEqual(3);
  await expect(page.getByRole('img', { name: 'Attributed first orders by platform, app and website' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Histogram of hours between attribution session and first order' })).toBeVisible();
  await expect(page.getByRole('img', { name: /training against validation, 1 anomaly day/ })).toBeVisible();
  await expect(page.getByText('spike ×3')).toBeVisible();
  const shifted = page.getByRole('table', { name: 'Payment mix, training against validation' }).locator('tr.injected');
  await expect(shifted).toHaveCount(1);
  await expect(shifted).toContainText('Gift card (shifted)');
  await app.shot('attribution');

  // The anomalies that are faults are listed like any other, on the Quality tab.
  await page.getByRole('tab', { name: 'Quality' }).click();
  const counts = page.getByRole('table', { name: 'Faults per table and kind' });
  await expect(counts.getByRole('row', { name: /raw_orders_validation/ })).toBeVisible();
  await expect(counts.getByRole('row', { name: /raw_signups_validation/ })).toBeVisible();

  // A 7-day window, one more anomaly: the editor takes both and the run reflects them.
  await page.getByLabel('Attribution window').selectOption('7');
  await page.getByRole('button', { name: 'Add an anomaly' }).click();
  const added = page.getByRole('group', { name: 'Anomaly 5' });
  await added.getByRole('spinbutton', { name: 'On day (0 = first)' }).fill('5');
  await page.getByRole('heading', { name: 'Jaffle shop', exact: true }).scrollIntoViewIfNeeded();
  await app.shot('jaffle-editor');
  await app.run();
  await page.getByRole('tab', { name: 'Attribution' }).click();
  await expect(page.getByRole('img', { name: /2 anomaly day/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Attribution window: 7 days' })).toBeVisible();

  // Day by day: a zip with a folder per day; appended, the days are the whole run.
  const whole = unzipSync(new Uint8Array((await app.download(() => page.getByRole('button', { name: 'Export all (zip)' }).click())).bytes));
  const byDay = unzipSync(new Uint8Array((await app.download(() => page.getByRole('button', { name: 'By day (zip)' }).click())).bytes));
  const folders = [...new Set(Object.keys(byDay).filter((n) => n.startsWith('day=')).map((n) => n.split('/')[0]))].sort();
  expect(folders.length).toBe(30);
  expect(folders[0]).toBe('day=2024-05-02');
  for (const table of ['raw_orders_training', 'stg_website_sessions', 'attributions']) {
    const wholeFile = strFromU8(whole[Object.keys(whole).find((n) => n.endsWith(`_${table}.csv`))!]);
    const parts = folders.map((f, i) => {
      const text = strFromU8(byDay[Object.keys(byDay).find((n) => n.startsWith(`${f}/`) && n.includes(`_${table}_part`))!]);
      return i === 0 ? text : text.split('\r\n').slice(1).join('\r\n');
    });
    expect(parts.join(''), table).toBe(wholeFile);
  }
  await app.shot('jaffle-export');
  // Compare has no shop figures to set side by side here, and says so (not an empty table):
  // against a saved copy (the template has no events to take out, which Compare says too).
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByText('This scenario has no events, so without them it is the same run.')).toBeVisible();
  await page.getByLabel('Name to save as').fill('jaffle-copy');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByLabel('Baseline', { exact: true }).selectOption({ label: 'Saved: jaffle-copy' });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText('This template has no shop orders: no headline figures')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Metric deltas' })).toHaveCount(0);
});
