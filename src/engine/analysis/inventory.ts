import type { GeneratedRun } from '../generate';
import { perRun } from './perRun';
import { intValues, numericColumn, type DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import { keySlots, rowsBySlot } from './keySlots';
import { locationCount } from '../scenario/sections';
import { withCommas } from '../scenario/fields';

export interface InventoryCheck {
  check: string;
  measured: string;
  pass: boolean;
  /** About the whole calendar: a preview's few days (a stockout not yet over) cannot judge it. */
  wholeRun?: true;
}

export interface InventoryReport {
  positions: number;
  /** Share of positions out of stock at the end of each snapshot day, in %. */
  daily: { date: number; stockoutPct: number }[];
  stockoutPct: number;
  targetPct: number;
  band: [number, number];
  checks: InventoryCheck[];
  topLost: { productId: number; lostRevenue: number; lostUnits: number; events: number }[];
}

/**
 * The seed's must-holds, read back from the exported tables alone: stock never negative,
 * sold ≤ requested, the stockout share, restock delays, lost sales per stockout event
 * equal to the unfilled requests inside it, and stock moving only by deliveries,
 * restocks and sales.
 */
export const inventoryReport = perRun(readReport);

function readReport(run: GeneratedRun): InventoryReport | null {
  const inv = run.scenario.inventory;
  const pick = (name: string) => run.clean.find((t) => t.name === name) ?? run.tables.find((t) => t.name === name);
  const daily = pick('inventory_daily');
  if (!inv || !daily) return null;
  const items = pick('order_items');
  const returns = pick('returns');
  const events = pick('stockout_events');
  const locations = locationCount(inv);

  const date = intValues(daily, 'date');
  const product = intValues(daily, 'product_id');
  const location = intValues(daily, 'location_id');
  const onHand = intValues(daily, 'on_hand');
  const sold = intValues(daily, 'units_sold');
  const received = intValues(daily, 'units_received');
  const restocked = intValues(daily, 'units_restocked');
  const firstDay = date[0] ?? 0;
  let positions = 0;
  while (positions < daily.rowCount && date[positions] === firstDay) positions++;

  // Stockout share per snapshot day, carrying each position's last known level (NaN: none yet).
  const positionOf = positionKeys(product, location, locations);
  const slots = keySlots(positionOf);
  const level = new Float64Array(slots.size).fill(NaN);
  const perDay: { date: number; stockoutPct: number }[] = [];
  let out = 0;
  let negative = 0;
  let ledgerBreaks = 0;
  const exact = inv.snapshot !== 'weekly';
  for (let r = 0; r < daily.rowCount; ) {
    const d = date[r];
    for (; r < daily.rowCount && date[r] === d; r++) {
      const slot = slots.slotOf(positionOf[r]);
      const before = level[slot];
      if (onHand[r] < 0) negative++;
      if (exact && !Number.isNaN(before) && onHand[r] !== before + received[r] + restocked[r] - sold[r]) ledgerBreaks++;
      if (before === 0) out--;
      if (onHand[r] === 0) out++;
      level[slot] = onHand[r];
    }
    perDay.push({ date: d, stockoutPct: (100 * out) / Math.max(1, positions) });
  }
  const stockoutPct = perDay.reduce((a, p) => a + p.stockoutPct, 0) / Math.max(1, perDay.length);

  const checks: InventoryCheck[] = [];
  checks.push({ check: 'no negative on_hand, ever', measured: `${negative} negative rows of ${withCommas(daily.rowCount)}`, pass: negative === 0 });
  if (exact) checks.push({ check: 'on_hand = previous + received + restocked − sold, day by day', measured: `${ledgerBreaks} breaks`, pass: ledgerBreaks === 0 });
  const [lo, hi] = [5, 10];
  checks.push({ check: `stockout rate within ${lo}-${hi}%`, measured: `${stockoutPct.toFixed(2)}%`, pass: stockoutPct >= lo && stockoutPct <= hi, wholeRun: true });

  if (items) {
    const q = intValues(items, 'quantity');
    const req = intValues(items, 'quantity_requested');
    let over = 0;
    for (let i = 0; i < q.length; i++) if (q[i] > req[i]) over++;
    checks.push({ check: 'sold ≤ requested on every line', measured: `${over} lines over`, pass: over === 0 });
  }
  if (returns) {
    const opened = numericColumn(returns, 'created_at');
    const back = intValues(returns, 'return_restocked_date');
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (let r = 0; r < back.length; r++) {
      const delay = back[r] - Math.floor(opened[r] / MS_PER_DAY);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
      sum += delay;
    }
    const mean = sum / Math.max(1, back.length);
    const ok = back.length === 0 || (min >= inv.restockDaysMin && max <= inv.restockDaysMax && Math.abs(mean - (inv.restockDaysMin + inv.restockDaysMax) / 2) <= 0.1);
    checks.push({ check: `restock delay ${inv.restockDaysMin}-${inv.restockDaysMax} days, mean ${((inv.restockDaysMin + inv.restockDaysMax) / 2).toFixed(1)} ± 0.1`, measured: back.length ? `${min}-${max}, mean ${mean.toFixed(3)}` : 'no returns', pass: ok });
  }
  const topLost: InventoryReport['topLost'] = [];
  const orders = pick('orders');
  if (events && items && orders) {
    checks.push(lostSalesCheck(events, items, orders, locations));
    const byProduct = new Map<number, { lostRevenue: number; lostUnits: number; events: number }>();
    const p = intValues(events, 'product_id');
    const rev = numericColumn(events, 'lost_sales_revenue');
    const units = intValues(events, 'lost_sales_quantity');
    for (let r = 0; r < events.rowCount; r++) {
      const e = byProduct.get(p[r]) ?? { lostRevenue: 0, lostUnits: 0, events: 0 };
      e.lostRevenue += rev[r];
      e.lostUnits += units[r];
      e.events++;
      byProduct.set(p[r], e);
    }
    topLost.push(...[...byProduct].map(([productId, v]) => ({ productId, ...v })).sort((a, b) => b.lostRevenue - a.lostRevenue).slice(0, 10));
  }
  return { positions, daily: perDay, stockoutPct, targetPct: inv.targetStockoutPct, band: [lo, hi], checks, topLost };
}

/** Every unfilled request lies inside a stockout event of its position, and each event's totals are exactly those requests. */
function lostSalesCheck(events: DataTable, items: DataTable, orders: DataTable, locations: number): InventoryCheck {
  const ev = { p: intValues(events, 'product_id'), l: intValues(events, 'location_id'), from: intValues(events, 'start_date'), to: intValues(events, 'end_date'), n: intValues(events, 'lost_sales_attempts'), q: intValues(events, 'lost_sales_quantity') };
  const positionOf = positionKeys(ev.p, ev.l, locations);
  const slots = keySlots(positionOf);
  const byPosition = rowsBySlot(positionOf, slots);
  const attempts = new Int32Array(events.rowCount);
  const qty = new Int32Array(events.rowCount);
  let stray = 0;
  const sold = intValues(items, 'quantity');
  const req = intValues(items, 'quantity_requested');
  const product = intValues(items, 'product_id');
  const location = intValues(items, 'location_id');
  const orderDay = lineDays(items, orders);
  for (let i = 0; i < sold.length; i++) {
    const short = req[i] - sold[i];
    if (short <= 0) continue;
    const hit = eventOn(orderDay[i], slots.slotOf(positionKey(product[i], location[i], locations)), byPosition, ev.from, ev.to);
    if (hit < 0) stray++;
    else {
      attempts[hit]++;
      qty[hit] += short;
    }
  }
  let mismatched = 0;
  for (let r = 0; r < events.rowCount; r++) if (attempts[r] !== ev.n[r] || qty[r] !== ev.q[r]) mismatched++;
  return { check: 'lost sales in stockout_events = the unfilled requests inside each event', measured: `${stray} unfilled requests outside any event, ${mismatched} events off`, pass: stray === 0 && mismatched === 0, wholeRun: true };
}

/** A stock position as one number: its product and location ids (each from 1). */
const positionKey = (product: number, location: number, locations: number) => (product - 1) * locations + (location - 1);

/** Each row's stock position. */
function positionKeys(product: Int32Array, location: Int32Array, locations: number): Int32Array {
  const keys = new Int32Array(product.length);
  for (let r = 0; r < keys.length; r++) keys[r] = positionKey(product[r], location[r], locations);
  return keys;
}

/** The first event (in row order) of the position's slot whose days hold `day`, or −1. */
function eventOn(day: number, slot: number, byPosition: { start: Int32Array; rows: Int32Array }, from: Int32Array, to: Int32Array): number {
  if (slot < 0) return -1;
  for (let j = byPosition.start[slot]; j < byPosition.start[slot + 1]; j++) {
    const r = byPosition.rows[j];
    if (day >= from[r] && day <= to[r]) return r;
  }
  return -1;
}

/** The day of each order line: its order's created_at (−1 for an order not in the table). */
function lineDays(items: DataTable, orders: DataTable): Int32Array {
  const ids = intValues(orders, 'order_id');
  const created = numericColumn(orders, 'created_at');
  const slots = keySlots(ids);
  // Int32 as the days were stored before (a null time's NaN became 0); a later row of the same id wins, as a Map's set did.
  const dayOf = new Int32Array(slots.size).fill(-1);
  for (let r = 0; r < orders.rowCount; r++) dayOf[slots.slotOf(ids[r])] = Math.floor(created[r] / MS_PER_DAY);
  const lineIds = intValues(items, 'order_id');
  const days = new Int32Array(lineIds.length);
  for (let i = 0; i < lineIds.length; i++) {
    const slot = slots.slotOf(lineIds[i]);
    days[i] = slot < 0 ? -1 : dayOf[slot];
  }
  return days;
}

export interface StockPoint {
  date: number;
  onHand: number;
  sold: number;
  received: number;
  restocked: number;
}

/** One position's stock day by day (days without a snapshot row carry the last level). */
export function stockSeries(run: GeneratedRun, productId: number, locationId: number): StockPoint[] {
  const daily = run.clean.find((t) => t.name === 'inventory_daily') ?? run.tables.find((t) => t.name === 'inventory_daily');
  if (!daily) return [];
  const [date, product, location, onHand, sold, received, restocked] = ['date', 'product_id', 'location_id', 'on_hand', 'units_sold', 'units_received', 'units_restocked'].map((c) => intValues(daily, c));
  const start = date[0] ?? 0;
  const days = run.scenario.calendar.days;
  const out: StockPoint[] = [];
  let level = 0;
  let r = 0;
  for (let d = 0; d < days; d++) {
    const point = { date: start + d, onHand: level, sold: 0, received: 0, restocked: 0 };
    for (; r < daily.rowCount && date[r] <= start + d; r++) {
      if (date[r] !== start + d || product[r] !== productId || location[r] !== locationId) continue;
      level = onHand[r];
      Object.assign(point, { onHand: level, sold: sold[r], received: received[r], restocked: restocked[r] });
    }
    out.push(point);
  }
  return out;
}
