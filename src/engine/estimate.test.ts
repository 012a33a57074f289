import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// E107 refuses runs by the memory estimate the module records add up; calibrated here
// against what a run really holds: each case in a fresh process (bench/memory.ts), the
// heap and buffers its tables and their CSV take after a full collection (peak RSS also
// counts uncollected garbage, which varies with how busy the machine is). Sizes are large
// enough (≥ 100 MB) that the data is what is measured.
const FIVE_ON_ORDERS = [
  { table: 'orders', name: 'score', kind: 'distribution', family: 'normal', params: { mean: 50, sd: 12 }, decimals: 1, by: 'customer.cohort', groups: { gen_z: { mean: 40 } } },
  { table: 'orders', name: 'courier', kind: 'mix', mix: { ups: 45, fedex: 35, usps: 20 } },
  { table: 'orders', name: 'box_colour', kind: 'words', words: 'colour' },
  { table: 'orders', name: 'tracking_code', kind: 'pattern', pattern: '1Z###*****######' },
  { table: 'orders', name: 'fee', kind: 'expression', expression: 'subtotal >= 50 ? 0 : 4.99' },
];

const CASES = [
  ['baseline', 'volumes.ordersPerDay=20000', 'calendar.days=15'],
  ['flash_sale', 'volumes.ordersPerDay=30000'],
  ['churn_feature_store', 'lifecycle.signupsPerDay=2000'],
  ['jaffle_shop', 'jaffle.customersPerRun=60000'],
  ['inventory_retail'],
  // A year of a larger catalog: on-change snapshot rows grow with the order lines, not with positions × weeks.
  ['inventory_retail', 'volumes.products=5000', 'calendar.days=365'],
  // Custom columns on orders count at the orders' rows, not at those of every table the orders module makes.
  ['baseline', 'volumes.ordersPerDay=20000', 'calendar.days=15', `customColumns=${JSON.stringify(FIVE_ON_ORDERS)}`],
];

describe('the memory estimate is within ±30% of the memory a run takes', () => {
  it.each(CASES.map((c) => [c.map((a) => (a.startsWith('customColumns=') ? 'five custom columns on orders' : a)).join(' '), c] as const))('%s', (_, args) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/memory.ts', ...args], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { estimate, added } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { estimate: number; added: number };
    // Large enough that the ratio means something (held memory after a collection varies by ~15% between runs).
    expect(added).toBeGreaterThan(64 * 2 ** 20);
    expect(estimate / added).toBeGreaterThan(0.7);
    expect(estimate / added).toBeLessThan(1.3);
  });
});
