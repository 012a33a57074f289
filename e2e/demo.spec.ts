import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './app';

test.use({ viewport: { width: 1280, height: 800 } });

const require = createRequire(import.meta.url);

/** axe-core's serious and critical findings on the page as it is now (axe injected on first use). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length}): ${(v.nodes as { target: string[] }[]).slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found;
}

test.describe('a demo on a 1280×800 laptop', () => {
  test('the status is never clipped; every tab is on screen; charts download with their axes', async ({ page }) => {
    const app = new DesignerPage(page);
    await app.freshTemplate('flash_sale');
    await app.setNumber('Orders per day', 800);
    await app.run();
    const status = page.getByRole('status').filter({ hasText: /Done:/ });
    // The whole text shows: nothing cut by an ellipsis or overflow.
    expect(await status.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().width > 150)).toBe(true);
    for (const tab of await page.getByRole('tab').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width, await tab.innerText()).toBeLessThanOrEqual(1280);
    }
    for (const [tab, button] of [
      ['Time curve', /as SVG$/],
      ['Elasticity', /as SVG$/],
    ] as const) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      const svg = await app.download(() => page.getByRole('button', { name: button }).first().click());
      const text = svg.bytes.toString('utf8');
      expect(svg.bytes.length, tab).toBeGreaterThan(5000);
      expect(text, tab).toContain('recharts-cartesian-axis');
    }
    await page.getByRole('tab', { name: 'Compare', exact: true }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const compare = await app.download(() => page.getByRole('button', { name: /as SVG$/ }).first().click());
    expect(compare.bytes.length).toBeGreaterThan(5000);
    expect(compare.bytes.toString('utf8')).toContain('recharts-cartesian-axis');
    await app.shot('demo-1280');
  });

  test('axe-core finds no serious or critical problem on the start page and on each result tab', async ({ browser }) => {
    // axe is injected as a script: the page's CSP (rightly) forbids that, so this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const app = new DesignerPage(page);
    await app.freshBaseline(3, 300, 1500);
    await app.run();
    const problems: string[] = (await accessibilityProblems(page)).map((p) => `start: ${p}`);
    for (const tab of await page.getByRole('tab').allInnerTexts()) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForTimeout(400);
      problems.push(...(await accessibilityProblems(page)).map((p) => `${tab}: ${p}`));
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
