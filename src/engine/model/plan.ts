import { correlationMatrix, impose, nearestCorrelation, whiteNormals, type Square } from '../random/copula';
import { streamFor } from '../random/rng';
import { derive } from './derived';
import { MAX_DAYS, type Scenario } from '../scenario/schema';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR, weekday } from '../time';
import { eventWindows, hourEffects, param, shapeAtHour, overlap } from './events';
import { DIURNAL_SHARES, WEEKDAY_FACTORS } from './traffic';

/**
 * Orders a run's days are expected to make, events included: the plan's expected curve for
 * orders, summed without drawing it. The module records' row counts start from it. (The base
 * rate alone left out a seasonal campaign's lift, half as many orders again, so Auto-run
 * took a 1.9M-row run for 1.3M.)
 */
export function plannedOrders(scenario: Scenario): number {
  // A draft's calendar past the longest valid one (1e9 days typed in) is estimated at the base
  // rate: summing its hours froze the page.
  const { days } = scenario.calendar;
  if (!(days >= 0 && days <= MAX_DAYS)) return days * scenario.volumes.ordersPerDay;
  // Remembered by what it reads, not by the scenario object as the plan is: estimates are
  // asked of scenarios edited in place (a test's draft), and several times per edit (ten
  // years of hours took 2.5 ms a call, 15 ms for the editor's row estimate).
  const key = JSON.stringify([scenario.calendar, scenario.volumes.ordersPerDay, scenario.events, scenario.cohorts]);
  if (lastPlanned.key !== key) lastPlanned = { key, orders: sumExpectedOrders(scenario) };
  return lastPlanned.orders;
}

let lastPlanned = { key: '', orders: 0 };

function sumExpectedOrders(scenario: Scenario): number {
  const startMs = dayNumber(scenario.calendar.start) * MS_PER_DAY;
  const windows = eventWindows(scenario);
  let n = 0;
  for (let h = 0; h < scenario.calendar.days * 24; h++) {
    const hourStart = startMs + h * MS_PER_HOUR;
    n += everydayOrders(scenario, h, hourStart) * hourEffects(windows, hourStart, scenario.cohorts).orders;
  }
  return n;
}

/** Orders expected in hour h of the calendar without events: the day's rate, the hour's share, the weekday's factor. */
function everydayOrders(scenario: Scenario, h: number, hourStart: number): number {
  return scenario.volumes.ordersPerDay * DIURNAL_SHARES[h % 24] * WEEKDAY_FACTORS[weekday(Math.floor(hourStart / MS_PER_DAY))];
}

/** Metric order in every array here: orders, support tickets, delivery delays, cart abandonments. */
export const METRICS = 4;
const CORRECTION_ROUNDS = 10;

export interface HourlyPlan {
  hours: number;
  startMs: number;
  /** Expected count per hour and metric, events included: the "expected curve". */
  expected: Float64Array[];
  /** Expected count per hour without any event, for lifts. */
  baseline: Float64Array[];
  /** Planned count per hour and metric; modules place exactly this many rows in each hour. */
  counts: Int32Array[];
  /** First id of each hour's rows (prefix sums), per metric; index `hours` holds the next free id. */
  firstId: Float64Array[];
  /** Units of a viral product sold per hour (viral_moment), already capped. */
  viralUnits: Int32Array;
  /** The latent correlation that, after rounding, gives the target in the sample. */
  latent: Square;
  /** Target after repair to the nearest correlation matrix. */
  target: Square;
}

/**
 * Hourly counts for the whole calendar, drawn once from the plan stream, so any range of
 * days can be generated alone. The four metrics are drawn jointly through a Gaussian
 * copula: counts are rounded `λ·exp(σz − σ²/2)` (λ the everyday level; an event's surplus
 * is added as expected) with z white normals given exactly the
 * target correlation in the sample; a few correction rounds then offset what rounding
 * takes away, so the achieved correlation of count ÷ expected meets the target.
 */
export function hourlyPlan(scenario: Scenario): HourlyPlan {
  return derive(scenario, 'hourly-plan', buildHourlyPlan);
}

