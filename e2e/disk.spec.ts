import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

/** The run folders this origin keeps in its private file system. */
const runFolders = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const runs = await root.getDirectoryHandle('runs', { create: true });
    const names: string[] = [];
    for await (const name of (runs as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });

// 720,000 orders: about 400 MB in memory, over one part's 384 MiB, so the run is written in two parts.
const DAYS = 20;
const ORDERS_PER_DAY = 36_000;

test('a run larger than a part is written to disk in parts; its files read back with the manifest\'s rows and hashes', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new DesignerPage(page);
  await app.freshBaseline(DAYS, ORDERS_PER_DAY, 5000);
  const panel = page.getByRole('region', { name: 'Full run to files' });
  await panel.getByRole('button', { name: 'Write to disk' }).click();
  // The part being written and the rows so far show while it writes.
  await expect(panel.getByText(/^Part 2 of 2: /)).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByRole('row').filter({ hasText: /^Orders/ })).toContainText(/\d{3},\d{3} rows/);
  await expect(panel.getByText(/Done: \d+ CSV files .* written in 2 parts on 1 worker/)).toBeVisible({ timeout: 120_000 });
  await app.shot('disk-run-done');

  const manifestFile = await app.download(() => panel.getByRole('button', { name: 'Download manifest.json' }).click());
  const manifest = JSON.parse(manifestFile.bytes.toString('utf8')) as { tables: { table: string; file: string; rows: number; bytes: number; sha256: string }[]; notes: string[] };
  expect(manifest.notes.join(' ')).toMatch(/in 2 parts/);
  const orders = manifest.tables.find((t) => t.table === 'orders')!;
  expect(orders.rows).toBeGreaterThan(0.9 * DAYS * ORDERS_PER_DAY);
  expect(orders.rows).toBeLessThan(1.1 * DAYS * ORDERS_PER_DAY);
  for (const table of ['orders', 'customers']) {
    const entry = manifest.tables.find((t) => t.table === table)!;
    const file = await app.download(() => panel.getByRole('button', { name: `Download ${entry.file}` }).click());
    expect(file.name).toBe(entry.file);
    expect(file.bytes.length).toBe(entry.bytes);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(entry.sha256);
    // One header, then a line a row: the second part's header was left out.
    const lines = file.bytes.toString('utf8').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(entry.rows);
    expect(lines.filter((l) => l === lines[0])).toHaveLength(1);
  }
  await expect(panel.getByRole('row').filter({ hasText: /^Customers/ })).toContainText('5,000 rows');
  // Removing the files forgets them.
  expect(await runFolders(page)).toHaveLength(1);
  await panel.getByRole('button', { name: 'Remove files' }).click();
  await expect(panel.getByRole('button', { name: /^Download \d+ files$/ })).toBeHidden();
  expect(await runFolders(page)).toEqual([]);
});

test('a run written to disk cancels when asked (Run waits meanwhile), the next one runs, and an edit marks its files stale', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new DesignerPage(page);
  await app.freshBaseline(DAYS, ORDERS_PER_DAY, 5000);
  const panel = page.getByRole('region', { name: 'Full run to files' });
  await panel.getByRole('button', { name: 'Write to disk' }).click();
  await expect(panel.getByRole('progressbar', { name: 'Writing to disk' })).toBeVisible();
  // A full run waits while the worker writes.
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByText(/Cancelled; the files written so far were removed/)).toBeVisible({ timeout: 30_000 });
  await app.setNumber('Orders per day', 200);
  await panel.getByRole('button', { name: 'Write to disk' }).click();
  await expect(panel.getByText(/Done: \d+ CSV files .* written in 1 part on/)).toBeVisible({ timeout: 60_000 });
  await app.setNumber('Seed', 12);
  await expect(panel.getByText('written before your last edits')).toBeVisible();
  // The cancelled run left nothing; a new run replaces the files of the one before.
  const first = await runFolders(page);
  expect(first).toHaveLength(1);
  await page.waitForTimeout(1100); // folder names carry the second they were started in
  await panel.getByRole('button', { name: 'Write to disk' }).click();
  await expect(panel.getByText(/Done: \d+ CSV files/)).toBeVisible({ timeout: 60_000 });
  const second = await runFolders(page);
  expect(second).toHaveLength(1);
  expect(second).not.toEqual(first);
});

test('a run on a pool of part workers (?workers=3) gives the same files as on one', async ({ page }) => {
  const app = new DesignerPage(page);
  const sha = async (workers: number) => {
    await page.goto(`/?workers=${workers}`);
    await app.freshBaseline(6, 800, 1500);
    await page.goto(`/?workers=${workers}`);
    await app.setNumber('Seed', 31);
    await app.run();
    await app.pickTable('Order items');
    return (await app.exportSelected('CSV')).sha256;
  };
  const pooled = await sha(3);
  await expect(page.getByRole('status').filter({ hasText: /Done: .* on 3 workers/ })).toBeVisible();
  expect(pooled).toBe(await sha(1));
  await expect(page.getByRole('status').filter({ hasText: /Done: .* on 1 worker$/ })).toBeVisible();
});
