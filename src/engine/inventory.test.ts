import { describe, expect, it } from 'vitest';
import { conformanceReport } from './analysis/conformance';
import { inventoryReport } from './analysis/inventory';
import { buildTemplate } from './scenario/templates';
import { generate, type GeneratedRun } from './generate';
import { ScenarioError } from './scenario/errors';
import type { Scenario, SnapshotGranularity } from './scenario/schema';
import { inventoryRetailTemplate, inventorySizeOf, withInventorySize } from './scenario/templates/inventory';
import { failingSeeds, numbers, tableOf, TWENTY_SEEDS } from './testing';
import { MS_PER_DAY, MS_PER_HOUR } from './time';
import { intValues } from './table';

/**
 * The template scaled down a quarter in products and orders (same demand per position,
 * same 50 locations), over 28 days: the stockout share does not depend on the scale.
 */
function quarter(seed: number, snapshot: SnapshotGranularity = 'on_change'): Scenario {
  const s = inventoryRetailTemplate('development');
  return {
    ...s,
    seed,
    calendar: { ...s.calendar, days: 28 },
    volumes: { ...s.volumes, customers: 5_000, products: 500, ordersPerDay: 375 },
    inventory: { ...s.inventory!, snapshot },
  };
}

function checks(run: GeneratedRun): Map<string, { measured: string; pass: boolean }> {
  const report = inventoryReport(run)!;
  return new Map(report.checks.map((c) => [c.check.split(' ')[0] + ' ' + c.check.split(' ')[1], c]));
}

