// Screenshots of the app at 1280×800 and 1920×1080 for a look by eye: node scripts/screens.mjs [template] [outdir]
// TABS=Conformance,Tables picks the result tabs; RUN=1 runs the full scenario first.
// Needs the built app served (npm run build && npm run preview).
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const template = process.argv[2] ?? 'baseline';
const out = process.argv[3] ?? 'tmp/screens';
mkdirSync(out, { recursive: true });
const exe = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[1280, 800], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(`http://127.0.0.1:${process.env.PORT ?? 4173}/`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`http://127.0.0.1:${process.env.PORT ?? 4173}/`);
  await page.getByLabel('Template', { exact: true }).selectOption(template);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/${template}-${w}-preview.png` });
  if (process.env.RUN) {
    // RUN=1: the full run first (Conformance and Present judge the full run).
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Done:/ }).first().waitFor({ timeout: 120_000 });
  }
  const tabs = await page.getByRole('tab').allInnerTexts();
  for (const tab of (process.env.TABS ?? '').split(',').filter(Boolean)) {
    if (!tabs.includes(tab)) continue;
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${template}-${w}-${tab.replace(/\W+/g, '_')}.png` });
  }
  await page.close();
}
await browser.close();
