import type { GeneratedRun } from '../generate';
import { column, numericValue, type DataTable } from '../table';
import { dayNumber, DAYS_PER_MONTH, MS_PER_DAY } from '../time';

export interface LifecycleReport {
  churnTargetPct: number;
  churnMeasuredPct: number;
  labelled: number;
  /** Per segment: share still buying m months after signup (or after the calendar's start, for earlier customers). */
  curves: { segment: string; points: { month: number; sharePct: number; customers: number }[] }[];
}

/**
 * Survival by segment, read from the data: a customer counts as still buying at month m
 * if it bought on or after its start + m months, where its start is its signup or, for
 * one who signed up before the calendar, the calendar's first day. Only customers whose
 * month m lies at least the inactivity window before the label day count at m, so a
 * recent quiet spell is not mistaken for churn.
 */
export function lifecycleReport(run: GeneratedRun): LifecycleReport | null {
  const l = run.scenario.lifecycle;
  const pick = (name: string): DataTable | undefined => run.clean.find((t) => t.name === name) ?? run.tables.find((t) => t.name === name);
  const customers = pick('customers');
  const tx = pick('transactions');
  const labels = pick('customer_labels');
  if (!l || !customers || !tx || !labels) return null;
  const start = dayNumber(run.scenario.calendar.start);
  const labelDay = start + run.scenario.calendar.days - 1;
  const since = column(customers, 'customer_since');
  const cohort = column(customers, 'cohort');
  if (cohort.type !== 'dict') return null;
  const idToRow = new Map<number, number>();
  for (let r = 0; r < customers.rowCount; r++) idToRow.set(numericValue(customers.columns[0], r), r);
  const begin = Float64Array.from({ length: customers.rowCount }, (_, r) => Math.max(start, numericValue(since, r)));
  const last = Float64Array.from(begin, (b) => b - 1);
  const txCustomer = column(tx, 'customer_id');
  const txDate = column(tx, 'transaction_date');
  for (let r = 0; r < tx.rowCount; r++) {
    const row = idToRow.get(numericValue(txCustomer, r));
    if (row === undefined) continue;
    last[row] = Math.max(last[row], Math.floor(numericValue(txDate, r) / MS_PER_DAY));
  }
  const horizon = labelDay - l.inactivityDays;
  const months = Math.max(0, (horizon - start) / DAYS_PER_MONTH);
  // Short calendars get half-month points, so a 4-month window still draws a curve.
  const step = months < 12 ? 0.5 : 1;
  const curves = cohort.dictionary.map((segment, c) => {
    const points = [];
    for (let m = 0; m <= months; m += step) {
      let n = 0;
      let alive = 0;
      for (let r = 0; r < customers.rowCount; r++) {
        if (cohort.indices[r] !== c) continue;
        const at = begin[r] + m * DAYS_PER_MONTH;
        if (at > horizon) continue;
        n++;
        if (last[r] >= at) alive++;
      }
      if (n > 0) points.push({ month: m, sharePct: (100 * alive) / n, customers: n });
    }
    return { segment, points };
  });
  const churned = column(labels, 'churned');
  let k = 0;
  for (let r = 0; r < labels.rowCount; r++) k += numericValue(churned, r);
  return { churnTargetPct: l.churnRatePct, churnMeasuredPct: (100 * k) / Math.max(1, labels.rowCount), labelled: labels.rowCount, curves };
}
