import { hourlyPlan } from '../model/plan';
import { correlationMatrix, nearestCorrelation, type Square } from '../random/copula';
import { MS_PER_HOUR } from '../time';
import { CORRELATED_METRICS, type Scenario } from '../scenario/schema';
import type { DataTable } from '../table';
import { numericValue } from '../table';

export interface CorrelationReport {
  metrics: readonly string[];
  /** What the scenario asked for, after repair to the nearest correlation matrix. */
  target: Square;
  /** Pearson correlation of the hourly deviation: count (less an event's designed surplus) ÷ everyday level. */
  achieved: Square;
  /** Hours measured: every hour with something expected of every metric. */
  hours: number;
  /** Mean everyday count per hour of each metric: below a few, rounding swamps any correlation. */
  meanExpected: number[];
}

/** Below this mean hourly count, whole-number counts cannot carry a correlation well. */
export const SMALL_COUNT = 3;

/**
 * Achieved correlations, measured on hourly deviations from the expected curve (count ÷
 * its expected level), since the shared daily rhythm would otherwise dominate every pair.
 */
export function correlationReport(scenario: Scenario, hourly: DataTable | undefined): CorrelationReport | null {
  if (!hourly || hourly.rowCount < 3) return null;
  const col = (name: string) => {
    const c = hourly.columns.find((x) => x.name === name);
    if (!c) throw new Error(`hourly_metrics has no ${name}`);
    return Float64Array.from({ length: hourly.rowCount }, (_, i) => numericValue(c, i));
  };
  // The copula draws each hour's deviation on the everyday level; an event's surplus comes on
  // top as expected (model/plan.ts). Taking the designed surplus off again measures the
  // deviation in every hour, event hours included: a sample of all hours is the sample the
  // plan fitted its correlation on, so a scenario with events holds its targets as well as
  // one without. Hours where an event leaves a metric nothing to draw on (an outage) say nothing.
  const plan = hourlyPlan(scenario);
  const hourCol = col('hour');
  const counts = CORRELATED_METRICS.map((m) => col(m));
  const planHours: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < hourly.rowCount; i++) {
    const h = Math.round((hourCol[i] - plan.startMs) / MS_PER_HOUR);
    if (h < 0 || h >= plan.hours || plan.expected.some((e, k) => Math.min(e[h], plan.baseline[k][h]) <= 0)) continue;
    planHours.push(h);
    rows.push(i);
  }
  if (rows.length < 3) return null;
  const meanExpected = plan.baseline.map((b) => planHours.reduce((a, h) => a + b[h], 0) / planHours.length);
  const ratios = counts.map((count, k) => {
    const expected = plan.expected[k];
    const baseline = plan.baseline[k];
    return Float64Array.from(rows, (i, j) => {
      const h = planHours[j];
      const surplus = Math.max(0, expected[h] - baseline[h]);
      return (count[i] - surplus) / Math.min(expected[h], baseline[h]);
    });
  });
  return { metrics: CORRELATED_METRICS, target: nearestCorrelation(scenario.correlations.matrix), achieved: correlationMatrix(ratios), hours: rows.length, meanExpected };
}
