import { correlationMatrix, nearestCorrelation, type Square } from '../random/copula';
import { CORRELATED_METRICS, type Scenario } from '../scenario/schema';
import type { DataTable } from '../table';
import { numericValue } from '../table';

export interface CorrelationReport {
  metrics: readonly string[];
  /** What the scenario asked for, after repair to the nearest correlation matrix. */
  target: Square;
  /** Pearson correlation of hourly count ÷ expected count. */
  achieved: Square;
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
  const meanExpected = CORRELATED_METRICS.map((m) => col(`expected_${m}`).reduce((a, b) => a + b, 0) / hourly.rowCount);
  const ratios = CORRELATED_METRICS.map((m) => {
    const count = col(m);
    const expected = col(`expected_${m}`);
    return count.map((v, i) => (expected[i] > 0 ? v / expected[i] : 0));
  });
  return { metrics: CORRELATED_METRICS, target: nearestCorrelation(scenario.correlations.matrix), achieved: correlationMatrix(ratios), hours: hourly.rowCount, meanExpected };
}
