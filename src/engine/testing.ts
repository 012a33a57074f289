import type { GeneratedRun } from './generate';
import type { Scenario } from './scenario/schema';
import { buildTemplate } from './scenario/templates';
import { numericColumn, type DataTable } from './table';

/** The baseline at a size that runs in milliseconds, for property tests over many seeds. */
export function smallScenario(seed: number, patch: Partial<Scenario> = {}): Scenario {
  const s = buildTemplate('baseline');
  return {
    ...s,
    seed,
    calendar: { ...s.calendar, days: 6 },
    volumes: { ...s.volumes, customers: 2_000, ordersPerDay: 400, products: 300 },
    ...patch,
  };
}

/** A template at a test size: fewer customers and orders, same calendar and events. */
export function sizedTemplate(id: string, seed: number, ordersPerDay: number, customers = 3_000): Scenario {
  const s = buildTemplate(id);
  return { ...s, seed, volumes: { ...s.volumes, ordersPerDay, customers } };
}

export function tableOf(run: GeneratedRun, name: string): DataTable {
  const t = run.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** Numeric values of a column (fixed-point unscaled; NaN where null). */
export const numbers = numericColumn;

/** Text values of a dictionary column. */
export function labels(t: DataTable, name: string): string[] {
  const c = t.columns.find((x) => x.name === name);
  if (!c || c.type !== 'dict') throw new Error(`${t.name}.${name} is not categorical`);
  return Array.from(c.indices, (i) => c.dictionary[i]);
}

/** Runs `check` for each seed and returns the seeds where it failed, with why. */
export function failingSeeds(seeds: readonly number[], check: (seed: number) => string | null): string[] {
  const out: string[] = [];
  for (const seed of seeds) {
    const why = check(seed);
    if (why) out.push(`seed ${seed}: ${why}`);
  }
  return out;
}

export const TWENTY_SEEDS = Array.from({ length: 20 }, (_, i) => 101 + i * 7919);
