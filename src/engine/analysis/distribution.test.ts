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
    // How many values there are, (other) included: emails are one a customer.
    const customers = run.tables.find((t) => t.name === 'customers')!;
    const emails = distribution(run.tables, { table: 'customers', column: 'email' });
    expect(emails.distinct).toBe(customers.rowCount);
    expect(emails.labels.at(-1)).toBe('(other)');
    expect(completed.distinct).toBe(completed.labels.length);
  });

  it('true/false columns count as true and false (as the grid and Summary show them), as values and as a split', () => {
    const flags = Uint8Array.from({ length: 10 }, (_, i) => (i < 3 ? 1 : 0));
    const t = { name: 'flags', rowCount: 10, columns: [{ name: 'flag', type: 'bool' as const, values: flags }, { name: 'n', type: 'int32' as const, values: Int32Array.from({ length: 10 }, (_, i) => i) }] };
    const d = distribution([t], { table: 'flags', column: 'flag' });
    expect(d.labels).toEqual(['false', 'true']);
    expect(d.series[0].counts).toEqual([7, 3]);
    expect(distribution([t], { table: 'flags', column: 'n', splitBy: 'flag' }).series.map((s) => s.name)).toEqual(['false', 'true']);
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

describe('histogram bins a reader can use', () => {
  const table = (values: number[]) => [{ name: 't', rowCount: values.length, columns: [{ name: 'v', type: 'fixed' as const, scale: 2, values: Float64Array.from(values, (v) => Math.round(v * 100)) }] }];
  it('a long right tail goes into one open-ended last bin; edges are round; every value is counted once', () => {
    // 10,000 values from 1 to 100, and 20 outliers up to 5,000.
    const values = [...Array.from({ length: 10_000 }, (_, i) => 1 + (i % 100)), ...Array.from({ length: 20 }, (_, i) => 1000 + i * 200)];
    const d = distribution(table(values), { table: 't', column: 'v' });
    expect(d.openEnded).toBe(true);
    const counts = d.series[0].counts;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    const lastEdge = d.edges[d.edges.length - 1];
    expect(counts[counts.length - 1]).toBe(values.filter((v) => v >= lastEdge).length);
    expect(lastEdge).toBeLessThan(200);
    const step = d.edges[1] - d.edges[0];
    expect([1, 2, 2.5, 5].some((m) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - m) < 1e-9)).toBe(true);
    for (const e of d.edges) expect(Math.abs(e / step - Math.round(e / step))).toBeLessThan(1e-9);
  });
  it('without a long tail the last bin is an ordinary one', () => {
    const d = distribution(table(Array.from({ length: 5000 }, (_, i) => (i % 997) / 3)), { table: 't', column: 'v' });
    expect(d.openEnded).toBe(false);
    expect(d.series[0].counts.reduce((a, b) => a + b, 0)).toBe(5000);
  });
});
