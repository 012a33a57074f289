import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './app';

/** The result the views show; it changes when a fresh preview (or run) lands. */
const shownSeq = (page: Page) => page.locator('[data-shown-seq]').getAttribute('data-shown-seq');
/** Waits until the views show the scenario as it is now (the last edit's preview has landed). */
const settled = (page: Page) => expect(page.locator('[data-shown-fresh]')).toBeVisible();

/** Turns auto-run off by choice (its default follows the run's size). */
async function autoRunOff(page: Page) {
  // Any click makes the choice explicit; then make it off.
  const auto = page.getByRole('checkbox', { name: 'Auto-run' });
  await auto.click();
  if (await auto.isChecked()) await auto.click();
  await expect(auto).not.toBeChecked();
}

test.describe('the live designer', () => {
  test('an edit updates the open view from a fresh preview, without pressing Run', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(10, 400, 2000);
    await autoRunOff(page);
    await expect(page.getByRole('status').filter({ hasText: /Showing the preview: the first 1 of 10 days/ })).toBeVisible();
    await settled(page);
    const before = await app.rowCount('Orders');
    const seq = await shownSeq(page);
    await app.setNumber('Orders per day', 1200);
    await expect.poll(() => shownSeq(page)).not.toBe(seq);
    await expect.poll(() => app.rowCount('Orders')).toBeGreaterThan(before * 2);
    // The strip says what the edit did to the headline figures.
    const strip = page.getByRole('region', { name: 'What changed with the last edit' });
    await expect(strip.locator('[data-kpi=orders] .d')).toHaveText(/^\+/);
    await expect(page.getByRole('status').filter({ hasText: /Done:/ })).toHaveCount(0);
    await app.shot('live-preview');
  });

  test("auto-run's default follows the run's size and holds still while editing at that size", async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshTemplate('baseline');
    const auto = page.getByRole('checkbox', { name: 'Auto-run' });
    await expect(auto).toBeChecked();
    for (const opd of [2600, 2700, 2800]) {
      await app.setNumber('Orders per day', opd);
      await settled(page);
      await expect(auto).toBeChecked();
    }
    // Customer segments makes about 2.6 million rows: too many to run after every edit.
    await settled(page);
    await expect(page.getByRole('status').filter({ hasText: /^Done: / })).toBeVisible();
    await page.getByLabel('Template', { exact: true }).selectOption('customer_segments');
    await expect(auto).not.toBeChecked();
    // The baseline's run is now another template's, and says so (no "edit" was made); the strip
    // does not hold customer segments' preview against the baseline's.
    await expect(page.getByRole('status').filter({ hasText: 'Full results are from another template (Baseline store); Run to refresh' }).first()).toBeVisible();
    await settled(page);
    await expect(page.getByRole('region', { name: 'What changed with the last edit' })).toHaveCount(0);
    // Conformance does not show the baseline's targets as this template's.
    await page.getByRole('tab', { name: 'Conformance' }).click();
    await expect(page.getByText('The last full run was of another template (Baseline store): press Run (Ctrl+Enter) to check this one against its targets.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Conformance report' })).toHaveCount(0);
  });

  test('a value with a problem leaves auto-run as it was: it has no size to go by', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline();
    const auto = page.getByRole('checkbox', { name: 'Auto-run' });
    await expect(auto).toBeChecked();
    await app.setNumber('Customers', 1e12);
    await expect(page.getByRole('status').filter({ hasText: '1 problem to fix' })).toBeVisible();
    await expect(auto).toBeChecked();
    await app.setNumber('Customers', 2000);
    await expect(auto).toBeChecked();
  });

  test('a run too large for auto-run says why it waits for Run', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshTemplate('customer_segments');
    await settled(page);
    await expect(page.getByRole('checkbox', { name: 'Auto-run' })).not.toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: 'Preview shown · over 1.5 million rows, so Auto-run waits: Run (Ctrl+Enter) for every day' })).toBeVisible();
    // With older results on the page, the status says both: they are stale, and why Auto-run does not refresh them.
    await app.freshBaseline();
    await app.run();
    await page.getByLabel('Template', { exact: true }).selectOption('customer_segments');
    await expect(page.getByRole('status').filter({ hasText: 'Full results are from another template (Baseline store); Run to refresh · over 1.5 million rows, so Auto-run waits' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Auto-run' })).not.toBeChecked();
  });

  test('the last-edit strip compares previews of as many days only: a preview cut shorter is not read as fewer orders', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(30, 2000, 2000);
    await autoRunOff(page);
    await expect(page.getByRole('status').filter({ hasText: /the first 2 of 30 days/ })).toBeVisible();
    const strip = page.getByRole('region', { name: 'What changed with the last edit' });
    await app.setNumber('Orders per day', 2400);
    await settled(page);
    await expect(strip.locator('[data-kpi=orders] .d')).toHaveText(/^\+/);
    // Another seed draws every number afresh: chance, not an effect, so there is nothing to compare.
    await app.setNumber('Seed', 12345);
    await settled(page);
    await expect(strip).toHaveCount(0);
    await app.setNumber('Orders per day', 2000);
    await settled(page);
    await expect(strip.locator('[data-kpi=orders] .d')).toHaveText(/^−/);
    // Another calendar spreads the volumes over other days: the same first 2 days differ by chance, not by the edit.
    await app.setNumber('Days', 40);
    await expect(page.getByRole('status').filter({ hasText: /the first 2 of 40 days/ })).toBeVisible();
    await settled(page);
    await expect(strip).toHaveCount(0);
    // Five times the orders: the preview now covers one day, so there is nothing like for like to show.
    await app.setNumber('Orders per day', 12000);
    await expect(page.getByRole('status').filter({ hasText: /the first 1 of 40 days/ })).toBeVisible();
    await settled(page);
    await expect(strip).toHaveCount(0);
  });

  test('results are marked stale after an edit, and the marks go after Run', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(3, 300, 1500);
    await autoRunOff(page);
    await app.run();
    await app.setNumber('Seed', 4242);
    await expect(page.getByRole('status').filter({ hasText: 'Full results are from before your last edit; Run to refresh' }).first()).toBeVisible();
    // Edits count as undo steps do: another field is a second one, undo takes it back.
    await app.setNumber('Orders per day', 320);
    await expect(page.getByRole('status').filter({ hasText: 'before your last 2 edits' }).first()).toBeVisible();
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'before your last edit;' }).first()).toBeVisible();
    await page.getByRole('button', { name: /Redo/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'before your last 2 edits' }).first()).toBeVisible();
    await page.getByRole('tab', { name: 'Conformance' }).click();
    await expect(page.getByText(/Full results are from before your last 2 edits/).first()).toBeVisible();
    // Export offers to run first.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const prompt = page.getByRole('alertdialog', { name: /Export: the results are stale/ });
    await expect(prompt).toBeVisible();
    // Focus on its first choice; Escape and a click elsewhere close it, as the ✕ does.
    await expect(page.getByRole('button', { name: 'Run, then export' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(prompt).toHaveCount(0);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('tab', { name: 'Conformance' }).click();
    await expect(prompt).toHaveCount(0);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('button', { name: 'Never mind' }).click();
    await expect(prompt).toHaveCount(0);
    // A scenario Run would refuse: "Run, then export" is held back with why; the older results can still go.
    await app.setNumber('Orders per day', -5);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(prompt.getByText('The scenario has a problem to fix before it can run.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run, then export' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Export the older results' })).toBeFocused();
    await page.keyboard.press('Escape');
    await app.setNumber('Orders per day', 320);
    await app.shot('live-stale');
    await app.run();
    await expect(page.getByText(/before your last/)).toHaveCount(0);
  });

  test("once the edit's full run is in, the strip compares whole runs: an event after the preview's days shows there", async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(10, 400, 2000);
    await settled(page);
    await expect(page.getByRole('status').filter({ hasText: /^Done: / })).toBeVisible();
    const orders = await app.rowCount('Orders');
    await page.getByRole('button', { name: 'Add Flash sale' }).click();
    await expect.poll(() => app.rowCount('Orders')).toBeGreaterThan(orders);
    const strip = page.getByRole('region', { name: 'What changed with the last edit' });
    await expect(strip.getByText('Since the last run · all 10 days')).toBeVisible();
    await expect(strip.locator('[data-kpi=orders] .d')).toHaveText(/^\+/);
    await app.shot('strip-of-runs');
  });

  test('undo restores the previous scenario, its preview and its strip', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(10, 400, 2000);
    await autoRunOff(page);
    await settled(page);
    const strip = page.getByRole('region', { name: 'What changed with the last edit' });
    await app.setNumber('Orders per day', 600);
    await settled(page);
    await expect(strip.locator('[data-kpi=orders] .d')).toHaveText(/^\+/);
    const afterFirst = { text: await strip.innerText(), orders: await app.rowCount('Orders') };
    // A second edit of the same field, past the 0.4 s in which keystrokes join one undo step.
    await page.waitForTimeout(500);
    await app.setNumber('Orders per day', 900);
    await expect.poll(() => app.rowCount('Orders')).toBeGreaterThan(afterFirst.orders);
    await expect.poll(() => strip.innerText()).not.toBe(afterFirst.text);
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect(app.field('Orders per day')).toHaveValue('600');
    await expect.poll(() => app.rowCount('Orders')).toBe(afterFirst.orders);
    await expect.poll(() => strip.innerText()).toBe(afterFirst.text);
  });

  test("a dragged event's preview shows the event at its new place", async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshTemplate('flash_sale');
    await app.setNumber('Customers', 3000);
    await app.setNumber('Orders per day', 600);
    await autoRunOff(page);
    // The preview is the first day; the sale starts on the fifth.
    await settled(page);
    const before = await app.rowCount('Orders');
    const bar = page.getByRole('button', { name: /^Flash sale: 2024-11-29/ });
    await bar.scrollIntoViewIfNeeded();
    // The track zooms to the events; this drag is over the whole calendar.
    const zoom = page.getByRole('checkbox', { name: 'Zoom to the events' });
    await expect(zoom).toBeChecked();
    const zoomedWidth = (await bar.boundingBox())!.width;
    await zoom.uncheck();
    const wholeWidth = (await bar.boundingBox())!.width;
    expect(zoomedWidth).toBeGreaterThan(wholeWidth * 1.5);
    const track = await page.locator('.timeline').boundingBox();
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // Four days left on a seven-day track.
    await page.mouse.move(box.x + box.width / 2 - (track!.width * 4) / 7, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByRole('button', { name: /^Flash sale: 2024-11-25/ })).toBeVisible();
    // The sale's hours are in the first day now: the preview's orders jump.
    await expect.poll(() => app.rowCount('Orders')).toBeGreaterThan(before * 1.3);
    await page.getByRole('tab', { name: 'Time curve' }).click();
    await app.shot('live-dragged');
  });
});

