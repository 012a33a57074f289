import type { Rng } from '../../random/rng';
import type { Scenario } from '../../scenario/schema';
import { bytesOf, column, intsOf, rawFloats, takeRows, type Column, type DataTable } from '../../table';
import { civilFromDays, dayNumber, MS_PER_HOUR } from '../../time';
import { ABANDON_REASONS } from '../carts';
import type { StockSimulation } from './inventory';
import type { InventoryPlan } from './inventoryPlan';

/** What each order line got, by order_items row. */
export interface Allocation {
  sold: Int32Array;
  atPurchase: Int32Array;
  location: Int32Array;
  /** 1 where the shelf held no more than the low-stock threshold when the line asked. */
  lowStock: Uint8Array;
}

/** Low stock adds this many points to the share of carts abandoned. */
export const LOW_STOCK_ABANDONMENT_POINTS = 10;

function replace(t: DataTable, name: string, col: Column): DataTable {
  return { ...t, columns: t.columns.map((c) => (c.name === name ? col : c)) };
}

/**
 * Order lines carry what was sold; orders, payments and refunds follow from them. A
 * line's discount shrinks with its quantity; the coupon shrinks with the order's net.
 */
export function rewriteOrders(orders: DataTable, items: DataTable, payments: DataTable, returns: DataTable, a: Allocation, restockDay: Int32Array): DataTable[] {
  const requested = column(items, 'quantity');
  if (requested.type !== 'int32') throw new Error('order_items.quantity is not int32');
  const price = rawFloats(items, 'unit_price');
  const lineOff = rawFloats(items, 'discount');
  const newLineOff = Float64Array.from(lineOff, (off, i) => (requested.values[i] > 0 ? Math.round((off * a.sold[i]) / requested.values[i]) : 0));
  const orderCol = column(items, 'order_id');
  if (orderCol.type !== 'int32') throw new Error('order_items.order_id is not int32');
  const oldSub = rawFloats(orders, 'subtotal');
  const oldOff = rawFloats(orders, 'discount');
  const subtotal = new Float64Array(orders.rowCount);
  const lineDiscount = new Float64Array(orders.rowCount);
  const firstOrderId = orders.rowCount > 0 ? (column(orders, 'order_id') as Extract<Column, { type: 'int32' }>).values[0] : 1;
  for (let i = 0; i < items.rowCount; i++) {
    const r = orderCol.values[i] - firstOrderId;
    subtotal[r] += a.sold[i] * price[i];
    lineDiscount[r] += newLineOff[i];
  }
  const oldLineOff = new Float64Array(orders.rowCount);
  for (let i = 0; i < items.rowCount; i++) oldLineOff[orderCol.values[i] - firstOrderId] += lineOff[i];
  const discount = new Float64Array(orders.rowCount);
  const total = new Float64Array(orders.rowCount);
  for (let r = 0; r < orders.rowCount; r++) {
    const oldNet = oldSub[r] - oldLineOff[r];
    const coupon = oldOff[r] - oldLineOff[r];
    const newCoupon = oldNet > 0 ? Math.round((coupon * (subtotal[r] - lineDiscount[r])) / oldNet) : 0;
    discount[r] = lineDiscount[r] + newCoupon;
    total[r] = subtotal[r] - discount[r];
  }
  let newItems = replace(items, 'quantity', { name: 'quantity', type: 'int32', values: a.sold });
  newItems = replace(newItems, 'discount', { name: 'discount', type: 'fixed', scale: 2, values: newLineOff });
  newItems = {
    ...newItems,
    columns: [
      ...newItems.columns,
      { name: 'quantity_requested', type: 'int32', values: requested.values },
      { name: 'is_inventory_constrained', type: 'bool', values: Uint8Array.from(a.sold, (sold, i) => (sold < requested.values[i] ? 1 : 0)) },
      { name: 'inventory_at_purchase', type: 'int32', values: a.atPurchase },
      { name: 'location_id', type: 'int32', values: Int32Array.from(a.location, (l) => l + 1) },
    ],
  };
  let newOrders = replace(orders, 'subtotal', { name: 'subtotal', type: 'fixed', scale: 2, values: subtotal });
  newOrders = replace(newOrders, 'discount', { name: 'discount', type: 'fixed', scale: 2, values: discount });
  newOrders = replace(newOrders, 'total', { name: 'total', type: 'fixed', scale: 2, values: total });
  const newPayments = replace(payments, 'amount', { name: 'amount', type: 'fixed', scale: 2, values: total.slice() });
  const returnOrder = column(returns, 'order_id');
  if (returnOrder.type !== 'int32') throw new Error('returns.order_id is not int32');
  const refunds = Float64Array.from(returnOrder.values, (id) => total[id - firstOrderId]);
  const newReturns = {
    ...replace(returns, 'refund_amount', { name: 'refund_amount', type: 'fixed', scale: 2, values: refunds }),
  };
  newReturns.columns = [...newReturns.columns, { name: 'return_restocked_date', type: 'date', values: restockDay.slice() }];
  return [newOrders, newItems, newPayments, newReturns];
}

