import { correlationReport } from '../analysis/correlation';
import { type Check, type TargetRow } from '../analysis/targets';
import { hourlyPlan } from '../model/plan';
import { CORRELATED_METRICS } from '../scenario/schema';

const hourlyCorrelations: Check = (run, table) => {
  const report = correlationReport(run.scenario, table('hourly_metrics'));
  if (!report || report.meanExpected.some((m) => m < 3)) return [];
  const plan = hourlyPlan(run.scenario);
  const rows: TargetRow[] = [];
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < a; b++) {
      rows.push({ module: 'metrics', target: `hourly correlation ${CORRELATED_METRICS[a]} × ${CORRELATED_METRICS[b]}`, expected: plan.target[a][b], measured: report.achieved[a][b], tolerance: 0.05, unit: 'corr' });
    }
  }
  return rows;
};

/** The metrics module's declared targets, each measured on the clean tables of a run (see analysis/conformance.ts). */
export const metricsChecks: readonly Check[] = [hourlyCorrelations];
