// A run written to disk in the page (Write to disk): time, parts, and the tab's peak memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTemplate } from '../src/engine/scenario/templates';
import { openScenario, withApp } from './browser';

export interface DiskRunFigures {
  orders: number;
  ms: number;
  summary: string;
  /** Largest resident set of a Chromium renderer (the tab and its worker) while writing; null where `ps` cannot tell. */
  peakRendererBytes: number | null;
}

/** The largest resident set of a Chromium renderer process now, in bytes (Linux `ps`). */
function rendererRss(): number | null {
  try {
    const out = execFileSync('ps', ['-eo', 'rss,args'], { encoding: 'utf8' });
    const sizes = out.split('\n').filter((l) => /chrom/i.test(l) && l.includes('--type=renderer')).map((l) => Number(l.trim().split(/\s+/)[0]) * 1024);
    return sizes.length > 0 ? Math.max(...sizes) : null;
  } catch {
    return null;
  }
}

/** Writes the baseline (every table, 30 days) at `orders` orders to disk from the built app. */
export function measureDiskRun(orders: number): Promise<DiskRunFigures> {
  const base = buildTemplate('baseline');
  const scenario = { ...base, seed: 7, volumes: { ...base.volumes, ordersPerDay: Math.ceil(orders / base.calendar.days) } };
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  return withApp(
    async (page) => {
      await openScenario(page, scenario);
      let peak: number | null = null;
      const sampler = setInterval(() => {
        const rss = rendererRss();
        if (rss !== null) peak = Math.max(peak ?? 0, rss);
      }, 500);
      try {
        const t0 = Date.now();
        await page.getByRole('button', { name: 'Write to disk', exact: true }).click();
        const done = page.getByText(/Done: \d+ .* files/);
        await done.waitFor({ timeout: 30 * 60_000 });
        return { orders, ms: Date.now() - t0, summary: await done.innerText(), peakRendererBytes: peak };
      } finally {
        clearInterval(sampler);
      }
    },
    undefined,
    profile,
  ).finally(() => rmSync(profile, { recursive: true, force: true }));
}
