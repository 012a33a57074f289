import { type Check, shareTolerance } from '../analysis/targets';
import { eventWindows, param } from '../model/events';
import { column, numericValue } from '../table';

const returnRates: Check = (run, table) => {
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
};

/** The returns module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const returnsChecks: readonly Check[] = [returnRates];