function buildHourlyPlan(scenario: Scenario): HourlyPlan {
  const hours = scenario.calendar.days * 24;
  const startMs = dayNumber(scenario.calendar.start) * MS_PER_DAY;
  const windows = eventWindows(scenario);
  const { ticketsPerOrder, lateSharePct, abandonmentsPerOrder } = scenario.service;
  const perOrder = [1, ticketsPerOrder, lateSharePct / 100, abandonmentsPerOrder];
  const expected = Array.from({ length: METRICS }, () => new Float64Array(hours));
  const baseline = Array.from({ length: METRICS }, () => new Float64Array(hours));
  for (let h = 0; h < hours; h++) {
    const hourStart = startMs + h * MS_PER_HOUR;
    const base = everydayOrders(scenario, h, hourStart);
    const fx = hourEffects(windows, hourStart, scenario.cohorts);
    const mult = [fx.orders, fx.tickets, fx.delays, fx.abandonments];
    for (let k = 0; k < METRICS; k++) {
      baseline[k][h] = base * perOrder[k];
      expected[k][h] = base * perOrder[k] * mult[k];
    }
  }

  const rng = streamFor(scenario.seed, 'plan');
  const white = whiteNormals(rng, hours, METRICS);
  const sigma = scenario.correlations.hourlySigma;
  // Orders are large counts and carry the events' shape: a calmer hourly spread keeps
  // event windows readable; the correlation is unaffected once corrected.
  const sigmas = [sigma * 0.4, sigma, sigma, sigma];
  const target = nearestCorrelation(scenario.correlations.matrix);
  const draw = (latent: Square, lambdas: Float64Array[]) => {
    const x = impose(white, latent);
    // The hourly deviation rides on the everyday level; what an event adds on top of it
    // (a surge, a lift) comes as expected, so an event's shape reads clearly in the data.
    return lambdas.map((lambda, k) => {
      const out = new Int32Array(hours);
      const s = sigmas[k];
      for (let h = 0; h < hours; h++) {
        const level = Math.min(lambda[h], baseline[k][h]);
        out[h] = Math.max(0, Math.round(level * Math.exp(s * x[k][h] - (s * s) / 2) + (lambda[h] - level)));
      }
      return out;
    });
  };

  // The rounding correction is fitted on the no-event levels, so a scenario and the same
  // scenario without its events share every draw outside the events' hours (common
  // random numbers for comparisons).
  let latent = target;
  const measurable = hours >= 8 && baseline.every((e) => e.some((v) => v > 0));
  if (measurable) {
    let bestError = Infinity;
    let best = latent;
    for (let round = 0; round < CORRECTION_ROUNDS; round++) {
      const counts = draw(latent, baseline);
      const achieved = correlationMatrix(counts.map((c, k) => ratio(c, baseline[k])));
      let error = 0;
      for (let a = 0; a < METRICS; a++) for (let b = 0; b < a; b++) error = Math.max(error, Math.abs(achieved[a][b] - target[a][b]));
      if (error < bestError) {
        bestError = error;
        best = latent;
      }
      if (error < 0.002) break;
      latent = nearestCorrelation(latent.map((row, a) => row.map((v, b) => (a === b ? 1 : v + target[a][b] - achieved[a][b]))));
    }
    latent = best;
  }
  const counts = draw(latent, expected);
  // A delivery delay is a late order: never more late orders than orders in an hour.
  for (let h = 0; h < hours; h++) counts[2][h] = Math.min(counts[2][h], counts[0][h]);

  const firstId = counts.map((c) => {
    const ids = new Float64Array(hours + 1);
    ids[0] = 1;
    for (let h = 0; h < hours; h++) ids[h + 1] = ids[h] + c[h];
    return ids;
  });
  const plan: HourlyPlan = { hours, startMs, expected, baseline, counts, firstId, viralUnits: viralUnits(scenario, counts[0], startMs), latent, target };
  return plan;
}

/** count ÷ expected, the hourly deviation the correlations are measured on (0 where nothing was expected). */
export function ratio(count: ArrayLike<number>, expected: ArrayLike<number>): Float64Array {
  const out = new Float64Array(count.length);
  for (let i = 0; i < count.length; i++) out[i] = expected[i] > 0 ? count[i] / expected[i] : 0;
  return out;
}

/** Viral product units sold per hour: demand grows with the event's shape until the unit cap is reached. */
function viralUnits(scenario: Scenario, orders: Int32Array, startMs: number): Int32Array {
  const units = new Int32Array(orders.length);
  for (const w of eventWindows(scenario)) {
    if (w.event.type !== 'viral_moment') continue;
    let left = param(w.event, 'unitCap', 500);
    const peakShare = param(w.event, 'peakSharePct', 40) / 100;
    for (let h = 0; h < orders.length && left > 0; h++) {
      const hourStart = startMs + h * MS_PER_HOUR;
      const part = overlap(w, hourStart);
      if (part <= 0) continue;
      const demand = Math.round(orders[h] * peakShare * part * shapeAtHour(w, hourStart));
      const sold = Math.min(demand, left);
      units[h] += sold;
      left -= sold;
    }
  }
  return units;
}
