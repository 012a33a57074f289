import { derive } from '../../model/derived';
import { AliasTable } from '../../random/alias';
import { streamFor, type Rng } from '../../random/rng';
import type { ChurnRisk, Scenario } from '../../scenario/schema';
import { dayNumber, DAYS_PER_MONTH } from '../../time';
import { CustomerRows } from '../../model/customerRows';

/** How much faster a segment churns than a medium-risk one ("weighted by segment risk"). */
export const RISK_WEIGHT: Record<ChurnRisk, number> = { low: 0.5, medium: 1.2, high: 2.5 };

/** Everyone who exists during the calendar, with when they will leave. Rows are in id order. */
export interface Population {
  rows: CustomerRows;
  /** Customers in rows [0, firstRowOfDay[0]) existed before day 0; signups of day d are rows [firstRowOfDay[d], firstRowOfDay[d + 1]). */
  firstRowOfDay: Int32Array;
  /** Calendar day (0 = first) from which row i can buy: 0 for existing customers, its signup time for new ones (fractional). */
  startAt: Float64Array;
  /** Calendar day (fractional) of row i's last purchase, after which it has churned; Infinity if never. */
  churnAt: Float64Array;
  /** Churn hazard per day of a medium-risk customer, calibrated to the target rate. */
  hazard: number;
}

/**
 * Draws the population. Nothing here depends on how many days the calendar has (the
 * hazard is calibrated over `calibrationDays` when set), and signups of day d come from
 * day d's own stream, so a longer calendar only adds rows: what continuing a run needs.
 * Churn times of the existing customers are stratified within each segment (the i-th of
 * n gets the ((i + v) / n)-quantile), so the achieved churn rate sits on the target
 * instead of wandering with binomial noise.
 */
export function lifecyclePopulation(scenario: Scenario): Population {
  return derive(scenario, 'lifecycle-population', buildPopulation);
}

function buildPopulation(s: Scenario): Population {
  const l = s.lifecycle;
  if (!l) throw new Error('the scenario has no lifecycle');
  const days = s.calendar.days;
  const start = dayNumber(s.calendar.start);
  const newCohort = s.cohorts.findIndex((c) => c.id === l.newCohort);
  const base = s.volumes.customers;

  const signupRngs: Rng[] = [];
  const firstRowOfDay = new Int32Array(days + 1);
  let total = base;
  for (let d = 0; d < days; d++) {
    const rng = streamFor(s.seed, 'lifecycle-signups', d);
    signupRngs.push(rng);
    firstRowOfDay[d] = total;
    total += rng.poisson(l.signupsPerDay);
  }
  firstRowOfDay[days] = total;

  const rows = new CustomerRows(s.cohorts, total);
  const startAt = new Float64Array(total);
  const unitExp = new Float64Array(total);

  const rng = streamFor(s.seed, 'lifecycle-base');
  const cohortPick = new AliasTable(s.cohorts.map((c) => c.share));
  for (let i = 0; i < base; i++) {
    const c = cohortPick.sample(rng);
    const seg = l.segments[s.cohorts[c].id];
    const tenureDays = (seg.tenureMonthsMin + rng.next() * (seg.tenureMonthsMax - seg.tenureMonthsMin)) * DAYS_PER_MONTH;
    rows.fill(i, rng, c, start - 1 - Math.floor(tenureDays));
  }
  stratifiedExponentials(rows.cohort, base, s.cohorts.length, streamFor(s.seed, 'lifecycle-strata'), unitExp);

  for (let d = 0; d < days; d++) {
    const r = signupRngs[d];
    for (let i = firstRowOfDay[d]; i < firstRowOfDay[d + 1]; i++) {
      rows.fill(i, r, newCohort, start + d);
      startAt[i] = d + r.next();
      unitExp[i] = -Math.log(1 - r.next());
    }
  }

  const weights = s.cohorts.map((c) => RISK_WEIGHT[l.segments[c.id].churnRisk]);
  const hazard = calibrateHazard(s, rows.cohort, base, weights);
  const churnAt = new Float64Array(total);
  for (let i = 0; i < total; i++) churnAt[i] = hazard > 0 ? startAt[i] + unitExp[i] / (hazard * weights[rows.cohort[i]]) : Infinity;

  return { rows, firstRowOfDay, startAt, churnAt, hazard };
}

/** Unit exponentials whose quantiles are spread evenly within each cohort, in a random order. */
function stratifiedExponentials(cohort: Int32Array, n: number, cohorts: number, rng: Rng, out: Float64Array): void {
  const members: number[][] = Array.from({ length: cohorts }, () => []);
  for (let i = 0; i < n; i++) members[cohort[i]].push(i);
  for (const list of members) {
    for (let k = list.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [list[k], list[j]] = [list[j], list[k]];
    }
    list.forEach((i, rank) => {
      out[i] = -Math.log(1 - (rank + rng.next()) / list.length);
    });
  }
}

/**
 * The medium-risk hazard at which the expected share labelled churned at the end of the
 * calibration horizon H equals the target. A customer is labelled churned when its last
 * purchase is at least `inactivityDays` before the label day H − 1, i.e. when it churned
 * before H − inactivityDays + 1; existing customers are at risk from day 0, a signup of
 * day d from d + ½ on average. Solved by bisection (the share rises with the hazard).
 */
function calibrateHazard(s: Scenario, cohort: Int32Array, base: number, weights: number[]): number {
  const l = s.lifecycle!;
  const target = l.churnRatePct / 100;
  const horizon = l.calibrationDays ?? s.calendar.days;
  const exposure = horizon - l.inactivityDays + 1;
  if (target <= 0 || exposure <= 0) return 0;
  const perCohort = new Float64Array(weights.length);
  for (let i = 0; i < base; i++) perCohort[cohort[i]]++;
  const newWeight = weights[s.cohorts.findIndex((c) => c.id === l.newCohort)];
  const customers = base + l.signupsPerDay * horizon;
  const churned = (h: number) => {
    let sum = 0;
    perCohort.forEach((n, c) => (sum += n * (1 - Math.exp(-h * weights[c] * exposure))));
    for (let d = 0; d + 0.5 < exposure; d++) sum += l.signupsPerDay * (1 - Math.exp(-h * newWeight * (exposure - d - 0.5)));
    return sum / customers;
  };
  let lo = 0;
  let hi = 1;
  while (churned(hi) < target && hi < 1e3) hi *= 2;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (churned(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
