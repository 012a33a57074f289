import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { smallScenario } from '../testing';
import { distribution, timeSeries } from './distribution';

const run = generate(smallScenario(8));
const total = (d: { series: { counts: number[] }[] }) => d.series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0);

describe('distributions, binned in the worker', () => {
  it('a histogram counts every row once, whatever the split', () => {
    const plain = distribution(run.tables, { table: 'orders', column: 'total' });
    const byCohort = distribution(run.tables, { table: 'orders', column: 'total', splitBy: 'cohort' });
    const orders = run.tables.find((t) => t.name === 'orders')!;
    expect(plain.kind).toBe('histogram');
    expect(total(plain)).toBe(orders.rowCount);
    expect(total(byCohort)).toBe(orders.rowCount);
    expect(byCohort.series.map((s) => s.name).sort()).toEqual(['boomers', 'gen_x', 'gen_z', 'millennials']);
    // Splitting moves rows between series, never between bins.
    plain.series[0].counts.forEach((c, i) => expect(byCohort.series.reduce((n, s) => n + s.counts[i], 0)).toBe(c));
  });

  it('a categorical column counts its values; nulls are left out', () => {
    const d = distribution(run.tables, { table: 'orders', column: 'channel', splitBy: 'status' });
    expect(d.kind).toBe('categories');
    expect(total(d)).toBe(run.tables.find((t) => t.name === 'orders')!.rowCount);
    const delivered = distribution(run.tables, { table: 'orders', column: 'delivered_at' });
    const completed = distribution(run.tables, { table: 'orders', column: 'status' });
    expect(total(delivered)).toBe(completed.series[0].counts[completed.labels.indexOf('completed')]);
  });

  it('a time series of row counts per day adds up to the table; sums add up to the column', () => {
    const orders = run.tables.find((t) => t.name === 'orders')!;
    const perDay = timeSeries(run.tables, { table: 'orders', timeColumn: 'created_at', bucket: 'day' });
    expect(perDay).toHaveLength(run.scenario.calendar.days);
    expect(perDay.reduce((n, p) => n + p.value, 0)).toBe(orders.rowCount);
    const revenue = timeSeries(run.tables, { table: 'orders', timeColumn: 'created_at', valueColumn: 'total', bucket: 'hour' });
    const col = orders.columns.find((c) => c.name === 'total') as { values: Float64Array };
    const sum = col.values.reduce((a, b) => a + b, 0) / 100;
    expect(revenue.reduce((n, p) => n + p.value, 0)).toBeCloseTo(sum, 0);
  });
});
