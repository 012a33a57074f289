import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Scenario } from '../src/engine/scenario/schema';
import { millionOrderBaseline } from './scenario';

const PORT = 4181;

let built = false;

/** Runs a scenario (the million-order baseline unless given) in the built app and reads long tasks from a PerformanceObserver. */
export async function measureBrowserRun(scenario: Scenario = millionOrderBaseline()): Promise<{ runMs: number; longestTaskMs: number; longTasks: number }> {
  if (!built) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  built = true;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await waitForServer(page, `http://127.0.0.1:${PORT}/`);
    await page.evaluate((s) => localStorage.setItem('scenario-designer/scenario', JSON.stringify({ state: { scenario: s }, version: 0 })), scenario);
    await page.reload();
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Done:/ }).waitFor({ timeout: 120_000 });
    const runMs = Date.now() - t0;
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return { runMs, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length };
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}

async function waitForServer(page: import('@playwright/test').Page, url: string): Promise<void> {
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
