import { correlationReport } from '../analysis/correlation';
import { type Check, type TargetRow } from '../analysis/targets';
import { hourlyPlan } from '../model/plan';
import { CORRELATED_METRICS } from '../scenario/schema';
import { LOW_STOCK_ABANDONMENT_POINTS } from './inventory/inventoryTables';

const ABANDONMENTS = CORRELATED_METRICS.indexOf('cart_abandonments');

const hourlyCorrelations: Check = (run, table) => {
  const report = correlationReport(run.scenario, table('hourly_metrics'));
  if (!report || report.meanExpected.some((m) => m < 3)) return [];
  const plan = hourlyPlan(run.scenario);
  const rows: TargetRow[] = [];
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < a; b++) {
      const row: TargetRow = { module: 'metrics', target: `hourly correlation ${CORRELATED_METRICS[a]} × ${CORRELATED_METRICS[b]}`, expected: plan.target[a][b], measured: report.achieved[a][b], tolerance: 0.05, unit: 'corr' };
      // Inventory adds abandoned carts where shelves run low (a designed effect, its own target):
      // abandonment then follows stock as well as the copula, so its correlations are not held to the plan.
      const lifted = run.scenario.inventory && (a === ABANDONMENTS || b === ABANDONMENTS);
      rows.push(lifted ? { ...row, notJudged: `inventory adds ${LOW_STOCK_ABANDONMENT_POINTS} points of cart abandonment where stock runs low, on top of the planned hourly counts` } : row);
    }
  }
  return rows;
};

/** The metrics module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const metricsChecks: readonly Check[] = [hourlyCorrelations];
