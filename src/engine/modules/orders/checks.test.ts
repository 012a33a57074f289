import { describe, expect, it } from 'vitest';
import { conformanceReport } from '../../analysis/conformance';
import { generate } from '../../generate';
import { buildTemplate } from '../../scenario/templates';
import { column, textAt } from '../../table';

// The channel shares by cohort are counted in one pass over the orders; here they are counted
// again row by row, through each order's customer and the channel's text.
describe('orders by channel, per cohort', () => {
  it.each([3, 11])('measures each cohort’s share of each channel as a plain recount does (seed %i)', (seed) => {
    const run = generate({ ...buildTemplate('customer_segments'), seed });
    const orders = run.tables.find((t) => t.name === 'orders')!;
    const customers = run.tables.find((t) => t.name === 'customers')!;
    const cust = column(orders, 'customer_id');
    const cohort = column(customers, 'cohort');
    const channel = column(orders, 'channel');
    if (cust.type !== 'int32' || cohort.type !== 'dict' || channel.type !== 'dict') throw new Error('unexpected column types');
    const rows = conformanceReport(run).filter((r) => r.target.includes(' orders by channel: '));
    expect(rows.length).toBeGreaterThan(0);
    for (const c of run.scenario.cohorts) {
      let n = 0;
      const counts = new Map<string, number>();
      for (let r = 0; r < orders.rowCount; r++) {
        if (textAt(cohort, cust.values[r] - 1) !== c.id) continue;
        n++;
        const k = textAt(channel, r);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      for (const k of Object.keys(c.mixes.channel)) {
        const row = rows.find((x) => x.target === `${c.label} orders by channel: ${k}`)!;
        expect(row.measured, `${c.id} ${k}`).toBeCloseTo((100 * (counts.get(k) ?? 0)) / n, 10);
      }
    }
  });
});
