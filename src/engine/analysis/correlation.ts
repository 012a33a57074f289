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
  /** Pearson correlation of hourly count ÷ expected count. */
  achieved: Square;
  /** Hours measured: those without an event (events follow their own designed shape). */
  hours: number;
  /** Mean expected count per hour of each metric: below a few, rounding swamps any correlation. */
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
  // Event hours follow their event's designed shape; the targets describe ordinary hours.
  const plan = hourlyPlan(scenario);
  const hourCol = col('hour');
  const ordinary = Array.from({ length: hourly.rowCount }, (_, i) => i).filter((i) => {
    const h = Math.round((hourCol[i] - plan.startMs) / MS_PER_HOUR);
    return h >= 0 && h < plan.hours && plan.expected.every((e, k) => e[h] === plan.baseline[k][h]);
  });
  if (ordinary.length < 3) return null;
  const meanExpected = CORRELATED_METRICS.map((m) => {
    const e = col(`expected_${m}`);
    return ordinary.reduce((a, i) => a + e[i], 0) / ordinary.length;
  });
  const ratios = CORRELATED_METRICS.map((m) => {
    const count = col(m);
    const expected = col(`expected_${m}`);
    return Float64Array.from(ordinary, (i) => (expected[i] > 0 ? count[i] / expected[i] : 0));
  });
  return { metrics: CORRELATED_METRICS, target: nearestCorrelation(scenario.correlations.matrix), achieved: correlationMatrix(ratios), hours: ordinary.length, meanExpected };
}