/**
 * Abandoned carts gain low_inventory_trigger and inventory_constrained_items: a planned
 * cart is triggered when one of its items sat on a low shelf. Shoppers who met low stock
 * (triggered carts, and orders with a line that found a low shelf) then abandon 10 points
 * more often than the others: exactly enough extra abandoned carts (those low items,
 * reason out_of_stock) are added, each copying a low-stock order's shopper and hour.
 * Carts are renumbered in time order; hourly_metrics counts the new ones.
 */
export function abandonedCarts(carts: DataTable, cartLowItems: Int32Array, hourly: DataTable | null, orders: DataTable, items: DataTable, a: Allocation, rng: Rng): DataTable[] {
  const orderCol = column(items, 'order_id');
  const qty = column(items, 'quantity');
  const price = rawFloats(items, 'unit_price');
  const created = column(orders, 'created_at');
  const customer = column(orders, 'customer_id');
  const orderIds = column(orders, 'order_id');
  if (orderCol.type !== 'int32' || qty.type !== 'int32' || created.type !== 'timestamp' || customer.type !== 'int32' || orderIds.type !== 'int32') throw new Error('unexpected order columns');
  const firstOrderId = orders.rowCount > 0 ? orderIds.values[0] : 1;
  const lowLines = new Int32Array(orders.rowCount);
  const lowValue = new Float64Array(orders.rowCount);
  for (let i = 0; i < items.rowCount; i++) {
    if (!a.lowStock[i]) continue;
    const r = orderCol.values[i] - firstOrderId;
    lowLines[r]++;
    lowValue[r] += qty.values[i] * price[i];
  }
  const lowOrders: number[] = [];
  lowLines.forEach((n, r) => n > 0 && lowOrders.push(r));
  let lowCarts = 0;
  for (const n of cartLowItems) if (n > 0) lowCarts++;
  const otherCarts = carts.rowCount - lowCarts;
  const otherRate = otherCarts / Math.max(1, otherCarts + orders.rowCount - lowOrders.length);
  const lifted = Math.min(0.95, otherRate + LOW_STOCK_ABANDONMENT_POINTS / 100);
  // (lowCarts + E) / (lowCarts + E + lowOrders) = lifted
  const needed = lowOrders.length === 0 ? 0 : Math.max(0, Math.round((lifted * (lowCarts + lowOrders.length) - lowCarts) / (1 - lifted)));

  const extra: { customer: number; at: number; items: number; value: number }[] = [];
  for (let j = 0; j < needed; j++) {
    const r = lowOrders[rng.int(lowOrders.length)];
    const t = created.values[r];
    const hourStart = Math.floor(t / MS_PER_HOUR) * MS_PER_HOUR;
    extra.push({ customer: customer.values[r], at: hourStart + rng.int(Math.floor((t - hourStart) / 1000) + 1) * 1000, items: lowLines[r], value: lowValue[r] });
  }
  const n = carts.rowCount + extra.length;
  const at = column(carts, 'created_at');
  if (at.type !== 'timestamp') throw new Error('cart_abandonment.created_at is not a timestamp');
  const merged: DataTable = {
    name: 'cart_abandonment',
    rowCount: n,
    columns: carts.columns.map((c): Column => {
      const tail = extra.map((e) => (c.name === 'customer_id' ? e.customer : c.name === 'created_at' ? e.at : c.name === 'item_count' ? e.items : c.name === 'cart_value' ? e.value : 0));
      if (c.type === 'dict') return { ...c, indices: Int32Array.from([...c.indices, ...extra.map(() => ABANDON_REASONS.indexOf('out_of_stock'))]) };
      if (c.type === 'timestamp' || c.type === 'fixed') return { ...c, values: Float64Array.from([...c.values, ...tail]) };
      if (c.type === 'int32') return { ...c, values: Int32Array.from([...c.values, ...tail]) };
      return c;
    }),
  };
  merged.columns.push(
    { name: 'low_inventory_trigger', type: 'bool', values: Uint8Array.from({ length: n }, (_, i) => (i >= carts.rowCount || cartLowItems[i] > 0 ? 1 : 0)) },
    { name: 'inventory_constrained_items', type: 'int32', values: Int32Array.from({ length: n }, (_, i) => (i >= carts.rowCount ? extra[i - carts.rowCount].items : cartLowItems[i])) },
  );
  const times = column(merged, 'created_at') as Extract<Column, { type: 'timestamp' }>;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => times.values[x] - times.values[y] || x - y);
  const sorted = takeRows(merged, order);
  const ids = column(sorted, 'cart_id') as Extract<Column, { type: 'int32' }>;
  for (let i = 0; i < n; i++) ids.values[i] = i + 1;
  const out = [sorted];
  if (hourly) {
    const hours = column(hourly, 'hour');
    const counts = column(hourly, 'cart_abandonments');
    if (hours.type === 'timestamp' && counts.type === 'int32') {
      const bumped = counts.values.slice();
      const first = hours.values[0];
      for (const e of extra) bumped[Math.floor((e.at - first) / MS_PER_HOUR)]++;
      out.push(replace(hourly, 'cart_abandonments', { name: 'cart_abandonments', type: 'int32', values: bumped }));
    }
  }
  return out;
}