describe('inventory (properties over 20 seeds)', () => {
  it('never negative stock, sold ≤ requested, lost sales = unfilled requests inside each stockout, restocks 1-3 days (mean 2.0 ± 0.1), stockout rate 5-10%', () => {
    const bad = failingSeeds(TWENTY_SEEDS, (seed) => {
      const run = generate(quarter(seed));
      const report = inventoryReport(run)!;
      const failed = report.checks.filter((c) => !c.pass);
      return failed.length === 0 ? null : failed.map((c) => `${c.check}: ${c.measured}`).join('; ');
    });
    expect(bad).toEqual([]);
  });

  it('the stockout rate at the full development size (2,000 × 50 × 90) is inside 5-10% too', () => {
    for (const seed of [1, 2]) {
      const report = inventoryReport(generate({ ...inventoryRetailTemplate('development'), seed }))!;
      expect(report.positions).toBe(100_000);
      expect(report.stockoutPct).toBeGreaterThanOrEqual(5);
      expect(report.stockoutPct).toBeLessThanOrEqual(10);
    }
  });

  it('a size preset is recognised in the settings it made, and not once one of them moves', () => {
    for (const size of ['development', 'large'] as const) expect(inventorySizeOf(withInventorySize(inventoryRetailTemplate('development'), size))).toBe(size);
    const large = withInventorySize(inventoryRetailTemplate('development'), 'large');
    expect(inventorySizeOf({ ...large, calendar: { ...large.calendar, days: 729 } })).toBe(null);
    expect(inventorySizeOf({ ...large, inventory: { ...large.inventory!, leadTimeDays: 2 } })).toBe(null);
  });

  it('the read-back catches what it checks: a stock level off by one, an event miscounted, an unfilled request outside every event', () => {
    const run = generate(quarter(3, 'daily'));
    // A new object each time: the report is read afresh, not from the per-run cache.
    const read = () => checks({ ...run });
    expect([...read().values()].filter((c) => !c.pass)).toEqual([]);
    const onHand = intValues(tableOf(run, 'inventory_daily'), 'on_hand');
    onHand[onHand.length - 1] += 1;
    expect(read().get('on_hand =')).toMatchObject({ pass: false, measured: '1 breaks' });
    onHand[onHand.length - 1] -= 1;
    const events = tableOf(run, 'stockout_events');
    const [attempts, from, to] = ['lost_sales_attempts', 'start_date', 'end_date'].map((c) => intValues(events, c));
    const e = attempts.findIndex((n) => n > 0);
    attempts[e] += 1;
    expect(read().get('lost sales')).toMatchObject({ pass: false, measured: '0 unfilled requests outside any event, 1 events off' });
    attempts[e] -= 1;
    to[e] = from[e] - 1;
    expect(read().get('lost sales')?.pass).toBe(false);
    expect(read().get('lost sales')?.measured).toMatch(/^[1-9]\d* unfilled requests outside any event, 1 events off$/);
  });

  it('with daily snapshots, stock follows start + deliveries + restocks − sales day by day, and sales and restocks match the order lines and returns', () => {
    const bad = failingSeeds(TWENTY_SEEDS.slice(0, 6), (seed) => {
      const s = quarter(seed, 'daily');
      const run = generate(s);
      const ledger = checks(run).get('on_hand =');
      if (!ledger?.pass) return `ledger: ${ledger?.measured}`;
      const daily = tableOf(run, 'inventory_daily');
      const locations = 50;
      const positions = s.volumes.products * locations;
      if (daily.rowCount !== positions * s.calendar.days) return `daily rows ${daily.rowCount}`;
      // Units sold per position and day, from the order lines.
      const items = tableOf(run, 'order_items');
      const orders = tableOf(run, 'orders');
      const created = numbers(orders, 'created_at');
      const start = Math.floor(created[0] / MS_PER_DAY);
      const orderDay = new Map(Array.from(numbers(orders, 'order_id'), (id, r) => [id, Math.floor(created[r] / MS_PER_DAY) - start]));
      const soldBy = new Map<number, number>();
      const [ids, product, location, qty] = ['order_id', 'product_id', 'location_id', 'quantity'].map((c) => numbers(items, c));
      for (let i = 0; i < items.rowCount; i++) {
        const k = (orderDay.get(ids[i])! * positions + (product[i] - 1) * locations + location[i] - 1);
        soldBy.set(k, (soldBy.get(k) ?? 0) + qty[i]);
      }
      const [date, dp, dl, sold] = ['date', 'product_id', 'location_id', 'units_sold'].map((c) => numbers(daily, c));
      const day0 = date[0];
      for (let r = 0; r < daily.rowCount; r++) {
        const k = (date[r] - day0) * positions + (dp[r] - 1) * locations + dl[r] - 1;
        if ((soldBy.get(k) ?? 0) !== sold[r]) return `row ${r}: units_sold ${sold[r]} vs lines ${soldBy.get(k) ?? 0}`;
      }
      // Units restocked in total: the sold units of returned orders whose restock day falls inside the calendar.
      const returns = tableOf(run, 'returns');
      const back = numbers(returns, 'return_restocked_date');
      const returned = new Set(Array.from(numbers(returns, 'order_id')).filter((_, r) => back[r] - day0 < s.calendar.days));
      let expected = 0;
      for (let i = 0; i < items.rowCount; i++) if (returned.has(ids[i])) expected += qty[i];
      const restocked = numbers(daily, 'units_restocked').reduce((a, b) => a + b, 0);
      return restocked === expected ? null : `restocked ${restocked} vs returned units ${expected}`;
    });
    expect(bad).toEqual([]);
  });

  it('orders still add up after allocation: subtotal = Σ sold × price, total = subtotal − discount = payment = refund', () => {
    const bad = failingSeeds(TWENTY_SEEDS.slice(0, 8), (seed) => {
      const run = generate(quarter(seed));
      const items = tableOf(run, 'order_items');
      const orders = tableOf(run, 'orders');
      const [oid, q, price] = ['order_id', 'quantity', 'unit_price'].map((c) => numbers(items, c));
      const sum = new Map<number, number>();
      for (let i = 0; i < items.rowCount; i++) sum.set(oid[i], (sum.get(oid[i]) ?? 0) + q[i] * price[i]);
      const [id, subtotal, discount, total] = ['order_id', 'subtotal', 'discount', 'total'].map((c) => numbers(orders, c));
      const paid = numbers(tableOf(run, 'payments'), 'amount');
      const totalOf = new Map(Array.from(id, (x, r) => [x, total[r]]));
      for (let r = 0; r < orders.rowCount; r++) {
        if (Math.abs((sum.get(id[r]) ?? 0) - subtotal[r]) > 0.005) return `order ${id[r]}: subtotal ${subtotal[r]} vs lines ${sum.get(id[r])}`;
        if (Math.abs(subtotal[r] - discount[r] - total[r]) > 0.005 || total[r] < -0.005) return `order ${id[r]}: total ${total[r]}`;
        if (Math.abs(paid[r] - total[r]) > 0.005) return `order ${id[r]}: paid ${paid[r]}`;
      }
      const returns = tableOf(run, 'returns');
      const refund = numbers(returns, 'refund_amount');
      const rid = numbers(returns, 'order_id');
      for (let r = 0; r < returns.rowCount; r++) if (Math.abs(refund[r] - totalOf.get(rid[r])!) > 0.005) return `return ${rid[r]}: refund ${refund[r]}`;
      return null;
    });
    expect(bad).toEqual([]);
  });

  it('low stock lifts cart abandonment by 10 ± 2 points over everyone else', () => {
    const bad = failingSeeds(TWENTY_SEEDS, (seed) => {
      const s = quarter(seed);
      const run = generate(s);
      const carts = tableOf(run, 'cart_abandonment');
      const trigger = numbers(carts, 'low_inventory_trigger');
      const items = tableOf(run, 'order_items');
      const low = new Set<number>();
      const [oid, atPurchase] = ['order_id', 'inventory_at_purchase'].map((c) => numbers(items, c));
      for (let i = 0; i < items.rowCount; i++) if (atPurchase[i] <= s.inventory!.lowStockUnits) low.add(oid[i]);
      const orders = tableOf(run, 'orders').rowCount;
      const lowCarts = trigger.reduce((a, b) => a + b, 0);
      const otherCarts = carts.rowCount - lowCarts;
      const lowRate = lowCarts / (lowCarts + low.size);
      const otherRate = otherCarts / (otherCarts + orders - low.size);
      const lift = 100 * (lowRate - otherRate);
      return Math.abs(lift - 10) <= 2 ? null : `lift ${lift.toFixed(2)} points (${lowRate.toFixed(3)} vs ${otherRate.toFixed(3)})`;
    });
    expect(bad).toEqual([]);
  });

  it('competing requests in an hour are served by lottery, not first come: an earlier line sometimes goes short while a later one is served', () => {
    const run = generate(quarter(5));
    const items = tableOf(run, 'order_items');
    const orders = tableOf(run, 'orders');
    const createdAt = numbers(orders, 'created_at');
    const created = new Map(Array.from(numbers(orders, 'order_id'), (id, r) => [id, createdAt[r]]));
    const [oid, product, location, q, req] = ['order_id', 'product_id', 'location_id', 'quantity', 'quantity_requested'].map((c) => numbers(items, c));
    const byHourPosition = new Map<string, { t: number; short: boolean }[]>();
    for (let i = 0; i < items.rowCount; i++) {
      const t = created.get(oid[i])!;
      const k = `${Math.floor(t / MS_PER_HOUR)}|${product[i]}|${location[i]}`;
      if (!byHourPosition.has(k)) byHourPosition.set(k, []);
      byHourPosition.get(k)!.push({ t, short: q[i] < req[i] });
    }
    let earlierShort = 0;
    let contested = 0;
    for (const lines of byHourPosition.values()) {
      if (lines.length < 2 || !lines.some((l) => l.short)) continue;
      contested++;
      const firstShort = lines.findIndex((l) => l.short);
      if (lines.slice(firstShort + 1).some((l) => !l.short)) earlierShort++;
    }
    expect(contested).toBeGreaterThan(20);
    expect(earlierShort).toBeGreaterThan(0);
  });

  it('a later partition is refused with E110: stock carries from day 0', () => {
    expect(() => generate(quarter(1), { partitions: 2, partition: 1 })).toThrow(ScenarioError);
  });
});

describe('inventory retail at its defaults', () => {
  // The full default size takes ~4 s a seed, so three seeds here (the tests above run
  // twenty seeds at a quarter of the size); every target it judges must hold.
  it.each([1, 2, 3])('seed %i: every judged target holds; abandonment correlations say why they are not judged', (seed) => {
    const rows = conformanceReport(generate({ ...buildTemplate('inventory_retail'), seed }));
    const judged = rows.filter((r) => !r.notJudged);
    expect(judged.length).toBeGreaterThan(20);
    expect(judged.filter((r) => !r.pass).map((r) => `${r.target}: ${r.measured} vs ${r.expected}`)).toEqual([]);
    const skipped = rows.filter((r) => r.notJudged);
    expect(skipped.map((r) => r.target)).toEqual(expect.arrayContaining([expect.stringMatching(/cart_abandonments/)]));
    for (const r of skipped) expect(r.target).toMatch(/cart_abandonments/);
  });
});
