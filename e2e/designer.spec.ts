import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { COMMERCE_TABLES } from '../src/engine/scenario/schema';
import { buildTemplate } from '../src/engine/scenario/templates';
import { DesignerPage } from './app';

test.describe('the designer, as a person uses it', () => {
  test('choose the template, move a cohort share, run, browse, sort', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await app.freshBaseline();
    await app.shot('editor');
    // The skip link moves the focus into the results.
    await page.getByRole('link', { name: 'Skip to results' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main', { name: 'Results' })).toBeFocused();

    // Moving Gen Z to 40% rebalances the other cohorts so the mix still sums to 100.
    await page.getByLabel('Cohort mix: Gen Z %').fill('40');
    const others = await Promise.all(['Millennials', 'Gen X', 'Boomers'].map((c) => page.getByLabel(`Cohort mix: ${c} %`).inputValue()));
    expect(others.map(Number).reduce((a, b) => a + b, 0) + 40).toBeCloseTo(100, 6);
    expect(Number(others[0])).toBeGreaterThan(Number(others[1]));
    await expect(page.getByText('Σ 100%').first()).toBeVisible();
    // Typed one after another, key by key, the boxes keep what was typed into them: an exact split.
    const cohorts = ['Gen Z', 'Millennials', 'Gen X', 'Boomers'];
    for (const [c, v] of [['Gen Z', '40'], ['Millennials', '30'], ['Gen X', '20'], ['Boomers', '10']]) {
      await page.getByLabel(`Cohort mix: ${c} %`).selectText();
      await page.keyboard.type(v);
    }
    expect(await Promise.all(cohorts.map((c) => page.getByLabel(`Cohort mix: ${c} %`).inputValue()))).toEqual(['40', '30', '20', '10']);
    // Emptying a box not typed into last keeps every share typed so far (they had gone back to the template's).
    await page.getByLabel('Cohort mix: Millennials %').fill('');
    await expect(page.getByText('Millennials: a share is a number from 0 to 100; the mix keeps 30% until then')).toBeVisible();
    expect(await Promise.all(cohorts.map((c) => page.getByLabel(`Cohort mix: ${c} %`).inputValue()))).toEqual(['40', '', '20', '10']);
    await page.getByLabel('Cohort mix: Millennials %').pressSequentially('30');
    expect(await Promise.all(cohorts.map((c) => page.getByLabel(`Cohort mix: ${c} %`).inputValue()))).toEqual(['40', '30', '20', '10']);
    // A slider starts afresh: the others follow it in proportion again.
    await page.getByLabel('Cohort mix: Gen Z share').fill('60');
    expect(await Promise.all(cohorts.map((c) => page.getByLabel(`Cohort mix: ${c} %`).inputValue()))).toEqual(['60', '20', '13.3', '6.7']);

    await app.run();
    await app.shot('tables');
    // The view tabs by keyboard: End to the last, Home back to the first.
    await page.getByRole('tab', { name: 'Tables' }).focus();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Conformance' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Conformance' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await expect(page.getByRole('tab', { name: 'Tables' })).toHaveAttribute('aria-selected', 'true');
    expect(await app.rowCount('Orders')).toBeGreaterThan(1000);
    expect(await app.rowCount('Customers')).toBe(2000);
    await expect(page.getByRole('row').nth(1)).toBeVisible();

    // Sort orders by total, descending on the second click: the first row holds the maximum.
    const header = page.getByRole('columnheader', { name: 'total', exact: true });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const totalIdx = await page.getByRole('columnheader').evaluateAll((hs) => hs.findIndex((h) => h.textContent?.startsWith('total')));
    const firstTotals = await page.locator('.grid-row').evaluateAll((rows, i) => rows.slice(0, 10).map((r) => Number(r.children[i].textContent)), totalIdx);
    for (let i = 1; i < firstTotals.length; i++) expect(firstTotals[i]).toBeLessThanOrEqual(firstTotals[i - 1]);
    await page.getByRole('tab', { name: 'Summary' }).click();
    const totalRow = page.getByRole('region', { name: 'orders summary' }).getByRole('row', { name: /^total/ });
    const max = Number((await totalRow.getByRole('cell').nth(4).innerText()).replace(/,/g, ''));
    expect(firstTotals[0]).toBeCloseTo(max, 2);
    await app.shot('summary');

    // Columns menu: pin total to the left, move channel up; the header order follows; a pinned column stays put when the grid scrolls sideways.
    await page.getByRole('tab', { name: 'Tables' }).click();
    await page.locator('.column-picker summary').click();
    await page.getByRole('button', { name: 'Pin total to the left' }).click();
    await page.getByRole('button', { name: 'Move channel up' }).click();
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers[0]).toMatch(/^total/);
    expect(headers.findIndex((h) => h.startsWith('channel'))).toBeLessThan(headers.findIndex((h) => h.startsWith('created_at')));
    await page.locator('.column-picker summary').click();
    const pinnedHeader = page.getByRole('columnheader', { name: 'total', exact: true });
    const x0 = (await pinnedHeader.boundingBox())!.x;
    await page.locator('.grid-scroll').evaluate((el) => (el.scrollLeft = 400));
    await expect.poll(async () => (await pinnedHeader.boundingBox())!.x).toBeCloseTo(x0, 0);
    const firstTotal = page.locator('.grid-row').first().locator('.pinned');
    await expect.poll(async () => (await firstTotal.boundingBox())!.x).toBeCloseTo(x0, 0);
    await app.shot('grid-pinned');
  });

  test('cancel stops a long run within 250 ms and the page stays usable', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await app.freshBaseline(30, 100_000, 200_000);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const bar = page.getByRole('progressbar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(5);
    await app.shot('running');
    // The page answers while the worker works: an edit goes through.
    await app.setNumber('Seed', 99);
    await expect(app.field('Seed')).toHaveValue('99');
    const elapsed = await page.evaluate(async () => {
      const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
      const t0 = performance.now();
      cancel.click();
      await new Promise<void>((resolve) => {
        const check = () => (document.querySelector('[role=status]')?.textContent?.includes('Run cancelled') ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    expect(elapsed).toBeLessThan(250);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    // Said until the next edit, even with older results on the page (their staleness said after it).
    await expect(page.getByRole('status').filter({ hasText: /^Run cancelled; (the preview stays|the last full run stays|full results are from before)/ })).toBeVisible();
    // A fresh worker runs the next scenario.
    await app.setNumber('Orders per day', 300);
    await app.setNumber('Customers', 1000);
    await app.run();
  });

  test('export CSV and Parquet, read them back, and match the CLI byte for byte', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await app.freshBaseline(4, 500, 1500);
    await app.setNumber('Seed', 31337);
    await app.run();
    await app.pickTable('Orders');
    const rows = await app.rowCount('Orders');

    const csv = await app.exportSelected('CSV');
    expect(csv.name).toMatch(/^baseline_\d{8}T\d{6}Z_orders\.csv$/);
    const records = parse(csv.bytes, { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(rows);
    expect(Object.keys(records[0])).toEqual([
      'order_id',
      'customer_id',
      'created_at',
      'channel',
      'payment_method',
      'status',
      'item_count',
      'subtotal',
      'discount',
      'total',
      'promised_at',
      'delivered_at',
      'campaign_id',
    ]);
    // Nullable cells are empty in CSV and null in Parquet.
    const undelivered = records.findIndex((r) => r.status !== 'completed');
    expect(records[undelivered].delivered_at).toBe('');

    const pq = await app.exportSelected('Parquet');
    expect(pq.name).toMatch(/^baseline_\d{8}T\d{6}Z_orders\.parquet$/);
    const ab = pq.bytes.buffer.slice(pq.bytes.byteOffset, pq.bytes.byteOffset + pq.bytes.byteLength) as ArrayBuffer;
    const pqRows = await parquetReadObjects({ file: ab, compressors });
    expect(pqRows.length).toBe(rows);
    expect(Number(pqRows[rows - 1].total)).toBeCloseTo(Number(records[rows - 1].total), 2);
    expect(pqRows[undelivered].delivered_at).toBeNull();

    const zip = await app.download(() => page.getByRole('button', { name: 'Export all (zip)' }).click());
    const entries = unzipSync(new Uint8Array(zip.bytes));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']));
    expect(Object.keys(entries)).toContain('scenario.json');
    expect(manifest.tables.map((t: { table: string }) => t.table)).toEqual([...COMMERCE_TABLES]);

    // The CLI, given the scenario the browser ran, writes the same bytes.
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const scenarioFile = join(dir, 'scenario.json');
    const scenario = strFromU8(entries['scenario.json']);
    writeFileSync(scenarioFile, scenario);
    for (const format of ['csv', 'parquet'] as const) {
      execFileSync('npx', ['tsx', 'src/cli/main.ts', '--scenario', scenarioFile, '--tables', 'orders', '--format', format, '--out', join(dir, format), '--quiet']);
      const cli = JSON.parse(readFileSync(join(dir, format, 'manifest.json'), 'utf8'));
      expect(cli.tables[0].rows).toBe(rows);
      expect(cli.tables[0].sha256, `${format} sha256`).toBe(format === 'csv' ? csv.sha256 : pq.sha256);
    }
  });

  test('reload keeps the scenario; undo and redo step through edits', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await app.freshBaseline();
    await app.setNumber('Seed', 5);
    await app.setNumber('Days', 12);
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+z');
    await expect(app.field('Days')).toHaveValue('3');
    await expect(app.field('Seed')).toHaveValue('5');
    await page.keyboard.press('Control+z');
    await expect(app.field('Seed')).toHaveValue('1');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect(app.field('Days')).toHaveValue('12');
    await expect(app.field('Seed')).toHaveValue('5');
    // Typing a number key by key is one undo step, not one per key.
    await app.field('Days').fill('');
    await page.waitForTimeout(500);
    await app.field('Days').pressSequentially('45', { delay: 120 });
    await expect(app.field('Days')).toHaveValue('45');
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+z');
    await expect(app.field('Days')).toHaveValue('12');
    await app.setNumber('Seed', 4242);
    await page.reload();
    await expect(app.field('Seed')).toHaveValue('4242');
    await expect(app.field('Days')).toHaveValue('12');
  });

  test('bad input: numbered errors beside the field, Run held back, a bad file changes nothing', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await app.freshBaseline();
    await app.setNumber('Days', 0);
    await expect(page.getByText('E103').first()).toBeVisible();
    await expect(page.getByText('days must be at least 1')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
    // A huge calendar answers at once (the event track once drew a tick for every 60 days of it and froze the tab).
    await app.setNumber('Days', 1e9);
    await expect(page.getByText('days must be at most 3,660')).toBeVisible({ timeout: 2000 });
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await app.setNumber('Days', 0);
    // A share that is not one (150%) keeps the mix as it was and counts as a problem: Run stays held.
    const genZ = page.getByLabel('Cohort mix: Gen Z %');
    const share = await genZ.inputValue();
    await genZ.fill('150');
    await expect(page.getByRole('status').filter({ hasText: '2 problems to fix' })).toBeVisible();
    // Said under the box, as every field says it, with the share the mix keeps.
    await expect(page.getByText(`Gen Z: a share is a number from 0 to 100; the mix keeps ${share}% until then`)).toBeVisible();
    // Show (beside the status line) brings the first field with a problem (Days, at the top) into view, cursor in it.
    await page.locator('.sidebar').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(app.field('Days')).toBeFocused();
    await expect(app.field('Days')).toBeInViewport();
    await genZ.fill('');
    await expect(page.getByRole('status').filter({ hasText: '2 problems to fix' })).toBeVisible();
    await genZ.fill(share);
    await expect(page.getByText('a share is a number from 0 to 100')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '1 problem to fix' })).toBeVisible();
    // Typed key by key, 200 applies 2 and 20 on the way, each rebalancing the others: the refusal puts the whole mix back.
    const others = ['Millennials', 'Gen X', 'Boomers'].map((c) => page.getByLabel(`Cohort mix: ${c} %`));
    const before = await Promise.all(others.map((o) => o.inputValue()));
    await genZ.fill('');
    await genZ.pressSequentially('200');
    await expect(page.getByText(`Gen Z: a share is a number from 0 to 100; the mix keeps ${share}% until then`)).toBeVisible();
    await expect(genZ).toHaveValue('200');
    for (const [k, o] of others.entries()) await expect(o).toHaveValue(before[k]);
    await genZ.fill(share);
    await expect(page.getByRole('status').filter({ hasText: '1 problem to fix' })).toBeVisible();
    await app.setNumber('Orders per day', -5);
    await expect(page.getByText('orders per day must be at least 0')).toBeVisible();
    await app.shot('errors');
    // What was typed stays in the boxes.
    await expect(app.field('Days')).toHaveValue('0');
    await expect(app.field('Orders per day')).toHaveValue('-5');

    await page.getByLabel('Scenario file to import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 9}') });
    await expect(page.getByText(/E106/)).toBeVisible();
    await expect(page.getByText('broken.json was not loaded; your scenario is unchanged.')).toBeVisible();
    // A file missing a section: the message names it.
    await page.getByLabel('Scenario file to import').setInputFiles({ name: 'partial.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 4, name: 'x', seed: 1 })) });
    await expect(page.locator('#import-err')).toContainText('volumes: is missing (a section of fields { … } expected)');
    await expect(app.field('Days')).toHaveValue('0');

    // A run too big for a tab is held back up front: Run is off and says why and what to do instead.
    await app.setNumber('Days', 3000);
    await app.setNumber('Orders per day', 2600);
    const runButton = page.getByRole('button', { name: 'Run', exact: true });
    await expect(runButton).toBeDisabled();
    await expect(runButton).toHaveAttribute('title', /Run will refuse it \(E107\)\. Write to disk, under the editor, streams it in parts/);
    // Asked anyway (Ctrl+Enter), it is refused with the estimate, before any work, and the same advice
    // (once the edit's preview is in: a fresh preview clears a failed run's line).
    await expect(page.locator('[data-shown-fresh]')).toBeVisible();
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('#run-issues')).toContainText(/needs about \d+(\.\d)? GiB/);
    await expect(page.locator('#run-issues')).toContainText('use Write to disk (under the editor), which streams it in parts');
    await expect(page.getByRole('status').filter({ hasText: 'Run failed' })).toBeVisible();
    // A day too large for a part of its own: Write to disk cannot help either, and the advice says so.
    await app.setNumber('Days', 365);
    await app.setNumber('Orders per day', 10_000_000);
    await expect(runButton).toHaveAttribute('title', /Write to disk cannot cut it into parts small enough either/);
    await app.shot('too-large');
    // Fixed: the fresh preview says where things stand; the failed run's line goes with its message.
    await app.setNumber('Orders per day', 2500);
    await expect(page.locator('#run-issues')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^(Preview shown|Done:)/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Run failed' })).toHaveCount(0);
    // A file whose template is not one of ours loads (every setting is in it) and says so.
    const custom = { ...buildTemplate('baseline'), template: 'black_friday' };
    await page.getByLabel('Scenario file to import').setInputFiles({ name: 'bf.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(custom)) });
    await expect(page.getByText('its template "black_friday" is not one of ours')).toBeVisible();
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue('');
  });

  test('an empty box holds Run back (not the value it had), and a preview the tab cannot hold says so', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline();
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeEnabled();
    await app.field('Days').fill('');
    await expect(page.getByText('days must be a number')).toBeVisible();
    await expect(run).toBeDisabled();
    await expect(page.getByRole('status').filter({ hasText: '1 problem to fix' })).toBeVisible();
    // No size is estimated from a value that is not one.
    await expect(page.getByText('Size: shown when nothing is left to fix.')).toBeVisible();
    await expect(page.getByText(/^≈ .* in memory/)).toHaveCount(0);
    // Ctrl+Enter is held back too: nothing runs.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status').filter({ hasText: /Done:|Running/ })).toHaveCount(0);
    await app.setNumber('Days', 4);
    await expect(run).toBeEnabled();
    await expect(page.getByText(/^≈ .* in memory/)).toBeVisible();

    // 4,000,000 orders a day: not even the first day fits the tab, so no preview. The views keep the last one and say so.
    await app.setNumber('Days', 30);
    await app.setNumber('Orders per day', 4_000_000);
    await expect(page.getByRole('alert').filter({ hasText: 'No preview of the latest edit' })).toContainText('E107');
    await expect(page.getByRole('status').filter({ hasText: 'No preview: E107' })).toBeVisible();
    // Nor can Write to disk cut it small enough: its button waits, and says why.
    await expect(page.getByRole('button', { name: 'Write to disk' })).toBeDisabled();
    await expect(page.getByText('This run is too large for this tab, even in parts: see the size under Volumes.')).toBeVisible();
    await app.shot('no-preview');
    await app.setNumber('Orders per day', 400);
    await expect(page.getByText('No preview of the latest edit')).toHaveCount(0);
    // (Auto-run may follow the fresh preview with a full run: either says where things stand.)
    await expect(page.getByRole('status').filter({ hasText: /^(Preview shown|Done:)/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'No preview' })).toHaveCount(0);
  });
});