/** inventory_daily (at the scenario's snapshot granularity) and stockout_events. */
export function inventoryTables(s: Scenario, plan: InventoryPlan, sim: StockSimulation): DataTable[] {
  const start = dayNumber(s.calendar.start);
  const snap = sim.snapshots.finish();
  const n = sim.snapshots.length;
  const R = s.inventory!.replenishEveryDays;
  const day = snap.ints[0];
  const pos = snap.ints[1];
  const lastRepl = new Int32Array(n);
  const lastValid = new Uint8Array(n);
  const nextRepl = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const phase = plan.phase[pos[r]];
    const last = day[r] - ((day[r] - phase + R * 1000) % R);
    lastRepl[r] = start + last;
    lastValid[r] = last >= 0 ? 1 : 0;
    nextRepl[r] = start + last + R;
  }
  const onHand = snap.ints[2];
  const daily: DataTable = {
    name: 'inventory_daily',
    rowCount: n,
    columns: [
      { name: 'date', type: 'date', values: intsOf(n, (r) => start + day[r]) },
      { name: 'product_id', type: 'int32', values: intsOf(n, (r) => Math.floor(pos[r] / plan.locations) + 1) },
      { name: 'location_id', type: 'int32', values: intsOf(n, (r) => (pos[r] % plan.locations) + 1) },
      { name: 'on_hand', type: 'int32', values: snap.ints[2] },
      { name: 'is_stockout', type: 'bool', values: bytesOf(n, (r) => (onHand[r] === 0 ? 1 : 0)) },
      { name: 'stockout_duration_days', type: 'int32', values: snap.ints[3] },
      { name: 'last_replenishment_date', type: 'date', values: lastRepl, valid: lastValid },
      { name: 'next_replenishment_date', type: 'date', values: nextRepl },
      { name: 'units_sold', type: 'int32', values: snap.ints[4] },
      { name: 'units_received', type: 'int32', values: snap.ints[5] },
      { name: 'units_restocked', type: 'int32', values: snap.ints[6] },
    ],
  };
  const ev = sim.events.finish();
  const m = sim.events.length;
  const startDay = ev.ints[2];
  const endDay = ev.ints[3];
  const restocked = ev.ints[6];
  const peak = Uint8Array.from(startDay, (d) => {
    const month = civilFromDays(start + d)[1];
    return month === 11 || month === 12 ? 1 : 0;
  });
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((x, y) => startDay[x] - startDay[y] || ev.ints[0][x] - ev.ints[0][y] || ev.ints[1][x] - ev.ints[1][y]);
  const events: DataTable = takeRows(
    {
      name: 'stockout_events',
      rowCount: m,
      columns: [
        { name: 'stockout_id', type: 'int32', values: new Int32Array(m) },
        { name: 'product_id', type: 'int32', values: Int32Array.from(ev.ints[0], (p) => p + 1) },
        { name: 'location_id', type: 'int32', values: Int32Array.from(ev.ints[1], (l) => l + 1) },
        { name: 'start_date', type: 'date', values: Int32Array.from(startDay, (d) => start + d) },
        { name: 'end_date', type: 'date', values: Int32Array.from(endDay, (d) => start + d) },
        { name: 'duration_days', type: 'int32', values: Int32Array.from(startDay, (d, i) => endDay[i] - d + 1) },
        { name: 'lost_sales_attempts', type: 'int32', values: ev.ints[4] },
        { name: 'lost_sales_quantity', type: 'int32', values: ev.ints[5] },
        { name: 'lost_sales_revenue', type: 'fixed', scale: 2, values: ev.floats[0] },
        { name: 'peak_season_flag', type: 'bool', values: peak },
        { name: 'restocked_date', type: 'date', values: Int32Array.from(restocked, (d) => start + Math.max(0, d)), valid: Uint8Array.from(restocked, (d) => (d >= 0 ? 1 : 0)) },
        { name: 'created_at', type: 'timestamp', values: ev.floats[1] },
      ],
    },
    order,
  );
  const ids = column(events, 'stockout_id') as Extract<Column, { type: 'int32' }>;
  for (let i = 0; i < m; i++) ids.values[i] = i + 1;
  return [daily, events];
}
