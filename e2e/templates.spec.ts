import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../src/engine/scenario/templates';
import { DesignerPage } from './app';
import { controlsThatApply } from '../src/engine/scenario/applies';

test.describe('templates, events and correlations', () => {
  for (const t of TEMPLATES) {
    test(`open ${t.label} from the gallery, run it, see its events and correlations`, async ({ page }) => {
      const app = new DesignerPage(page);
      await app.open();
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByRole('button', { name: 'Gallery' }).click();
      await expect(page.getByRole('dialog', { name: 'Template gallery' })).toBeVisible();
      if (t.id === 'payment_outage') await app.shot('gallery');
      await page.getByRole('button', { name: `Open ${t.label}`, exact: true }).click();
      await expect(page.getByLabel('Template', { exact: true })).toHaveValue(t.id);
      const events = t.build().events;
      for (const e of events) await expect(page.getByRole('button', { name: new RegExp(`^${e.label}:`) })).toBeVisible();
      // The baseline runs at full size (its correlations need it); the others smaller, for speed.
      // Only the controls that apply are shown (no orders per day beside a jaffle shop).
      const applies = controlsThatApply(t.build());
      if (t.id !== 'baseline') {
        if (applies.ordersPerDay) await app.setNumber('Orders per day', 300);
        else await expect(app.field('Orders per day')).toHaveCount(0);
        if (applies.customers) await app.setNumber('Customers', 2000);
      }
      await app.run();
      if (t.build().jaffle) {
        await page.getByRole('tab', { name: 'Attribution' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'same day as their attribution session' })).toBeVisible();
        return;
      }
      if (t.build().lifecycle) {
        // The churn feature store has no hourly metrics either: its story is churn and survival.
        await expect(page.getByRole('tab', { name: 'Time curve' })).toHaveCount(0);
        await page.getByRole('tab', { name: 'Lifecycle' }).click();
        await expect(page.getByRole('status').filter({ hasText: 'Churn at the label date' })).toBeVisible();
        return;
      }
      if (!t.build().tables.includes('hourly_metrics')) {
        // Weather tenants has no hourly metrics: its story is on the Elasticity tab.
        await page.getByRole('tab', { name: 'Elasticity' }).click();
        await expect(page.getByRole('table', { name: 'Elasticity estimates', exact: true })).toBeVisible();
        return;
      }
      await page.getByRole('tab', { name: 'Time curve' }).click();
      await expect(page.getByRole('img', { name: new RegExp(`with ${events.length} event window`) })).toBeVisible();
      await app.shot(`time-curve-${t.id}`);
      await page.getByRole('tab', { name: 'Correlations' }).click();
      await expect(page.getByRole('table', { name: 'Achieved', exact: true })).toBeVisible();
      await expect(page.getByText('hourly deviations from the expected curve')).toBeVisible();
      if (t.id === 'baseline') {
        const gap = Number((await page.getByText(/largest gap to target/).innerText()).match(/largest gap to target (\d\.\d+)/)![1]);
        expect(gap).toBeLessThanOrEqual(0.05);
        await app.shot('correlations');
        // At full size every declared target of the baseline holds.
        await page.getByRole('tab', { name: 'Conformance' }).click();
        const status = await page.getByRole('status').filter({ hasText: 'declared targets hold' }).innerText();
        const [, held, total] = status.match(/(\d+) of (\d+)/)!;
        expect(Number(total)).toBeGreaterThan(10);
        expect(held).toBe(total);
        await app.shot('conformance');
      }
    });
  }

  test('an edited matrix that is not positive semi-definite shows the warning with both matrices', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.open();
    await page.getByRole('tab', { name: 'Correlations' }).click();
    await page.getByLabel('Target correlation abandonment × orders').fill('0.9');
    const warning = page.getByRole('alert').filter({ hasText: 'Not positive semi-definite' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('table', { name: 'You entered' })).toBeVisible();
    await expect(warning.getByRole('table', { name: 'Nearest valid (used)' })).toBeVisible();
    await app.shot('non-psd');
    await page.keyboard.press('Control+z');
    await expect(warning).toBeHidden();
    // An entry outside −1..1 is refused with a reason, and the target stays.
    const cell = page.getByLabel('Target correlation tickets × orders');
    await cell.fill('1.5');
    await expect(page.getByRole('alert').filter({ hasText: /E101 tickets × orders: 1.5 is not applied; a correlation is a number from −1 to 1/ })).toBeVisible();
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    // Emptied (a number box also reads letters as empty): the message is about what the box holds now.
    await cell.fill('');
    await expect(page.getByRole('alert').filter({ hasText: 'E100 tickets × orders: a correlation is a number from −1 to 1. The target stays 0.85.' })).toBeVisible();
    await expect(page.getByText('1.5 is not applied')).toHaveCount(0);
    await cell.blur();
    await expect(cell).toHaveValue('0.85');
    // Typed key by key, 1.5 applies 1 on the way: the refusal puts back 0.85, not the keystroke's 1.
    await cell.fill('');
    await cell.pressSequentially('1.5');
    await expect(page.getByRole('alert').filter({ hasText: /1.5 is not applied; .* The target stays 0.85\./ })).toBeVisible();
    await expect(page.getByLabel('Target correlation orders × tickets')).toHaveValue('0.85');
    await cell.blur();
    await expect(cell).toHaveValue('0.85');
    await cell.fill('0.8');
    await expect(page.getByRole('alert').filter({ hasText: /E101/ })).toBeHidden();
    await app.shot('correlation-refused');
  });

  test('add an event from the palette, move it with the keyboard, change its discount', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(10, 300, 1000);
    await page.getByRole('button', { name: 'Add Flash sale' }).click();
    const bar = page.getByRole('button', { name: /^Flash sale:/ });
    await expect(bar).toBeVisible();
    const before = await page.getByLabel('Event start (UTC)').inputValue();
    await bar.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByLabel('Event start (UTC)')).not.toHaveValue(before);
    const moved = new Date(`${await page.getByLabel('Event start (UTC)').inputValue()}Z`).getTime() - new Date(`${before}Z`).getTime();
    expect(moved).toBe(24 * 3600 * 1000);
    await app.setNumber('Discount %', 40);
    await expect(page.getByRole('note').filter({ hasText: 'Outside the calendar' })).toHaveCount(0);
    await app.shot('event-editor');
    // Shortening the calendar past the event leaves it outside: said beside it, not an error.
    await app.setNumber('Days', 2);
    await expect(page.getByRole('note').filter({ hasText: /^Outside the calendar \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\): this event changes nothing/ })).toBeVisible();
    await app.setNumber('Days', 10);
    await expect(page.getByRole('note').filter({ hasText: 'Outside the calendar' })).toHaveCount(0);
    // Running past the calendar's end: the hours that change nothing are counted beside it.
    const hours = await page.getByLabel('Duration (hours)').inputValue();
    await app.setNumber('Duration (hours)', 2000);
    await expect(page.getByRole('note').filter({ hasText: /^1,\d{3} of its 2,000 hours fall outside the calendar/ })).toBeVisible();
    await app.setNumber('Duration (hours)', Number(hours));
    await expect(page.getByRole('note').filter({ hasText: 'fall outside the calendar' })).toHaveCount(0);
    await app.run();
    await page.getByRole('tab', { name: 'Time curve' }).click();
    await expect(page.getByRole('img', { name: /with 1 event window/ })).toBeVisible();
    // The keyboard cannot push the event out of the calendar: it stops with its last hour inside.
    await bar.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByLabel('Event start (UTC)')).toHaveValue('2024-03-10T23:00');
    await expect(page.getByRole('note').filter({ hasText: /^Outside the calendar/ })).toHaveCount(0);
    await expect(page.getByRole('note').filter({ hasText: /hours fall outside the calendar/ })).toBeVisible();
  });
  test('a template opened over edits says where they went, and Undo there brings them back', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshBaseline(10, 300, 1000);
    await page.getByLabel('Template', { exact: true }).selectOption('flash_sale');
    const notice = page.getByRole('status').filter({ hasText: 'Opened Flash sale. Your edits to Baseline store are one Undo away.' });
    await expect(notice).toBeVisible();
    await app.shot('replaced-notice');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue('baseline');
    await expect(app.field('Days')).toHaveValue('10');
    // The undo is saved: a reload opens what is on screen, not the template undone.
    await page.reload();
    await expect(page.getByLabel('Template', { exact: true })).toHaveValue('baseline');
    await expect(app.field('Days')).toHaveValue('10');
    // A template opened over a template as built loses nothing: no notice.
    await page.getByLabel('Template', { exact: true }).selectOption('flash_sale');
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Gallery' }).click();
    await page.getByRole('button', { name: 'Open Payment outage' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Opened Payment outage' })).toHaveCount(0);
  });
});
