import type { GeneratedRun } from '../generate';
import { eventWindows, outageWindow, param } from '../model/events';
import { hourlyPlan } from '../model/plan';
import { CORRELATED_METRICS } from '../scenario/schema';
import { column, numericValue, type DataTable } from '../table';
import { dayNumber } from '../time';
import { correlationReport } from './correlation';
import { estimateElasticities } from './elasticity';
import { estimatePriceElasticities } from './priceElasticity';
import { attributionReport } from './attribution';
import { inventoryReport } from './inventory';

export interface ConformanceRow {
  /** The module that declares the target. */
  module: string;
  target: string;
  expected: number;
  measured: number;
  /** Pass when |measured − expected| ≤ tolerance (or, with `atMost`, measured ≤ expected). */
  tolerance: number;
  atMost?: boolean;
  unit: '%' | 'corr' | 'β' | 'ε' | 'count' | '×';
  pass: boolean;
  /** Set on a part of a run (a partition, a day, an increment) for targets only the whole run can meet, with the reason. */
  notJudged?: string;
}

/**
 * Whether a target can be judged on a part of the run, and if not, why. Shares, rates, caps
 * and must-holds carry over (their tolerance follows the rows there are); correlations and
 * elasticities need every hour, and totals belong to the whole run.
 */
function partReason(row: Omit<ConformanceRow, 'pass'>): string | undefined {
  if (row.unit === 'corr') return 'a correlation is judged over every hour of the run, not a part';
  if (row.unit === 'β' || row.unit === 'ε') return 'an elasticity is estimated over the whole calendar, not a part';
  if (row.unit === 'count' && !row.atMost && row.expected !== 0) return 'a total of the whole run; a part holds a share of it';
  return undefined;
}

const isPart = (run: GeneratedRun) => ('fromDay' in run.partition ? true : run.partition.partitions > 1);

type Check = (run: GeneratedRun, table: (name: string) => DataTable | undefined) => Omit<ConformanceRow, 'pass'>[];

/** Four standard errors of a share p over n draws, in points (at least `floor`). */
const shareTolerance = (p: number, n: number, floor = 0.5) => Math.max(floor, 400 * Math.sqrt((p * (1 - p)) / Math.max(1, n)));

