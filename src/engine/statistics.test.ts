import { describe, expect, it } from 'vitest';
import { generate } from './generate';
import { buildTemplate } from './scenario/templates';
import { smallScenario } from './testing';
import type { DataTable } from './table';
import { MS_PER_DAY, MS_PER_HOUR, weekday } from './time';

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i * 37);
const dictCol = (t: DataTable, name: string) => t.columns.find((c) => c.name === name) as { indices: Int32Array; dictionary: readonly string[] };
const numCol = (t: DataTable, name: string) => (t.columns.find((c) => c.name === name) as { values: Float64Array | Int32Array }).values;

describe('cohorts (property over 20 seeds)', () => {
  it('each cohort share lands within ±1.5 points over 10,000 customers', () => {
    const template = buildTemplate('baseline');
    for (const seed of SEEDS) {
      const customers = generate({ ...template, seed, tables: ['customers'] }).tables[0];
      expect(customers.rowCount).toBe(10_000);
      const cohort = dictCol(customers, 'cohort');
      const counts = new Array(cohort.dictionary.length).fill(0);
      for (const c of cohort.indices) counts[c]++;
      template.cohorts.forEach((c, i) => {
        expect(Math.abs((counts[i] / customers.rowCount) * 100 - c.share), `seed ${seed} ${c.id}`).toBeLessThanOrEqual(1.5);
      });
    }
  });

  it("an order's channel and payment follow its customer's cohort mix (±4 points, 20 seeds)", () => {
    for (const seed of SEEDS) {
      // ~12,000 orders: at least ~1,400 per cohort, so 4 points is over 4 standard errors.
      const base = smallScenario(seed);
      const s = { ...base, volumes: { ...base.volumes, ordersPerDay: 2_000 } };
      const { tables } = generate(s);
      const customers = tables.find((t) => t.name === 'customers')!;
      const orders = tables.find((t) => t.name === 'orders')!;
      const cohort = dictCol(customers, 'cohort').indices;
      const custId = numCol(orders, 'customer_id');
      for (const [column, kind] of [['channel', 'channel'], ['payment_method', 'payment']] as const) {
        const col = dictCol(orders, column);
        s.cohorts.forEach((c, ci) => {
          let n = 0;
          const counts = new Map<string, number>();
          for (let i = 0; i < orders.rowCount; i++) {
            if (cohort[custId[i] - 1] !== ci) continue;
            n++;
            const v = col.dictionary[col.indices[i]];
            counts.set(v, (counts.get(v) ?? 0) + 1);
          }
          expect(n).toBeGreaterThan(1_000);
          for (const [option, pct] of Object.entries(c.mixes[kind])) {
            expect(Math.abs(((counts.get(option) ?? 0) / n) * 100 - pct), `seed ${seed} ${c.id} ${column}=${option} n=${n}`).toBeLessThanOrEqual(4);
          }
          // Options outside the cohort's mix never appear.
          for (const option of counts.keys()) expect(Object.keys(c.mixes[kind])).toContain(option);
        });
      }
    }
  });
});

describe('traffic shape (property over 20 seeds)', () => {
  it('the lunch and evening peaks beat the small hours; weekends beat weekdays', () => {
    for (const seed of SEEDS) {
      const s = smallScenario(seed, {});
      const orders = generate({ ...s, calendar: { ...s.calendar, days: 14 }, tables: ['orders'] }).tables[0];
      const created = numCol(orders, 'created_at');
      const byHour = new Array(24).fill(0);
      const byWeekday = new Array(7).fill(0);
      for (const ms of created) {
        byHour[Math.floor((ms % MS_PER_DAY) / MS_PER_HOUR)]++;
        byWeekday[weekday(Math.floor(ms / MS_PER_DAY))]++;
      }
      const night = byHour[2] + byHour[3] + byHour[4];
      const evening = byHour[19] + byHour[20] + byHour[21];
      expect(evening, `seed ${seed}`).toBeGreaterThan(night * 3);
      const weekdayMean = (byWeekday[0] + byWeekday[1] + byWeekday[2] + byWeekday[3]) / 4;
      expect(byWeekday[5], `seed ${seed} saturday`).toBeGreaterThan(weekdayMean);
    }
  });

  it('orders per day average the configured volume within ±3%', () => {
    for (const seed of SEEDS) {
      const s = smallScenario(seed, {});
      const orders = generate({ ...s, calendar: { ...s.calendar, days: 28 }, tables: ['orders'] }).tables[0];
      expect(Math.abs(orders.rowCount / 28 / s.volumes.ordersPerDay - 1), `seed ${seed}`).toBeLessThanOrEqual(0.03);
    }
  });
});

describe('prices', () => {
  it('are log-normal: each category median within ±12% of its target and log-prices symmetric (20 seeds)', () => {
    for (const seed of SEEDS) {
      const s = smallScenario(seed, { volumes: { customers: 10, ordersPerDay: 0, suppliers: 10, products: 6_000 } });
      const products = generate({ ...s, tables: ['products'] }).tables[0];
      const cat = dictCol(products, 'category');
      const price = numCol(products, 'price');
      cat.dictionary.forEach((name, ci) => {
        const logs: number[] = [];
        for (let i = 0; i < products.rowCount; i++) if (cat.indices[i] === ci) logs.push(Math.log(price[i] / 100));
        if (logs.length < 200) return;
        logs.sort((a, b) => a - b);
        const median = Math.exp(logs[Math.floor(logs.length / 2)]);
        const target = s.catalog.categories[name].medianPrice;
        if (target < 20) return; // .99 rounding dominates cheap goods
        expect(Math.abs(median / target - 1), `seed ${seed} ${name}`).toBeLessThanOrEqual(0.12);
        const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
        const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
        expect(Math.abs(sd - s.catalog.priceSigma), `seed ${seed} ${name} σ`).toBeLessThanOrEqual(0.08);
      });
    }
  });
});
