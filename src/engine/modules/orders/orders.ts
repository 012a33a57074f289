import { ordersChecks } from './checks';
import type { Rng } from '../../random/rng';
import type { DataTable } from '../../table';
import type { Scenario } from '../../scenario/schema';
import { MS_PER_HOUR } from '../../time';
import { activeAt, campaignIds, discountAt, outageWindow, param, type EventWindow } from '../../model/events';
import { GrowableColumns } from '../../model/growable';
import type { EngineModule } from '../module';
import { buildOrderContext } from './orderContext';
import { hourlyPlan, plannedOrders } from '../../model/plan';
import { AliasTable } from '../../random/alias';

export const ORDER_STATUSES = ['completed', 'cancelled', 'payment_failed'] as const;
export const PAYMENT_STATUSES = ['captured', 'refunded', 'failed'] as const;
export const FULFILMENT = ['primary', 'backup'] as const;
const MAX_EXTRA_ITEMS = 19;
/** Units per line: mostly one. */
const QUANTITY_WEIGHTS = [0, 80, 14, 4, 2];
const COMPLETED = 0;
const CANCELLED = 1;
const FAILED = 2;

/**
 * Chooses k distinct items of the first `length` of `from` (partial Fisher–Yates): they are
 * reordered so that the chosen come first; returns how many were chosen.
 */
export function chooseExactly(from: Int32Array, length: number, k: number, rng: Rng): number {
  const n = Math.max(0, Math.min(Math.floor(k), length));
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(length - i);
    const chosen = from[j];
    from[j] = from[i];
    from[i] = chosen;
  }
  return n;
}

/** Payment failure probability at time t outside outages: flash sales stress the gateway. */
function failureRateAt(windows: readonly EventWindow[], base: number, t: number): number {
  let rate = base;
  for (const w of windows) if (w.event.type === 'flash_sale' && activeAt(w, t)) rate = Math.max(rate, param(w.event, 'failureRatePct', base * 100) / 100);
  return rate;
}

function inOutage(windows: readonly EventWindow[], t: number): EventWindow | null {
  for (const w of windows) {
    if (w.event.type !== 'payment_outage') continue;
    const [s, e] = outageWindow(w);
    if (t >= s && t < e) return w;
  }
  return null;
}

/** Rows of each table the orders module makes, roughly: an order's lines are one and its extra items. */
const ORDER_TABLE_ROWS = {
  orders: (s: Scenario) => plannedOrders(s),
  order_items: (s: Scenario) => plannedOrders(s) * (1 + s.orders.meanExtraItems),
  payments: (s: Scenario) => plannedOrders(s),
};

/**
 * Orders, their lines and payments, hour by hour: each hour places exactly the planned
 * number of orders and late deliveries, drawing from the stream of its day, so any range
 * of days can run alone and the union of the ranges equals one run over all of them.
 */
