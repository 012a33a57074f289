import type { Rng } from '../random/rng';
import type { Scenario } from '../scenario/schema';
import { dayNumber, weekday } from '../time';

/** Share of a day's orders per hour (UTC): quiet nights, a lunch peak and an evening peak. */
export const DIURNAL_WEIGHTS: readonly number[] = [
  1.2, 0.8, 0.5, 0.4, 0.4, 0.6, 1.2, 2.2, 3.4, 4.4, 5.0, 5.6, 6.4, 6.2, 5.6, 5.2, 5.2, 5.6, 6.4, 7.4, 8.0, 7.2, 5.0, 2.6,
];

/** Demand by weekday, Monday first; weekends busier. Normalised to a mean of 1 below. */
const WEEKDAY_RAW = [0.96, 0.94, 0.96, 0.98, 1.02, 1.1, 1.04];
const WEEKDAY_MEAN = WEEKDAY_RAW.reduce((a, b) => a + b, 0) / 7;
export const WEEKDAY_FACTORS: readonly number[] = WEEKDAY_RAW.map((w) => w / WEEKDAY_MEAN);

/**
 * Orders per calendar day, drawn up front from the plan stream: one number a day, so
 * every partition knows its ids (prefix sums) without running the days before it.
 */
export function dailyOrderPlan(scenario: Scenario, rng: Rng): { counts: Int32Array; firstId: Float64Array } {
  const days = scenario.calendar.days;
  const start = dayNumber(scenario.calendar.start);
  const counts = new Int32Array(days);
  const firstId = new Float64Array(days + 1);
  firstId[0] = 1;
  for (let d = 0; d < days; d++) {
    counts[d] = rng.poisson(scenario.volumes.ordersPerDay * WEEKDAY_FACTORS[weekday(start + d)]);
    firstId[d + 1] = firstId[d] + counts[d];
  }
  return { counts, firstId };
}