test.describe('the page survives its worker', () => {
  test('a worker that dies mid-run is restarted: E120 says so, the scenario is untouched, previews and Run work again', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(20, 3000, 5000);
    await autoRunOff(page);
    await app.setNumber('Seed', 777);
    await settled(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /Running|Generating|%/ }).first()).toBeVisible();
    // The worker throws an error nothing catches, as a bug or an out-of-memory would end it.
    const worker = page.workers().find((w) => w.url().includes('generator'));
    expect(worker, 'the generator worker is running').toBeTruthy();
    await worker!.evaluate(() => setTimeout(() => {
      throw new Error('simulated crash');
    }, 0));
    await expect(page.getByRole('alert').filter({ hasText: /E120 The generator stopped unexpectedly/ })).toBeVisible();
    // The scenario being edited is as it was.
    await expect(app.field('Seed')).toHaveValue('777');
    await expect(app.field('Orders per day')).toHaveValue('3000');
    // A fresh worker previews the scenario again without an edit, and runs it.
    await settled(page);
    await expect.poll(() => app.rowCount('Orders')).toBeGreaterThan(1000);
    // Charts ask the new worker about its preview: it has one.
    await page.getByRole('tab', { name: 'Distributions' }).click();
    await expect(page.getByRole('tabpanel').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await app.setNumber('Days', 3);
    await app.run();
    await app.shot('worker-restarted');
  });
});
