import { AliasTable } from '../random/alias';

import { column, type DataTable } from '../table';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../time';
import { mixSamplers, mixVocabulary } from './customers';
import { GrowableColumns } from './growable';
import type { EngineModule } from './module';
import { dailyOrderPlan, DIURNAL_WEIGHTS } from './traffic';

export const ORDER_STATUSES = ['completed', 'cancelled', 'payment_failed'] as const;
export const PAYMENT_STATUSES = ['captured', 'refunded', 'failed'] as const;
const MAX_EXTRA_ITEMS = 19;
/** Units per line: mostly one. */
const QUANTITY_WEIGHTS = [0, 80, 14, 4, 2];
const DAY_PROGRESS_STEP = 100_000;

/**
 * Orders, their lines and payments, day by day. Each day draws from its own stream
 * (keyed by the day's index), so any range of days can run alone and the union of
 * the ranges equals one run over all of them.
 */
export const ordersModule: EngineModule = {
  id: 'orders',
  dependsOn: ['customers', 'catalog'],
  tables: ['orders', 'order_items', 'payments'],
  partitioned: true,
  estimateRows: (s) => s.calendar.days * s.volumes.ordersPerDay * (3 + s.orders.meanExtraItems),
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const cohorts = scenario.cohorts;
    const customers = ctx.table('customers');
    const products = ctx.table('products');
    const customerCohort = column(customers, 'cohort');
    const productPrice = column(products, 'price');
    if (customerCohort.type !== 'dict' || productPrice.type !== 'fixed') throw new Error('unexpected column types');

    const plan = dailyOrderPlan(scenario, ctx.stream('plan'));
    const activityRng = ctx.stream('activity');
    const customerWeights = new Float64Array(customers.rowCount);
    for (let i = 0; i < customers.rowCount; i++) customerWeights[i] = activityRng.logNormal(0, 0.8);
    const customerPick = new AliasTable(customerWeights);
    const popularityRng = ctx.stream('popularity');
    const productWeights = new Float64Array(products.rowCount);
    for (let i = 0; i < products.rowCount; i++) productWeights[i] = popularityRng.logNormal(0, 1.2);
    const productPick = new AliasTable(productWeights);
    const hourPick = new AliasTable(DIURNAL_WEIGHTS);
    const quantityPick = new AliasTable(QUANTITY_WEIGHTS);

    const channelVocab = mixVocabulary(cohorts.map((c) => c.mixes.channel));
    const paymentVocab = mixVocabulary(cohorts.map((c) => c.mixes.payment));
    const channelPick = mixSamplers(cohorts.map((c) => c.mixes.channel), channelVocab);
    const paymentPick = mixSamplers(cohorts.map((c) => c.mixes.payment), paymentVocab);

    const { couponRate, couponPercent, paymentFailureRate, cancelRate, meanExtraItems } = scenario.orders;
    const start = dayNumber(scenario.calendar.start);
    const firstId = plan.firstId[dayFrom];
    const n = plan.firstId[dayTo] - firstId;

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
    const paidAt = new Float64Array(n);
    const paymentStatus = new Int32Array(n);

    // order_id, line_no, product_id, quantity | unit_price
    const items = new GrowableColumns(4, 1, Math.ceil(n * (1.1 + meanExtraItems)));

    let row = 0;
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      const count = plan.counts[d];
      const dayStart = (start + d) * MS_PER_DAY;
      const first = row;
      for (let k = 0; k < count; k++) {
        createdAt[row + k] = dayStart + hourPick.sample(rng) * MS_PER_HOUR + rng.int(3600) * 1000;
      }
      createdAt.subarray(first, first + count).sort();
      for (let k = 0; k < count; k++, row++) {
        const id = firstId + row;
        const cust = customerPick.sample(rng);
        const cohort = customerCohort.indices[cust];
        orderId[row] = id;
        customerId[row] = cust + 1;
        channel[row] = channelPick[cohort].sample(rng);
        method[row] = paymentPick[cohort].sample(rng);
        const lines = 1 + Math.min(MAX_EXTRA_ITEMS, rng.poisson(meanExtraItems));
        itemCount[row] = lines;
        items.reserve(lines);
        const [itemOrder, itemLine, itemProduct, itemQuantity] = items.ints;
        const itemPrice = items.floats[0];
        let sum = 0;
        for (let l = 1, at = items.length; l <= lines; l++, at++) {
          const p = productPick.sample(rng);
          const q = quantityPick.sample(rng);
          const price = productPrice.values[p];
          itemOrder[at] = id;
          itemLine[at] = l;
          itemProduct[at] = p + 1;
          itemQuantity[at] = q;
          itemPrice[at] = price;
          sum += q * price;
        }
        items.length += lines;
        subtotal[row] = sum;
        const off = rng.bernoulli(couponRate / 100) ? Math.round((sum * couponPercent) / 100) : 0;
        discount[row] = off;
        total[row] = sum - off;
        paidAt[row] = createdAt[row] + (5 + rng.int(115)) * 1000;
        if (rng.bernoulli(paymentFailureRate / 100)) {
          status[row] = 2;
          paymentStatus[row] = 2;
        } else if (rng.bernoulli(cancelRate / 100)) {
          status[row] = 1;
          paymentStatus[row] = 1;
        }
        if (k % DAY_PROGRESS_STEP === DAY_PROGRESS_STEP - 1) yield (row + 1) / n;
      }
      yield n === 0 ? (d - dayFrom + 1) / (dayTo - dayFrom) : row / n;
    }

    const orders: DataTable = {
      name: 'orders',
      rowCount: n,
      columns: [
        { name: 'order_id', type: 'int32', values: orderId },
        { name: 'customer_id', type: 'int32', values: customerId },
        { name: 'created_at', type: 'timestamp', values: createdAt },
        { name: 'channel', type: 'dict', indices: channel, dictionary: channelVocab },
        { name: 'payment_method', type: 'dict', indices: method, dictionary: paymentVocab },
        { name: 'status', type: 'dict', indices: status, dictionary: ORDER_STATUSES },
        { name: 'item_count', type: 'int32', values: itemCount },
        { name: 'subtotal', type: 'fixed', scale: 2, values: subtotal },
        { name: 'discount', type: 'fixed', scale: 2, values: discount },
        { name: 'total', type: 'fixed', scale: 2, values: total },
      ],
    };
    const lines = items.finish();
    const orderItems: DataTable = {
      name: 'order_items',
      rowCount: items.length,
      columns: [
        { name: 'order_id', type: 'int32', values: lines.ints[0] },
        { name: 'line_no', type: 'int32', values: lines.ints[1] },
        { name: 'product_id', type: 'int32', values: lines.ints[2] },
        { name: 'quantity', type: 'int32', values: lines.ints[3] },
        { name: 'unit_price', type: 'fixed', scale: 2, values: lines.floats[0] },
      ],
    };
    const payments: DataTable = {
      name: 'payments',
      rowCount: n,
      columns: [
        // One payment per order, so payment ids follow order ids.
        { name: 'payment_id', type: 'int32', values: orderId.slice() },
        { name: 'order_id', type: 'int32', values: orderId.slice() },
        { name: 'created_at', type: 'timestamp', values: paidAt },
        { name: 'method', type: 'dict', indices: method.slice(), dictionary: paymentVocab },
        { name: 'status', type: 'dict', indices: paymentStatus, dictionary: PAYMENT_STATUSES },
        { name: 'amount', type: 'fixed', scale: 2, values: total.slice() },
      ],
    };
    return [orders, orderItems, payments];
  },
};
