import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { Scenario } from '../src/engine/scenario/schema';
import { millionOrderBaseline } from './scenario';

const PORT = 4181;

let built = false;

/**
 * Builds the app once, serves it, and hands a fresh page (1280×800 unless told) to `use`.
 * `profile`: a browser profile folder on disk (in a fresh incognito context the
 * origin-private file system lives in memory, which would blur a run written to disk).
 */
export async function withApp<T>(use: (page: Page) => Promise<T>, viewport = { width: 1280, height: 800 }, profile?: string): Promise<T> {
  if (!built) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  built = true;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  const options = { executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };
  const browser = profile ? await chromium.launchPersistentContext(profile, { ...options, viewport }) : await chromium.launch(options);
  try {
    const page = await browser.newPage(profile ? {} : { viewport });
    // tsx names arrow functions with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await waitForServer(page, `http://127.0.0.1:${PORT}/`);
    return await use(page);
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}

/**
 * Opens the app on a scenario (through the autosave), with long tasks recorded from then on
 * and auto-run off; `workers`: the page's part workers (`?workers=N`), else its default.
 */
export async function openScenario(page: Page, scenario: Scenario, workers?: number): Promise<void> {
  await page.evaluate((s) => localStorage.setItem('scenario-designer/scenario', JSON.stringify({ state: { scenario: s }, version: 0 })), scenario);
  await page.goto(workers ? `http://127.0.0.1:${PORT}/?workers=${workers}` : `http://127.0.0.1:${PORT}/`);
  await page.locator('[data-shown-seq]').waitFor({ timeout: 60_000 });
  const auto = page.getByRole('checkbox', { name: 'Auto-run' });
  await auto.setChecked(true);
  await auto.setChecked(false);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

/** Runs a scenario (the million-order baseline unless given) in the built app and reads long tasks from a PerformanceObserver. */
export function measureBrowserRun(scenario: Scenario = millionOrderBaseline(), workers?: number): Promise<{ runMs: number; status: string; longestTaskMs: number; longTasks: number; grid: { rows: number; firstRenderMs: number; longestTaskMs: number } }> {
  return withApp(async (page) => {
    await openScenario(page, scenario, workers);
    await page.waitForTimeout(300);
    await longTasks(page);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: /Done:/ });
    await done.waitFor({ timeout: 180_000 });
    const runMs = Date.now() - t0;
    const status = await done.innerText();
    await page.waitForTimeout(500);
    const tasks = await longTasks(page);
    // The grid's first render of its largest table: from the table's button to its first rows painted.
    const picker = page.getByRole('group', { name: 'Table' }).getByRole('button');
    const labels = await picker.allInnerTexts();
    const sizes = labels.map((l) => Number(l.replace(/^\D+/, '').replace(/,/g, '')));
    const biggest = sizes.indexOf(Math.max(...sizes));
    await picker.nth(biggest === 0 ? 1 : 0).click();
    await page.waitForTimeout(500);
    await longTasks(page);
    const g0 = Date.now();
    await picker.nth(biggest).click();
    await page.locator('.grid-row').first().waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const firstRenderMs = Date.now() - g0;
    await page.waitForTimeout(300);
    const gridTasks = await longTasks(page);
    return { runMs, status, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, grid: { rows: sizes[biggest], firstRenderMs, longestTaskMs: Math.max(0, ...gridTasks) } };
  });
}

export interface LiveEditFigures {
  medianMs: number;
  worstMs: number;
  edits: number;
  /** Longest main-thread task over the 20 spaced edits and over a burst of 20 rapid ones. */
  longestTaskMs: number;
  burstLongestTaskMs: number;
  /** From the last edit of the burst to the view showing it. */
  burstSettleMs: number;
}

/**
 * Edit-to-updated-view latency: the seed field is changed (a new preview of everything),
 * and the time runs until the open view (Tables) shows the new preview and has painted.
 */
export function measureLiveEdits(scenario: Scenario, edits = 20): Promise<LiveEditFigures> {
  return withApp(async (page) => {
    await openScenario(page, scenario);
    await page.waitForTimeout(500);
    const editAndWait = (seed: number, settle: boolean) =>
      page.evaluate(
        ({ seed, settle }) =>
          new Promise<number>((resolve) => {
            const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Seed')!;
            const input = document.getElementById(label.htmlFor) as HTMLInputElement;
            const panel = document.querySelector('[data-shown-seq]')!;
            const before = panel.getAttribute('data-shown-seq');
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            const t0 = performance.now();
            setter.call(input, String(seed));
            input.dispatchEvent(new Event('input', { bubbles: true }));
            if (!settle) return resolve(0);
            const check = () => {
              const now = document.querySelector('[data-shown-seq]');
              if (now && now.getAttribute('data-shown-seq') !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
              else requestAnimationFrame(check);
            };
            check();
          }),
        { seed, settle },
      );
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      times.push(await editAndWait(1000 + i, true));
      await page.waitForTimeout(250);
    }
    const spaced = await longTasks(page);
    for (let i = 0; i < 19; i++) {
      await editAndWait(5000 + i, false);
      await page.waitForTimeout(30);
    }
    const settle = await editAndWait(6000, true);
    await page.waitForTimeout(300);
    const burst = await longTasks(page);
    times.sort((a, b) => a - b);
    return {
      medianMs: times[Math.floor(times.length / 2)],
      worstMs: times[times.length - 1],
      edits,
      longestTaskMs: Math.max(0, ...spaced),
      burstLongestTaskMs: Math.max(0, ...burst),
      burstSettleMs: settle,
    };
  });
}

async function waitForServer(page: Page, url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await page.goto(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`preview server did not start at ${url}`);
}
