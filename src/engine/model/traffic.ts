
/**
 * Relative demand per hour of the day (UTC): a night low at about a fifth of the evening
 * peak, a lunch peak and an evening peak. Online shops never sleep completely.
 */
const DIURNAL_WEIGHTS: readonly number[] = [
  2.4, 1.8, 1.5, 1.4, 1.4, 1.6, 2.2, 3.0, 3.8, 4.4, 4.9, 5.3, 5.8, 5.7, 5.3, 5.0, 5.0, 5.4, 6.0, 6.6, 7.0, 6.6, 5.2, 3.6,
];
const DIURNAL_TOTAL = DIURNAL_WEIGHTS.reduce((a, b) => a + b, 0);
/** Share of a day's orders in each hour (sums to 1). */
export const DIURNAL_SHARES: readonly number[] = DIURNAL_WEIGHTS.map((w) => w / DIURNAL_TOTAL);

/** Demand by weekday, Monday first; weekends busier. Normalised to a mean of 1. */
const WEEKDAY_RAW = [0.96, 0.94, 0.96, 0.98, 1.02, 1.1, 1.04];
const WEEKDAY_MEAN = WEEKDAY_RAW.reduce((a, b) => a + b, 0) / 7;
export const WEEKDAY_FACTORS: readonly number[] = WEEKDAY_RAW.map((w) => w / WEEKDAY_MEAN);