export const ordersModule: EngineModule = {
  checks: ordersChecks,
  id: 'orders',
  dependsOn: ['customers', 'catalog'],
  reads: ['customers', 'products', 'suppliers'],
  tables: ['orders', 'order_items', 'payments'],
  rowBytes: 56,
  partitioned: true,
  estimateRows: (s) => Object.values(ORDER_TABLE_ROWS).reduce((n, rows) => n + rows(s), 0),
  estimateTableRows: ORDER_TABLE_ROWS,
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const plan = hourlyPlan(scenario);
    const oc = buildOrderContext(scenario, ctx.table('customers'), ctx.table('products'), ctx.table('suppliers'), ctx.stream('context'));
    const { windows } = oc;
    const campaigns = campaignIds(scenario);
    const viralEvent = windows.find((w) => w.event.type === 'viral_moment');
    const viralProduct = oc.viralProduct;
    const quantityPick = new AliasTable(QUANTITY_WEIGHTS);
    const { couponRate, couponPercent, paymentFailureRate, cancelRate, meanExtraItems } = scenario.orders;
    const promiseMs = scenario.service.promiseDays * 24 * MS_PER_HOUR;

    const hourFrom = dayFrom * 24;
    const hourTo = dayTo * 24;
    const firstId = plan.firstId[0][hourFrom];
    const n = plan.firstId[0][hourTo] - firstId;

    const orderId = new Int32Array(n);
    const customerId = new Int32Array(n);
    const createdAt = new Float64Array(n);
    const channel = new Int32Array(n);
    const method = new Int32Array(n);
    const status = new Int32Array(n);
    const itemCount = new Int32Array(n);
    const subtotal = new Float64Array(n);
    const discount = new Float64Array(n);
    const total = new Float64Array(n);
    const promisedAt = new Float64Array(n);
    const deliveredAt = new Float64Array(n);
    const delivered = new Uint8Array(n);
    const campaignId = new Int32Array(n);
    const hasCampaign = new Uint8Array(n);
    const paidAt = new Float64Array(n);
    const paymentStatus = new Int32Array(n);
    // order_id, line_no, product_id, quantity, fulfilled_by | unit_price, discount
    const items = new GrowableColumns(5, 2, Math.ceil(n * (1.1 + meanExtraItems)));

    // Orders of the hour per second: the hour's times come out sorted (a counting sort instead
    // of sorting each hour's times; about 2% of generating a million orders, paired runs).
    const ordersInSecond = new Int32Array(3600);
    // An hour's viral units per order, its orders inside an outage, its completed orders and
    // which of them arrive late, in arrays made once (arrays and a Set an hour were work for
    // the collector).
    let busiest = 0;
    for (let h = hourFrom; h < hourTo; h++) busiest = Math.max(busiest, plan.counts[0][h]);
    const viralQty = new Int32Array(busiest);
    const outageCandidates = new Int32Array(busiest);
    const completed = new Int32Array(busiest);
    const late = new Uint8Array(busiest);
    // The order being written and its lines (one object for every order: a closure per order
    // was a million allocations for the collector).
    const order = { id: 0, t: 0, at: 0, sum: 0, off: 0, eventCampaign: -1 };
    const addLine = (p: number, q: number, source: number) => {
      // Taken per line (a reserve may have grown them); once per order measured the same.
      const [iOrder, iLine, iProduct, iQty, iSource] = items.ints;
      const [iPrice, iDiscount] = items.floats;
      const { at } = order;
      const price = oc.priceCol.values[p];
      const cut = discountAt(windows, oc.categoryCol.dictionary[oc.categoryCol.indices[p]], order.t);
      const lineOff = Math.round((q * price * cut.pct) / 100);
      if (cut.event >= 0) order.eventCampaign = cut.event;
      iOrder[at] = order.id;
      iLine[at] = at - items.length + 1;
      iProduct[at] = p + 1;
      iQty[at] = q;
      iSource[at] = source;
      iPrice[at] = price;
      iDiscount[at] = lineOff;
      order.sum += q * price;
      order.off += lineOff;
      order.at = at + 1;
    };
    let row = 0;
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      for (let h = d * 24; h < (d + 1) * 24; h++) {
        const count = plan.counts[0][h];
        const hourStart = plan.startMs + h * MS_PER_HOUR;
        const first = row;
        for (let k = 0; k < count; k++) ordersInSecond[rng.int(3600)]++;
        writeSecondsInOrder(createdAt, first, hourStart, ordersInSecond);
        const cohortPick = oc.cohortPickAt(hourStart + MS_PER_HOUR / 2);
        // Viral units of this hour, spread over its orders.
        viralQty.fill(0, 0, count);
        for (let u = 0; u < plan.viralUnits[h] && count > 0; u++) viralQty[rng.int(count)]++;
        let inOutageCount = 0;
        let outageEvent: EventWindow | null = null;

        for (let k = 0; k < count; k++, row++) {
          const t = createdAt[row];
          const id = firstId + row;
          const cohort = cohortPick.sample(rng);
          const cust = oc.pickCustomer(cohort, rng, t);
          orderId[row] = id;
          customerId[row] = cust + 1;
          channel[row] = oc.pickChannel(cust, cohort, t, rng);
          method[row] = oc.paymentPick[cohort].sample(rng);

          const lines = 1 + Math.min(MAX_EXTRA_ITEMS, rng.poisson(meanExtraItems));
          items.reserve(lines + 1);
          order.id = id;
          order.t = t;
          order.sum = 0;
          order.off = 0;
          order.eventCampaign = -1;
          order.at = items.length;
          for (let l = 0; l < lines; l++) {
            let p = oc.pickProduct(t, rng);
            let supply = oc.supplyAt(p, t, rng);
            for (let tries = 0; supply === 'unavailable' && tries < 20; tries++) {
              p = oc.productPick.sample(rng);
              supply = oc.supplyAt(p, t, rng);
            }
            addLine(p, quantityPick.sample(rng), supply === 'backup' ? 1 : 0);
          }
          if (viralQty[k] > 0) {
            addLine(viralProduct, viralQty[k], 0);
            order.eventCampaign = viralEvent!.index;
          }
          const { at, sum, off, eventCampaign } = order;
          itemCount[row] = at - items.length;
          items.length = at;

          const coupon = rng.bernoulli(couponRate / 100) ? Math.round(((sum - off) * couponPercent) / 100) : 0;
          subtotal[row] = sum;
          discount[row] = off + coupon;
          total[row] = sum - off - coupon;
          const campaign = coupon > 0 ? campaigns.coupon : eventCampaign >= 0 ? campaigns.byEvent.get(eventCampaign) : undefined;
          if (campaign !== undefined && campaign !== null) {
            campaignId[row] = campaign;
            hasCampaign[row] = 1;
          }
          paidAt[row] = t + (5 + rng.int(115)) * 1000;
          promisedAt[row] = t + promiseMs;

          const outage = inOutage(windows, t);
          if (outage) {
            outageEvent = outage;
            outageCandidates[inOutageCount++] = row;
          } else if (rng.bernoulli(failureRateAt(windows, paymentFailureRate / 100, t))) {
            status[row] = FAILED;
          }
          if (status[row] !== FAILED && rng.bernoulli(cancelRate / 100)) status[row] = CANCELLED;
        }

        // Inside an outage exactly the event's share of this hour's payments fail.
        if (outageEvent) {
          const failing = chooseExactly(outageCandidates, inOutageCount, Math.round((inOutageCount * param(outageEvent.event, 'failureRatePct', 75)) / 100), rng);
          for (let i = 0; i < failing; i++) status[outageCandidates[i]] = FAILED;
        }
        // Exactly the planned number of late deliveries, among the hour's completed orders.
        let done = 0;
        for (let r = first; r < row; r++) {
          paymentStatus[r] = status[r];
          if (status[r] === COMPLETED) completed[done++] = r;
        }
        const lateCount = chooseExactly(completed, done, plan.counts[2][h], rng);
        for (let i = 0; i < lateCount; i++) late[completed[i] - first] = 1;
        for (let r = first; r < row; r++) {
          if (status[r] !== COMPLETED) continue;
          delivered[r] = 1;
          deliveredAt[r] = late[r - first]
            ? promisedAt[r] + (2 * 3600 + rng.int(70 * 3600)) * 1000
            : promisedAt[r] - rng.int(Math.min(48 * 3600, Math.max(1, promiseMs / 1000 - 6 * 3600))) * 1000;
        }
        late.fill(0, 0, row - first);
      }
      yield n === 0 ? (d - dayFrom + 1) / (dayTo - dayFrom) : row / n;
    }

    const lines = items.finish();
    const orders: DataTable = {
      name: 'orders',
      rowCount: n,
      columns: [
        { name: 'order_id', type: 'int32', values: orderId },
        { name: 'customer_id', type: 'int32', values: customerId },
        { name: 'created_at', type: 'timestamp', values: createdAt },
        { name: 'channel', type: 'dict', indices: channel, dictionary: oc.channelVocab },
        { name: 'payment_method', type: 'dict', indices: method, dictionary: oc.paymentVocab },
        { name: 'status', type: 'dict', indices: status, dictionary: ORDER_STATUSES },
        { name: 'item_count', type: 'int32', values: itemCount },
        { name: 'subtotal', type: 'fixed', scale: 2, values: subtotal },
        { name: 'discount', type: 'fixed', scale: 2, values: discount },
        { name: 'total', type: 'fixed', scale: 2, values: total },
        { name: 'promised_at', type: 'timestamp', values: promisedAt },
        { name: 'delivered_at', type: 'timestamp', values: deliveredAt, valid: delivered },
        { name: 'campaign_id', type: 'int32', values: campaignId, valid: hasCampaign },
      ],
    };
    const orderItems: DataTable = {
      name: 'order_items',
      rowCount: items.length,
      columns: [
        { name: 'order_id', type: 'int32', values: lines.ints[0] },
        { name: 'line_no', type: 'int32', values: lines.ints[1] },
        { name: 'product_id', type: 'int32', values: lines.ints[2] },
        { name: 'quantity', type: 'int32', values: lines.ints[3] },
        { name: 'unit_price', type: 'fixed', scale: 2, values: lines.floats[0] },
        { name: 'discount', type: 'fixed', scale: 2, values: lines.floats[1] },
        { name: 'fulfilled_by', type: 'dict', indices: lines.ints[4], dictionary: FULFILMENT },
      ],
    };
    const payments: DataTable = {
      name: 'payments',
      rowCount: n,
      // One payment per order, so payment ids follow order ids. Columns equal to orders' share
      // their arrays (tables are never changed in place: faults clone a column first); copies
      // were 20 MB of fresh memory a million orders.
      columns: [
        { name: 'payment_id', type: 'int32', values: orderId },
        { name: 'order_id', type: 'int32', values: orderId },
        { name: 'created_at', type: 'timestamp', values: paidAt },
        { name: 'method', type: 'dict', indices: method, dictionary: oc.paymentVocab },
        { name: 'status', type: 'dict', indices: paymentStatus, dictionary: PAYMENT_STATUSES },
        { name: 'amount', type: 'fixed', scale: 2, values: total },
      ],
    };
    return [orders, orderItems, payments];
  },
};

/** The times of an hour's orders, in order, from its count of orders per second (emptied). */
function writeSecondsInOrder(times: Float64Array, first: number, hourStart: number, perSecond: Int32Array): void {
  let at = first;
  for (let second = 0; second < perSecond.length; second++) {
    for (let n = perSecond[second]; n > 0; n--) times[at++] = hourStart + second * 1000;
    perSecond[second] = 0;
  }
}
