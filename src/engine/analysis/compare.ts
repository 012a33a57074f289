import type { GeneratedRun } from '../generate';
import { column, numericValue, type DataTable } from '../table';
import { inventoryReport } from './inventory';

export interface Kpi {
  key: string;
  label: string;
  value: number;
  baseline: number;
  /** How to show the number: a count, money or a share. */
  unit: 'count' | 'money' | 'share';
}

function table(run: GeneratedRun, name: string): DataTable | undefined {
  return run.tables.find((t) => t.name === name);
}

function sum(t: DataTable, name: string, keep: (r: number) => boolean = () => true): number {
  const c = column(t, name);
  let s = 0;
  for (let r = 0; r < t.rowCount; r++) if (keep(r)) s += numericValue(c, r);
  return s;
}

/** Headline figures of a run, where its tables allow: orders, revenue, AOV, return rate, tickets, abandonment, failures. */
export function headline(run: GeneratedRun): Map<string, { label: string; value: number; unit: Kpi['unit'] }> {
  const out = new Map<string, { label: string; value: number; unit: Kpi['unit'] }>();
  const orders = table(run, 'orders');
  if (orders) {
    const status = column(orders, 'status');
    const completed = (r: number) => status.type === 'dict' && status.dictionary[status.indices[r]] === 'completed';
    const failed = (r: number) => status.type === 'dict' && status.dictionary[status.indices[r]] === 'payment_failed';
    let nCompleted = 0;
    let nFailed = 0;
    for (let r = 0; r < orders.rowCount; r++) {
      if (completed(r)) nCompleted++;
      if (failed(r)) nFailed++;
    }
    const revenue = sum(orders, 'total', completed);
    out.set('orders', { label: 'Orders', value: orders.rowCount, unit: 'count' });
    out.set('revenue', { label: 'Revenue (completed)', value: revenue, unit: 'money' });
    out.set('aov', { label: 'Average order value', value: nCompleted ? revenue / nCompleted : 0, unit: 'money' });
    out.set('failure_rate', { label: 'Payment failure rate', value: orders.rowCount ? nFailed / orders.rowCount : 0, unit: 'share' });
    const returns = table(run, 'returns');
    if (returns) out.set('return_rate', { label: 'Return rate', value: nCompleted ? returns.rowCount / nCompleted : 0, unit: 'share' });
  }
  const tickets = table(run, 'support_tickets');
  if (tickets) out.set('tickets', { label: 'Support tickets', value: tickets.rowCount, unit: 'count' });
  const carts = table(run, 'cart_abandonment');
  if (carts) out.set('abandonment', { label: 'Abandoned carts', value: carts.rowCount, unit: 'count' });
  // A lifecycle's purchases, an inventory's stockouts and a labelled churn rate, where the run has them.
  const tx = table(run, 'transactions');
  if (tx) {
    out.set('purchases', { label: 'Purchases', value: tx.rowCount, unit: 'count' });
    out.set('purchase_revenue', { label: 'Purchase revenue', value: sum(tx, 'amount'), unit: 'money' });
  }
  const labels = table(run, 'customer_labels');
  if (labels && labels.rowCount > 0) out.set('churn', { label: 'Churned (labelled)', value: sum(labels, 'churned') / labels.rowCount, unit: 'share' });
  if (run.scenario.inventory && table(run, 'inventory_daily')) {
    const stock = inventoryReport(run);
    if (stock) out.set('stockout_rate', { label: 'Stockout rate', value: stock.stockoutPct / 100, unit: 'share' });
  }
  const shopify = table(run, 'shopify_orders');
  if (shopify) {
    out.set('tenant_orders', { label: 'Tenant orders', value: shopify.rowCount, unit: 'count' });
    out.set('tenant_revenue', { label: 'Tenant net revenue', value: sum(shopify, 'net_revenue'), unit: 'money' });
  }
  return out;
}

/** The scenario's KPIs beside the baseline's, for every KPI both runs have. */
export function compareKpis(current: GeneratedRun, baseline: GeneratedRun): Kpi[] {
  const a = headline(current);
  const b = headline(baseline);
  return [...a.entries()].filter(([k]) => b.has(k)).map(([key, v]) => ({ key, label: v.label, unit: v.unit, value: v.value, baseline: b.get(key)!.value }));
}

/** Orders per hour of both runs, from their hourly metrics. */
export function hourlyPair(current: GeneratedRun, baseline: GeneratedRun, metric = 'orders'): { t: number; scenario: number; baseline: number }[] {
  const a = table(current, 'hourly_metrics');
  const b = table(baseline, 'hourly_metrics');
  if (!a || !b || a.rowCount !== b.rowCount) return [];
  const hour = column(a, 'hour');
  const ca = column(a, metric);
  const cb = column(b, metric);
  return Array.from({ length: a.rowCount }, (_, r) => ({ t: numericValue(hour, r), scenario: numericValue(ca, r), baseline: numericValue(cb, r) }));
}
