import { test } from '@playwright/test';
test('look', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('/');
  await page.screenshot({ path: 'tmp/shot-empty.png' });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByText(/Done:/).waitFor();
  await page.screenshot({ path: 'tmp/shot-done.png' });
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.screenshot({ path: 'tmp/shot-summary.png', fullPage: false });
});
