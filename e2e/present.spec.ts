import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DesignerPage } from './app';

test('presentation: slides by keyboard, one self-contained HTML that opens offline with its charts, charts as SVG and PNG', async ({ page, browser }) => {
  const app = new DesignerPage(page);
  await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Template', { exact: true }).selectOption('payment_outage');
  await app.setNumber('Orders per day', 1500);
  await app.run();

  await page.getByRole('tab', { name: 'Time curve' }).click();
  const svg = await app.download(() => page.getByRole('button', { name: /as SVG$/ }).click());
  expect(svg.name).toMatch(/time-curve-orders\.svg$/);
  expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const png = await app.download(() => page.getByRole('button', { name: /as PNG$/ }).click());
  expect([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation' });
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Payment outage');
  await app.shot('present-title');
  // A modal: focus starts in the deck and Tab never reaches the page behind it (past the deck's
  // last button it goes to the browser's own controls, the body here, then back into the deck).
  const focusIn = () => page.evaluate(() => (document.activeElement?.closest('dialog[aria-label="Presentation"]') ? 'deck' : document.activeElement === document.body ? 'browser' : document.activeElement?.outerHTML.slice(0, 80)));
  expect(await focusIn()).toBe('deck');
  // On the first slide the focus starts on Next (Previous does nothing yet).
  await expect(deck.getByRole('button', { name: 'Next slide' })).toBeFocused();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(['deck', 'browser']).toContain(await focusIn());
  }
  await page.keyboard.press('ArrowRight');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Orders over time: expected and generated');
  await expect(deck.locator('.recharts-line-curve').first()).toBeVisible();
  await app.shot('present-curve');
  // Space presses the focused button (Previous here); it does not turn the page on.
  const previous = deck.getByRole('button', { name: 'Previous slide' });
  await previous.focus();
  await page.keyboard.press('Space');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Payment outage');
  // On the first slide Previous is marked disabled, not made so: the focus stays on it.
  await expect(previous).toHaveAttribute('aria-disabled', 'true');
  await expect(previous).toBeFocused();

  const html = await app.download(() => deck.getByRole('button', { name: 'Download as HTML' }).click());
  expect(html.name).toBe('payment_outage_presentation.html');
  const text = html.bytes.toString('utf8');
  expect(text).not.toMatch(/<script/);

  // Offline, from disk, no server: the slides and their charts are all there.
  const offline = await browser.newContext({ offline: true });
  const view = await offline.newPage();
  const path = test.info().outputPath('deck.html');
  writeFileSync(path, html.bytes);
  await view.goto(`file://${path}`);
  await expect(view.getByRole('heading', { level: 1 })).toHaveCount(await view.locator('section.slide').count());
  expect(await view.locator('section.slide').count()).toBeGreaterThanOrEqual(4);
  await expect(view.locator('svg .recharts-line-curve').first()).toBeVisible();
  await view.screenshot({ path: 'e2e/.artifacts/screens/present-offline.png', fullPage: false });
  await offline.close();
  expect(readFileSync(path).length).toBe(html.bytes.length);

  await page.keyboard.press('Escape');
  await expect(deck).toBeHidden();
  // Focus goes back to where it was.
  await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
});

test("the story's own effects get slides: a flash sale's price response, with the legend and day ticks on the time curve", async ({ page }) => {
  const app = new DesignerPage(page);
  await app.freshTemplate('flash_sale');
  await app.setNumber('Orders per day', 1500);
  await app.run();
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByRole('dialog', { name: 'Presentation' });
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Flash sale');
  await deck.getByRole('button', { name: 'Next slide' }).click();
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('Orders over time: expected and generated');
  await expect(deck.getByText('expected (the plan)')).toBeVisible();
  // One tick a day, each date once.
  const ticks = await deck.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(5);
  expect(new Set(ticks).size).toBe(ticks.length);
  const next = deck.getByRole('button', { name: 'Next slide' });
  while (!(await next.isDisabled()) && (await deck.getByRole('heading', { level: 1 }).innerText()) !== 'How each cohort answers a discount') await next.click();
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText('How each cohort answers a discount');
  await expect(deck.getByRole('table', { name: 'Price elasticity estimates' }).getByRole('row')).toHaveCount(5);
  await app.shot('present-price');
});
