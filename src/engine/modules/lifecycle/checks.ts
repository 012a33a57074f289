import { type Check } from '../../analysis/targets';
import { column, numericValue } from '../../table';

const churnRate: Check = (run, table) => {
  const labels = table('customer_labels');
  const l = run.scenario.lifecycle;
  // A continued run keeps the first run's calibration, so its churn rate runs past the target by design.
  if (!labels || !l || (l.calibrationDays !== null && l.calibrationDays !== run.scenario.calendar.days)) return [];
  const churned = column(labels, 'churned');
  let k = 0;
  for (let r = 0; r < labels.rowCount; r++) k += numericValue(churned, r);
  return [{ module: 'lifecycle', target: 'churn rate at the label date', expected: l.churnRatePct, measured: (100 * k) / Math.max(1, labels.rowCount), tolerance: 2, unit: '%' as const }];
};

/** The lifecycle module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const lifecycleChecks: readonly Check[] = [churnRate];