function dictShares(t: DataTable, name: string, keep: (r: number) => boolean = () => true): { shares: Map<string, number>; n: number } {
  const c = column(t, name);
  const counts = new Map<string, number>();
  let n = 0;
  if (c.type !== 'dict') return { shares: counts, n };
  for (let r = 0; r < t.rowCount; r++) {
    if (!keep(r)) continue;
    n++;
    const v = c.dictionary[c.indices[r]];
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { shares: new Map([...counts].map(([k, v]) => [k, v / Math.max(1, n)])), n };
}

/**
 * Each module's declared targets and how to measure them. A new module adds its check
 * here, keyed by its id, and its rows appear in the report and in conformance.json.
 */
export const CONFORMANCE_CHECKS: Record<string, Check> = {
  customers: (run, table) => {
    const customers = table('customers');
    if (!customers) return [];
    // With a lifecycle, the shares describe those already customers when the calendar starts.
    const since = column(customers, 'customer_since');
    const start = dayNumber(run.scenario.calendar.start);
    const existing = (r: number) => !run.scenario.lifecycle || (since.type === 'date' && since.values[r] < start);
    const { shares, n } = dictShares(customers, 'cohort', existing);
    return run.scenario.cohorts.map((c) => ({
      module: 'customers',
      target: `cohort share: ${c.label}`,
      expected: c.share,
      measured: 100 * (shares.get(c.id) ?? 0),
      tolerance: shareTolerance(c.share / 100, n),
      unit: '%' as const,
    }));
  },
  orders: (run, table) => {
    const orders = table('orders');
    const customers = table('customers');
    if (!orders || !customers || run.scenario.events.some((e) => e.type === 'channel_launch')) return [];
    const cust = column(orders, 'customer_id');
    const cohort = column(customers, 'cohort');
    if (cust.type !== 'int32' || cohort.type !== 'dict') return [];
    return run.scenario.cohorts.flatMap((c, ci) => {
      const { shares, n } = dictShares(orders, 'channel', (r) => cohort.indices[cust.values[r] - 1] === ci);
      return Object.entries(c.mixes.channel).map(([k, pct]) => ({
        module: 'orders',
        target: `${c.label} orders by channel: ${k}`,
        expected: pct,
        measured: 100 * (shares.get(k) ?? 0),
        tolerance: shareTolerance(pct / 100, n),
        unit: '%' as const,
      }));
    });
  },
  returns: (run, table) => {
    const orders = table('orders');
    const returns = table('returns');
    if (!orders || !returns) return [];
    const delivered = column(orders, 'delivered_at');
    const created = column(orders, 'created_at');
    const returnedOrder = column(returns, 'order_id');
    const returned = new Set(Array.from({ length: returns.rowCount }, (_, r) => numericValue(returnedOrder, r)));
    const id = column(orders, 'order_id');
    const waves = eventWindows(run.scenario).filter((w) => w.event.type === 'returns_wave');
    const rate = (keep: (t: number) => boolean) => {
      let n = 0;
      let k = 0;
      for (let r = 0; r < orders.rowCount; r++) {
        if (!delivered.valid?.[r] || !keep(numericValue(created, r))) continue;
        n++;
        if (returned.has(numericValue(id, r))) k++;
      }
      return { p: k / Math.max(1, n), n };
    };
    const outside = rate((t) => waves.every((w) => t < w.startMs || t >= w.endMs));
    const rows = [{ module: 'returns', target: 'return rate of delivered orders (outside waves)', expected: run.scenario.service.returnRatePct, measured: 100 * outside.p, tolerance: shareTolerance(run.scenario.service.returnRatePct / 100, outside.n), unit: '%' as const }];
    for (const w of waves) {
      const inside = rate((t) => t >= w.startMs && t < w.endMs);
      const want = param(w.event, 'returnRatePct', 24);
      rows.push({ module: 'returns', target: `return rate in ${w.event.label}`, expected: want, measured: 100 * inside.p, tolerance: shareTolerance(want / 100, inside.n), unit: '%' as const });
    }
    return rows;
  },
  payments: (run, table) => {
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
  },
  viral: (run, table) => {
    const items = table('order_items');
    const products = table('products');
    const viral = eventWindows(run.scenario).find((w) => w.event.type === 'viral_moment');
    if (!items || !products || !viral) return [];
    const pid = column(items, 'product_id');
    const qty = column(items, 'quantity');
    let units = 0;
    for (let r = 0; r < items.rowCount; r++) if (numericValue(pid, r) === products.rowCount) units += numericValue(qty, r);
    return [{ module: 'orders', target: 'viral product units sold (cap)', expected: param(viral.event, 'unitCap', 500), measured: units, tolerance: 0, atMost: true, unit: 'count' as const }];
  },
  metrics: (run, table) => {
    const report = correlationReport(run.scenario, table('hourly_metrics'));
    if (!report || report.meanExpected.some((m) => m < 3)) return [];
    const plan = hourlyPlan(run.scenario);
    const rows: Omit<ConformanceRow, 'pass'>[] = [];
    for (let a = 0; a < 4; a++) {
      for (let b = 0; b < a; b++) {
        rows.push({ module: 'metrics', target: `hourly correlation ${CORRELATED_METRICS[a]} × ${CORRELATED_METRICS[b]}`, expected: plan.target[a][b], measured: report.achieved[a][b], tolerance: 0.05, unit: 'corr' });
      }
    }
    return rows;
  },
  tenants: (run, table) =>
    estimateElasticities(run.scenario, table('shopify_orders'), table('weather_daily')).flatMap((t) =>
      t.estimates.map((e) => ({ module: 'tenants', target: `${t.tenant} ${e.variable} elasticity`, expected: e.truth, measured: e.estimate, tolerance: 0.03, unit: 'β' as const })),
    ),
  lifecycle: (run, table) => {
    const labels = table('customer_labels');
    const l = run.scenario.lifecycle;
    // A continued run keeps the first run's calibration, so its churn rate runs past the target by design.
    if (!labels || !l || (l.calibrationDays !== null && l.calibrationDays !== run.scenario.calendar.days)) return [];
    const churned = column(labels, 'churned');
    let k = 0;
    for (let r = 0; r < labels.rowCount; r++) k += numericValue(churned, r);
    return [{ module: 'lifecycle', target: 'churn rate at the label date', expected: l.churnRatePct, measured: (100 * k) / Math.max(1, labels.rowCount), tolerance: 2, unit: '%' as const }];
  },
  inventory: (run) => {
    const report = inventoryReport(run);
    if (!report) return [];
    return [
      { module: 'inventory', target: 'stockout rate (share of positions out, averaged over days), in the 5-10% band', expected: 7.5, measured: report.stockoutPct, tolerance: 2.5, unit: '%' as const },
      ...report.checks
        .filter((c) => !c.check.startsWith('stockout rate'))
        .map((c) => ({ module: 'inventory', target: c.check, expected: 0, measured: c.pass ? 0 : 1, tolerance: 0, unit: 'count' as const })),
    ];
  },
  jaffle: (run) => {
    const j = run.scenario.jaffle;
    const report = attributionReport(run);
    if (!j || !report) return [];
    const rows = (name: string) => run.clean.find((t) => t.name === name)?.rowCount ?? run.tables.find((t) => t.name === name)?.rowCount ?? 0;
    const volume = (target: string, measured: number, expected: number) => ({ module: 'jaffle', target, expected, measured, tolerance: expected * 0.1, unit: 'count' as const });
    const noAnomalies = j.anomalies.every((a) => a.kind !== 'volume_spike' && a.kind !== 'volume_drop');
    return [
      { module: 'jaffle', target: 'first orders on the same day as their session', expected: j.sameDayPct, measured: report.sameDayPct, tolerance: 3, unit: '%' as const },
      volume('training customers per run', rows('raw_customers_training'), j.customersPerRun),
      volume('training orders per run', rows('raw_orders_training'), j.customersPerRun * j.ordersPerCustomer),
      volume('sessions per run', rows('stg_app_sessions') + rows('stg_website_sessions'), j.sessionsPerRun),
      ...(noAnomalies ? [volume('validation orders per run', rows('raw_orders_validation'), (j.customersPerRun * j.ordersPerCustomer * j.validationPct) / 100)] : []),
    ];
  },
  pricing: (run, table) =>
    estimatePriceElasticities(run.scenario, table('orders'), table('customers')).map((c) => ({
      module: 'orders',
      target: `${c.label} price elasticity`,
      expected: c.truth,
      measured: c.estimate,
      tolerance: 0.15,
      unit: 'ε' as const,
    })),
};

/** Every declared target beside what the data shows, with its tolerance and pass or fail. */
export function conformanceReport(run: GeneratedRun): ConformanceRow[] {
  // Targets describe the process, so they are measured before any data-quality faults.
  const table = (name: string) => run.clean.find((t) => t.name === name) ?? run.tables.find((t) => t.name === name);
  const part = isPart(run);
  return Object.values(CONFORMANCE_CHECKS)
    .flatMap((check) => check(run, table))
    .map((row) => {
      const pass = row.atMost ? row.measured <= row.expected + row.tolerance : Math.abs(row.measured - row.expected) <= row.tolerance;
      const notJudged = part ? partReason(row) : undefined;
      // A target not judged on a part is never reported as failed there.
      return notJudged ? { ...row, pass: true, notJudged } : { ...row, pass };
    });
}
