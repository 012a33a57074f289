import { eventWindows, overlap, respondsToPrice, shapeAtHour } from '../model/events';
import { hourlyPlan } from '../model/plan';
import type { Scenario } from '../scenario/schema';
import { column, type DataTable } from '../table';
import { MS_PER_DAY, MS_PER_HOUR } from '../time';

/** |ε̂ − ε| at most this counts as recovered, however large the sample. */
export const PRICE_TOLERANCE = 0.15;
/**
 * A small cohort's estimate carries more sampling error than ±0.15 allows for (seasonal
 * planning's Boomers, 12% of orders: standard error ≈ 0.073, so ±0.15 is 2 se and a run in
 * ten would "fail" on noise alone). Recovery is judged within three standard errors when
 * that is wider: a miss then says the model is off, not that the cohort is small.
 */
export const PRICE_SE_MULTIPLE = 3;

/** The tolerance an estimate with standard error `se` is judged by. */
export function priceTolerance(se: number): number {
  return Math.max(PRICE_TOLERANCE, PRICE_SE_MULTIPLE * se);
}

export interface CohortPriceElasticity {
  cohort: string;
  label: string;
  discountPct: number;
  truth: number;
  estimate: number;
  se: number;
  /** ± around the truth within which the estimate counts as recovered (see priceTolerance). */
  tolerance: number;
  pass: boolean;
}

/**
 * Per cohort, from the first discount that moves demand: the cohort's orders inside the
 * event against what its own rate outside events predicts for those hours gives its mean
 * uplift ū; the event's schedule (its shape, known to whoever ran it) turns that into the
 * full-height uplift U = ((ū − 1)/s̄ + 1)/intensity, and ε̂ = ln U / ln(1 − discount).
 */
export function estimatePriceElasticities(scenario: Scenario, orders: DataTable | undefined, customers: DataTable | undefined): CohortPriceElasticity[] {
  const windows = eventWindows(scenario);
  const w = windows.find((x) => respondsToPrice(x.event));
  if (!w || !orders || !customers) return [];
  const plan = hourlyPlan(scenario);
  const created = column(orders, 'created_at');
  const customer = column(orders, 'customer_id');
  const cohortCol = column(customers, 'cohort');
  if (created.type !== 'timestamp' || customer.type !== 'int32' || cohortCol.type !== 'dict') return [];

  // The days the orders cover: a preview (the first days) or a part holds only some, and
  // comparing its orders with the whole calendar's expectation read as demand falling away.
  const [fromHour, toHour] = coveredHours(created.values, plan.startMs);
  // Baseline (no-event) expected orders inside the window and outside every event, and the window's mean shape.
  let insideBase = 0;
  let outsideBase = 0;
  let shapeWeighted = 0;
  for (let h = fromHour; h < Math.min(toHour, plan.hours); h++) {
    const start = plan.startMs + h * MS_PER_HOUR;
    const b = plan.baseline[0][h];
    const part = overlap(w, start);
    if (part > 0) {
      insideBase += b * part;
      shapeWeighted += b * part * shapeAtHour(w, start);
    } else if (windows.every((x) => overlap(x, start) === 0)) outsideBase += b;
  }
  // A discount outside these days (a preview that stops before it) has nothing to estimate from.
  if (insideBase <= 0 || outsideBase <= 0) return [];
  const sBar = shapeWeighted / insideBase;
  const inside = new Float64Array(scenario.cohorts.length);
  const outside = new Float64Array(scenario.cohorts.length);
  for (let r = 0; r < orders.rowCount; r++) {
    const t = created.values[r];
    const c = cohortCol.indices[customer.values[r] - 1];
    if (t >= w.startMs && t < w.endMs) inside[c]++;
    else if (windows.every((x) => t < x.startMs || t >= x.endMs)) outside[c]++;
  }
  const lnKeep = Math.log(1 - w.event.discountPct / 100);
  // A cohort with no orders inside the window or none outside it gives no estimate (an uplift of 0 or ∞).
  return scenario.cohorts.flatMap((c, i) => {
    if (inside[i] === 0 || outside[i] === 0) return [];
    const expected = (outside[i] / outsideBase) * insideBase;
    const uBar = inside[i] / expected;
    const full = ((uBar - 1) / sBar + 1) / w.event.intensity;
    const estimate = Math.log(Math.max(full, 1e-9)) / lnKeep;
    // Delta method on Poisson counts: Var(ln ū) ≈ 1/inside + 1/outside.
    const se = ((uBar / (uBar - 1 + sBar)) * Math.sqrt(1 / Math.max(1, inside[i]) + 1 / Math.max(1, outside[i]))) / Math.abs(lnKeep);
    const tolerance = priceTolerance(se);
    return [{ cohort: c.id, label: c.label, discountPct: w.event.discountPct, truth: c.priceElasticity, estimate, se, tolerance, pass: Math.abs(estimate - c.priceElasticity) <= tolerance }];
  });
}

/** The calendar's hours [from, to) of the whole days from the first order's to the last's. */
function coveredHours(times: Float64Array, startMs: number): [number, number] {
  if (times.length === 0) return [0, 0];
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < times.length; r++) {
    const t = times[r];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return [Math.floor((min - startMs) / MS_PER_DAY) * 24, (Math.floor((max - startMs) / MS_PER_DAY) + 1) * 24];
}
