import { estimatePriceElasticities } from '../../analysis/priceElasticity';
import { type Check, shareTolerance } from '../../analysis/targets';
import { eventWindows, outageWindow, param } from '../../model/events';
import { column, numericValue } from '../../table';

const channelSharesByCohort: Check = (run, table) => {
  const orders = table('orders');
  const customers = table('customers');
  if (!orders || !customers || run.scenario.events.some((e) => e.type === 'channel_launch')) return [];
  const cust = column(orders, 'customer_id');
  const cohort = column(customers, 'cohort');
  const channel = column(orders, 'channel');
  if (cust.type !== 'int32' || cohort.type !== 'dict' || channel.type !== 'dict') return [];
  // Orders by (the customer's cohort, channel) in one pass: a pass over every order per cohort,
  // through a closure and a Map of words, was most of a 1M-order run's conformance report.
  const words = channel.dictionary.length;
  const cohorts = run.scenario.cohorts.length;
  const counts = new Float64Array(cohorts * words);
  const perCohort = new Float64Array(cohorts);
  for (let r = 0; r < orders.rowCount; r++) {
    const row = cust.values[r] - 1;
    if (row < 0 || row >= customers.rowCount) continue;
    const ci = cohort.indices[row];
    if (ci >= cohorts) continue;
    counts[ci * words + channel.indices[r]]++;
    perCohort[ci]++;
  }
  return run.scenario.cohorts.flatMap((c, ci) => {
    const n = perCohort[ci];
    const share = (k: string) => channel.dictionary.reduce((sum, w, i) => (w === k ? sum + counts[ci * words + i] : sum), 0) / Math.max(1, n);
    return Object.entries(c.mixes.channel).map(([k, pct]) => ({
      module: 'orders',
      target: `${c.label} orders by channel: ${k}`,
      expected: pct,
      measured: 100 * share(k),
      tolerance: shareTolerance(pct / 100, n),
      unit: '%' as const,
    }));
  });
};

const outageFailureRates: Check = (run, table) => {
  const orders = table('orders');
  if (!orders) return [];
  const created = column(orders, 'created_at');
  const status = column(orders, 'status');
  return eventWindows(run.scenario)
    .filter((w) => w.event.type === 'payment_outage')
    .map((w) => {
      const [s, e] = outageWindow(w);
      let n = 0;
      let failed = 0;
      for (let r = 0; r < orders.rowCount; r++) {
        const t = numericValue(created, r);
        if (t < s || t >= e) continue;
        n++;
        if (status.type === 'dict' && status.dictionary[status.indices[r]] === 'payment_failed') failed++;
      }
      return { module: 'payments', target: `payment failures in ${w.event.label}`, expected: param(w.event, 'failureRatePct', 75), measured: (100 * failed) / Math.max(1, n), tolerance: 5, unit: '%' as const };
    });
};

const viralUnitCap: Check = (run, table) => {
  const items = table('order_items');
  const products = table('products');
  const viral = eventWindows(run.scenario).find((w) => w.event.type === 'viral_moment');
  if (!items || !products || !viral) return [];
  const pid = column(items, 'product_id');
  const qty = column(items, 'quantity');
  let units = 0;
  for (let r = 0; r < items.rowCount; r++) if (numericValue(pid, r) === products.rowCount) units += numericValue(qty, r);
  return [{ module: 'orders', target: 'viral product units sold (cap)', expected: param(viral.event, 'unitCap', 500), measured: units, tolerance: 0, atMost: true, unit: 'count' as const }];
};

const priceElasticities: Check = (run, table) =>
  estimatePriceElasticities(run.scenario, table('orders'), table('customers')).map((c) => ({
    module: 'orders',
    target: `${c.label} price elasticity`,
    expected: c.truth,
    measured: c.estimate,
    tolerance: c.tolerance,
    unit: 'ε' as const,
  }));

/** The orders module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const ordersChecks: readonly Check[] = [channelSharesByCohort, outageFailureRates, viralUnitCap, priceElasticities];
