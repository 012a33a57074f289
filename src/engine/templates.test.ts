import { describe, expect, it } from 'vitest';
import { generate } from './generate';
import { eventWindows, outageWindow } from './model/events';
import { hourlyPlan } from './model/plan';
import { correlationMatrix } from './random/copula';
import { buildTemplate } from './scenario/templates';
import type { Scenario } from './scenario/schema';
import { failingSeeds, labels, numbers, sizedTemplate, tableOf, TWENTY_SEEDS } from './testing';
import { MS_PER_DAY, MS_PER_HOUR } from './time';

// SPEC: a figure must hold for at least 19 of 20 seeds. Each test lists the failing seeds.
const MAY_FAIL = 1;

const window = (s: Scenario) => eventWindows(s)[0];
const sum = (xs: ArrayLike<number>, keep: (i: number) => boolean = () => true) => {
  let t = 0;
  for (let i = 0; i < xs.length; i++) if (keep(i)) t += xs[i];
  return t;
};

describe('baseline: hourly correlations (count ÷ expected), every pair within ±0.05', () => {
  it('holds for 19 of 20 seeds', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = { ...buildTemplate('baseline'), seed, tables: ['hourly_metrics' as const] };
      const hm = tableOf(generate(s), 'hourly_metrics');
      const cols = ['orders', 'support_tickets', 'delivery_delays', 'cart_abandonments'].map((m) => {
        const count = numbers(hm, m);
        const exp = numbers(hm, `expected_${m}`);
        return count.map((c, i) => c / exp[i]);
      });
      const achieved = correlationMatrix(cols);
      const target = s.correlations.matrix;
      for (let a = 0; a < 4; a++) for (let b = 0; b < a; b++) if (Math.abs(achieved[a][b] - target[a][b]) > 0.05) return `pair ${a},${b}: ${achieved[a][b].toFixed(3)} vs ${target[a][b]}`;
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('hourly_metrics counts the raw rows', () => {
  it.each(['baseline', 'payment_outage', 'viral_moment'])('%s: every hour, every metric', (id) => {
    const run = generate(sizedTemplate(id, 5, 600));
    const hm = tableOf(run, 'hourly_metrics');
    const hour0 = numbers(hm, 'hour')[0];
    const bucket = (times: Float64Array, keep: (i: number) => boolean = () => true) => {
      const out = new Array(hm.rowCount).fill(0);
      times.forEach((t, i) => keep(i) && out[Math.floor((t - hour0) / MS_PER_HOUR)]++);
      return out;
    };
    const orders = tableOf(run, 'orders');
    const delivered = numbers(orders, 'delivered_at');
    const promised = numbers(orders, 'promised_at');
    expect(Array.from(numbers(hm, 'orders'))).toEqual(bucket(numbers(orders, 'created_at')));
    expect(Array.from(numbers(hm, 'support_tickets'))).toEqual(bucket(numbers(tableOf(run, 'support_tickets'), 'created_at')));
    expect(Array.from(numbers(hm, 'cart_abandonments'))).toEqual(bucket(numbers(tableOf(run, 'cart_abandonment'), 'created_at')));
    expect(Array.from(numbers(hm, 'delivery_delays'))).toEqual(bucket(numbers(orders, 'created_at'), (i) => delivered[i] > promised[i]));
  });
});

describe('returns_wave (19 of 20 seeds)', () => {
  it('returns 24% ± 2 points of delivered orders placed in the window, 8% ± 1 outside', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('returns_wave', seed, 800);
      const run = generate({ ...s, tables: ['orders', 'returns'] });
      const orders = tableOf(run, 'orders');
      const returned = new Set(numbers(tableOf(run, 'returns'), 'order_id'));
      const w = window(s);
      const id = numbers(orders, 'order_id');
      const created = numbers(orders, 'created_at');
      const delivered = numbers(orders, 'delivered_at');
      const rate = (inside: boolean) => {
        let n = 0;
        let r = 0;
        for (let i = 0; i < orders.rowCount; i++) {
          if (Number.isNaN(delivered[i]) || (created[i] >= w.startMs && created[i] < w.endMs) !== inside) continue;
          n++;
          if (returned.has(id[i])) r++;
        }
        return (100 * r) / n;
      };
      const inRate = rate(true);
      const outRate = rate(false);
      if (Math.abs(inRate - 24) > 2) return `in window ${inRate.toFixed(2)}%`;
      if (Math.abs(outRate - 8) > 1) return `outside ${outRate.toFixed(2)}%`;
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('payment_outage (19 of 20 seeds)', () => {
  it('orders ≤ 25% of the surrounding hours (each against its usual level), 75% ± 5 failures, abandonment 3.5× and tickets 3× within ×/÷ e^0.25', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('payment_outage', seed, 2500);
      const run = generate({ ...s, tables: ['hourly_metrics', 'orders', 'payments'] });
      const plan = hourlyPlan(run.scenario);
      const w = window(s);
      const [os, oe] = outageWindow(w);
      const hm = tableOf(run, 'hourly_metrics');
      const hours = numbers(hm, 'hour');
      const inOutage = (i: number) => hours[i] >= os && hours[i] < oe;
      const around = (i: number) => hours[i] >= w.startMs && hours[i] < w.endMs && !inOutage(i);
      const outside = (i: number) => hours[i] + MS_PER_HOUR <= w.startMs || hours[i] >= w.endMs;
      const orders = numbers(hm, 'orders');
      // Rates against the no-event level of the same hours, so the lunch peak does not count as the event.
      const orderRatio = sum(orders, inOutage) / sum(plan.baseline[0], inOutage) / (sum(orders, around) / sum(plan.baseline[0], around));
      if (orderRatio > 0.25) return `orders in outage ${orderRatio.toFixed(3)} of around`;

      const lift = (metric: string, k: number) => {
        const c = numbers(hm, metric);
        const base = plan.baseline[k];
        return sum(c, inOutage) / sum(base, inOutage) / (sum(c, outside) / sum(base, outside));
      };
      const abandon = lift('cart_abandonments', 3);
      const tickets = lift('support_tickets', 1);
      if (Math.abs(Math.log(abandon / 3.5)) > 0.25) return `abandonment lift ${abandon.toFixed(2)}`;
      if (Math.abs(Math.log(tickets / 3)) > 0.25) return `ticket lift ${tickets.toFixed(2)}`;

      const orderTimes = numbers(tableOf(run, 'orders'), 'created_at');
      const status = labels(tableOf(run, 'payments'), 'status');
      let n = 0;
      let failed = 0;
      orderTimes.forEach((t, i) => {
        if (t >= os && t < oe) {
          n++;
          if (status[i] === 'failed') failed++;
        }
      });
      if (Math.abs((100 * failed) / n - 75) > 5) return `failures ${((100 * failed) / n).toFixed(1)}%`;
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('flash_sale (19 of 20 seeds)', () => {
  it('peak hour 8.5× ± 0.6 the no-event level; electronics lines 70% off in the window only', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('flash_sale', seed, 2500);
      const run = generate({ ...s, tables: ['hourly_metrics', 'orders', 'order_items', 'products'] });
      const plan = hourlyPlan(run.scenario);
      const hm = tableOf(run, 'hourly_metrics');
      const orders = numbers(hm, 'orders');
      const expected = numbers(hm, 'expected_orders');
      let peak = 0;
      for (let i = 1; i < expected.length; i++) if (expected[i] / plan.baseline[0][i] > expected[peak] / plan.baseline[0][peak]) peak = i;
      const peakRatio = orders[peak] / plan.baseline[0][peak];
      if (Math.abs(peakRatio - 8.5) > 0.6) return `peak ${peakRatio.toFixed(2)}×`;

      const w = window(s);
      const category = labels(tableOf(run, 'products'), 'category');
      const ord = tableOf(run, 'orders');
      const createdAt = numbers(ord, 'created_at');
      const created = new Map<number, number>();
      numbers(ord, 'order_id').forEach((id, i) => created.set(id, createdAt[i]));
      const items = tableOf(run, 'order_items');
      const [oid, pid, qty, price, off] = ['order_id', 'product_id', 'quantity', 'unit_price', 'discount'].map((c) => numbers(items, c));
      let discounted = 0;
      for (let i = 0; i < items.rowCount; i++) {
        const t = created.get(oid[i])!;
        const inside = t >= w.startMs && t < w.endMs;
        const electronics = category[pid[i] - 1] === 'electronics';
        const want = inside && electronics ? Math.round(qty[i] * price[i] * 70) / 100 : 0;
        if (Math.abs(off[i] - want) > 0.006) return `line ${i}: discount ${off[i]} not ${want}`;
        if (want > 0) discounted++;
      }
      if (discounted === 0) return 'no discounted electronics lines';
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('viral_moment (20 seeds)', () => {
  it('the viral product never sells more than its 500-unit cap, and sells out in 19 of 20', () => {
    let soldOut = 0;
    for (const seed of TWENTY_SEEDS) {
      const run = generate({ ...sizedTemplate('viral_moment', seed, 2500), tables: ['order_items', 'products'] });
      const names = tableOf(run, 'products').columns.find((c) => c.name === 'name') as { values: readonly string[] };
      const viral = names.values.indexOf('Viral Glow Skincare Set') + 1;
      expect(viral).toBeGreaterThan(0);
      const items = tableOf(run, 'order_items');
      const pid = numbers(items, 'product_id');
      const units = sum(numbers(items, 'quantity'), (i) => pid[i] === viral);
      expect(units, `seed ${seed}`).toBeLessThanOrEqual(500);
      if (units === 500) soldOut++;
    }
    expect(soldOut).toBeGreaterThanOrEqual(19);
  });
});

describe('supply_disruption (19 of 20 seeds)', () => {
  it('backup supply only in the window, on at most 35 SKUs of one supplier; those SKUs sell 0.48 ± 0.12 of their usual daily units', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('supply_disruption', seed, 1500);
      const run = generate({ ...s, tables: ['orders', 'order_items', 'products'] });
      const w = window(s);
      const ord = tableOf(run, 'orders');
      const created = numbers(ord, 'created_at');
      const items = tableOf(run, 'order_items');
      const [oid, pid, qty] = ['order_id', 'product_id', 'quantity'].map((c) => numbers(items, c));
      const source = labels(items, 'fulfilled_by');
      const supplier = numbers(tableOf(run, 'products'), 'supplier_id');
      const affected = new Set<number>();
      for (let i = 0; i < items.rowCount; i++) {
        if (source[i] !== 'backup') continue;
        const t = created[oid[i] - 1];
        if (t < w.startMs || t >= w.endMs) return `backup line outside the window`;
        affected.add(pid[i]);
      }
      if (affected.size === 0 || affected.size > 35) return `${affected.size} affected SKUs`;
      if (new Set([...affected].map((p) => supplier[p - 1])).size !== 1) return 'affected SKUs from several suppliers';
      let inUnits = 0;
      let outUnits = 0;
      for (let i = 0; i < items.rowCount; i++) {
        if (!affected.has(pid[i])) continue;
        const t = created[oid[i] - 1];
        if (t >= w.startMs && t < w.endMs) inUnits += qty[i];
        else outUnits += qty[i];
      }
      const days = s.calendar.days;
      const windowDays = (w.endMs - w.startMs) / MS_PER_DAY;
      const ratio = inUnits / windowDays / (outUnits / (days - windowDays));
      if (Math.abs(ratio - 0.48) > 0.12) return `availability ratio ${ratio.toFixed(3)}`;
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

/** Share of orders matching `keep` among orders created in [from, to). */
function shareOfOrders(created: Float64Array, from: number, to: number, keep: (i: number) => boolean): { share: number; n: number } {
  let n = 0;
  let k = 0;
  for (let i = 0; i < created.length; i++) {
    if (created[i] < from || created[i] >= to) continue;
    n++;
    if (keep(i)) k++;
  }
  return { share: k / n, n };
}

describe('customer_segments (19 of 20 seeds)', () => {
  it("Gen Z's share of orders in the last 28 days ÷ the first 28 is 1.125 ± 0.08 (+15% at the end of a 180-day ramp)", () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('customer_segments', seed, 700);
      const run = generate({ ...s, tables: ['customers', 'orders'] });
      const cohort = labels(tableOf(run, 'customers'), 'cohort');
      const ord = tableOf(run, 'orders');
      const created = numbers(ord, 'created_at');
      const cust = numbers(ord, 'customer_id');
      const w = window(s);
      const genZ = (i: number) => cohort[cust[i] - 1] === 'gen_z';
      const first = shareOfOrders(created, w.startMs, w.startMs + 28 * MS_PER_DAY, genZ).share;
      const last = shareOfOrders(created, w.endMs - 28 * MS_PER_DAY, w.endMs, genZ).share;
      const growth = last / first;
      return Math.abs(growth - 1.125) > 0.08 ? `growth ${growth.toFixed(3)}` : null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('seasonal_planning (19 of 20 seeds)', () => {
  it('orders a day in the window ≈ 1.8× those before it (± 0.12); electronics, clothing and books lines 15% off in the window', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('seasonal_planning', seed, 500);
      const run = generate({ ...s, tables: ['orders', 'order_items', 'products'] });
      const w = window(s);
      const created = numbers(tableOf(run, 'orders'), 'created_at');
      const start = created[0] - (created[0] % MS_PER_DAY);
      const before = created.filter((t) => t < w.startMs).length / ((w.startMs - start) / MS_PER_DAY);
      const during = created.filter((t) => t >= w.startMs && t < w.endMs).length / ((w.endMs - w.startMs) / MS_PER_DAY);
      if (Math.abs(during / before - 1.8) > 0.12) return `traffic ${(during / before).toFixed(3)}×`;
      const category = labels(tableOf(run, 'products'), 'category');
      const items = tableOf(run, 'order_items');
      const [oid, pid, qty, price, off] = ['order_id', 'product_id', 'quantity', 'unit_price', 'discount'].map((c) => numbers(items, c));
      for (let i = 0; i < items.rowCount; i += 7) {
        const t = created[oid[i] - 1];
        const on = t >= w.startMs && t < w.endMs && ['electronics', 'clothing', 'books'].includes(category[pid[i] - 1]);
        const want = on ? Math.round(qty[i] * price[i] * 15) / 100 : 0;
        if (Math.abs(off[i] - want) > 0.006) return `line ${i}: discount ${off[i]} not ${want}`;
      }
      return null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('multi_channel (19 of 20 seeds)', () => {
  it('no app orders before the launch; app share of the last 14 days 0.25 ± 0.04; other channels at 0.865 ± 0.05 of their pre-launch daily volume', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('multi_channel', seed, 700);
      const run = generate({ ...s, tables: ['orders'] });
      const w = window(s);
      const ord = tableOf(run, 'orders');
      const created = numbers(ord, 'created_at');
      const channel = labels(ord, 'channel');
      const app = (i: number) => channel[i] === 'app';
      const start = created[0] - (created[0] % MS_PER_DAY);
      if (shareOfOrders(created, start, w.startMs, app).share !== 0) return 'app orders before the launch';
      const late = w.endMs - 14 * MS_PER_DAY;
      const appShare = shareOfOrders(created, late, w.endMs, app).share;
      if (Math.abs(appShare - 0.25) > 0.04) return `app share ${appShare.toFixed(3)}`;
      const perDay = (from: number, to: number) => created.filter((t, i) => t >= from && t < to && !app(i)).length / ((to - from) / MS_PER_DAY);
      const others = perDay(late, w.endMs) / perDay(start, w.startMs);
      return Math.abs(others - 0.865) > 0.05 ? `other channels ${others.toFixed(3)}` : null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});

describe('seasonal_planning regional variation (19 of 20 seeds)', () => {
  it('the south responds most and the northeast least: their share ratio in the window ÷ outside is 1.3/0.7 ± 0.15', () => {
    const fails = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = sizedTemplate('seasonal_planning', seed, 500);
      const run = generate({ ...s, tables: ['customers', 'orders'] });
      const region = labels(tableOf(run, 'customers'), 'region');
      const ord = tableOf(run, 'orders');
      const created = numbers(ord, 'created_at');
      const cust = numbers(ord, 'customer_id');
      const w = window(s);
      const share = (name: string, inside: boolean) =>
        shareOfOrders(created, inside ? w.startMs : 0, inside ? w.endMs : w.startMs, (i) => region[cust[i] - 1] === name).share;
      const lift = (name: string) => share(name, true) / share(name, false);
      const ratio = lift('south') / lift('northeast');
      return Math.abs(ratio - 1.3 / 0.7) > 0.15 ? `south/northeast ${ratio.toFixed(3)}` : null;
    });
    expect(fails.length, fails.join('\n')).toBeLessThanOrEqual(MAY_FAIL);
  });
});
