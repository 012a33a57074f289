import { AliasTable } from '../../random/alias';
import { streamFor, type Rng } from '../../random/rng';
import type { Scenario } from '../../scenario/schema';
import type { Column, DataTable } from '../../table';
import { dayNumber, DAYS_PER_MONTH, MS_PER_DAY } from '../../time';
import { GrowableColumns } from '../../model/growable';
import { lifecyclePopulation, type Population } from './lifecyclePopulation';

/** Customers are "at risk" this many days before they churn: they buy half as often, and half as much. */
export const AT_RISK_DAYS = 30;
/** Spend is summed over this many days for the label. */
export const SPEND_WINDOW_DAYS = 90;
const AMOUNT_SIGMA = 0.5;
export const MAX_AMOUNT = 5000;

export interface LifecycleTables {
  transactions: DataTable;
  daily: DataTable;
  /** Labels as of the calendar's last day; only when the range reaches it. */
  labels: DataTable | null;
}

/**
 * Simulates purchases day by day from day 0, so a customer's state (next purchase, at
 * risk, churned, spend) carries across any cut into ranges; only days [from, to) are
 * kept. Each day draws from its own stream, customers in id order, and a customer's
 * draws that day depend on that customer alone, so a longer calendar changes no earlier
 * day. Gaps between purchases are gamma(2) with the segment's mean, never longer than
 * inactivityDays − 1 while the customer is alive: only a churned customer goes that
 * long without buying, which is what makes the label rule and the lifecycle agree.
 */
export function* simulateLifecycle(s: Scenario, from: number, to: number): Generator<number, LifecycleTables> {
  const sim = new LifecycleSimulation(s, from, to);
  for (let d = 0; d < to; d++) {
    sim.day(d);
    if (d % 30 === 29) yield d / to;
  }
  return sim.tables();
}

/** The simulation's state; its hot loop lives in a plain method because V8 optimises generators poorly. */
class LifecycleSimulation {
  private readonly pop: Population;
  private readonly startMs: number;
  private readonly meanGap: number[];
  private readonly mu: number[];
  private readonly maxGap: number;
  private readonly categories: string[];
  private readonly categoryPick: AliasTable;
  private readonly labelDay: number;
  private readonly next: Float64Array;
  private readonly lastDay: Int32Array;
  private readonly spendCents: Float64Array;
  private readonly out: GrowableColumns;
  private readonly perDay: { count: Int32Array; cents: Float64Array; churned: Int32Array; activeAtEnd: Int32Array };
  private idsBefore = 0;
  private churnedSoFar = 0;
  /** Customers whose next purchase falls on day d. */
  private readonly due: number[][];

  constructor(
    private readonly s: Scenario,
    private readonly from: number,
    private readonly to: number,
  ) {
    const l = s.lifecycle!;
    const pop = (this.pop = lifecyclePopulation(s));
    this.startMs = dayNumber(s.calendar.start) * MS_PER_DAY;
    const segments = s.cohorts.map((c) => l.segments[c.id]);
    this.meanGap = segments.map((g) => DAYS_PER_MONTH / (l.purchasesPerMonth * g.frequency));
    this.mu = segments.map((g) => Math.log(g.meanAmount) - (AMOUNT_SIGMA * AMOUNT_SIGMA) / 2);
    this.maxGap = l.inactivityDays - 1;
    this.categories = Object.keys(s.catalog.categories);
    this.categoryPick = new AliasTable(this.categories.map((c) => s.catalog.categories[c].share));
    const total = pop.firstRowOfDay[s.calendar.days];
    this.labelDay = s.calendar.days - 1;
    this.next = new Float64Array(total).fill(NaN);
    this.lastDay = new Int32Array(total).fill(-1);
    this.spendCents = new Float64Array(total);
    this.out = new GrowableColumns(3, 2, Math.ceil(total * l.purchasesPerMonth * ((to - from) / DAYS_PER_MONTH)));
    const n = to - from;
    this.due = Array.from({ length: to }, () => []);
    this.perDay = { count: new Int32Array(n), cents: new Float64Array(n), churned: new Int32Array(n), activeAtEnd: new Int32Array(n) };
  }

  private gap(rng: Rng, i: number, at: number): number {
    const mean = this.meanGap[this.pop.rows.cohort[i]] * (this.pop.churnAt[i] - at <= AT_RISK_DAYS ? 2 : 1);
    return Math.min(this.maxGap, (-mean / 2) * (Math.log(1 - rng.next()) + Math.log(1 - rng.next())));
  }

  /**
   * Day d: signups of the day draw their first purchase time, then every customer with a
   * purchase due today (in id order) buys until its next one falls on a later day.
   * Customers wait in per-day buckets, so the work is per purchase, not per customer-day.
   */
  day(d: number): void {
    const { pop, next, out, perDay } = this;
    const { rows, churnAt, startAt } = pop;
    const rng = streamFor(this.s.seed, 'lifecycle', d);
    const keep = d >= this.from;
    const k = d - this.from;
    for (let i = d === 0 ? 0 : pop.firstRowOfDay[d]; i < pop.firstRowOfDay[d + 1]; i++) {
      next[i] = startAt[i] + rng.next() * this.gap(rng, i, startAt[i]);
      this.wait(i);
    }
    const due = Int32Array.from(this.due[d]).sort();
    this.due[d] = [];
    for (const i of due) {
      for (;;) {
        const final = churnAt[i] <= next[i];
        const t = final ? churnAt[i] : next[i];
        if (t >= d + 1) break;
        const c = rows.cohort[i];
        const atRisk = churnAt[i] - t <= AT_RISK_DAYS;
        const dollars = Math.min(MAX_AMOUNT, Math.max(1, Math.exp(this.mu[c] + AMOUNT_SIGMA * rng.normal()) * (atRisk ? 0.5 : 1)));
        const cents = Math.round(dollars * 100);
        const category = this.categoryPick.sample(rng);
        this.lastDay[i] = d;
        if (d > this.labelDay - SPEND_WINDOW_DAYS) this.spendCents[i] += cents;
        if (keep) {
          out.reserve(1);
          const r = out.length++;
          out.ints[0][r] = i + 1;
          out.ints[1][r] = category;
          out.ints[2][r] = rows.channelOf(i);
          out.floats[0][r] = this.startMs + Math.floor(t * 86_400) * 1000;
          out.floats[1][r] = cents;
          perDay.count[k]++;
          perDay.cents[k] += cents;
        } else this.idsBefore++;
        if (final) {
          next[i] = Infinity;
          this.churnedSoFar++;
          if (keep) perDay.churned[k]++;
          break;
        }
        next[i] += this.gap(rng, i, next[i]);
      }
      if (next[i] !== Infinity) this.wait(i);
    }
    if (keep) perDay.activeAtEnd[k] = pop.firstRowOfDay[d + 1] - this.churnedSoFar;
  }

  /** Files customer i under the day of its next purchase (or its churn, if sooner). */
  private wait(i: number): void {
    const day = Math.floor(Math.min(this.next[i], this.pop.churnAt[i]));
    if (day < this.to) this.due[day].push(i);
  }

  tables(): LifecycleTables {
    const { s, pop, from, to, perDay } = this;
    return {
      transactions: transactionsTable(this.out, perDay.count, this.idsBefore, this.categories, pop.rows.channels),
      daily: dailyTable(s, pop, from, to, perDay, perDay.activeAtEnd),
      labels: to === s.calendar.days ? labelsTable(s, pop, this.lastDay, this.spendCents) : null,
    };
  }
}

/**
 * Rows in time order (customer id breaks ties), numbered on from the run's earlier days.
 * Rows arrive grouped by day, so each day is sorted on its own.
 */
function transactionsTable(out: GrowableColumns, perDay: Int32Array, idsBefore: number, categories: string[], channels: readonly string[]): DataTable {
  const { ints, floats } = out.finish();
  const n = out.length;
  const order = new Int32Array(n);
  for (let d = 0, at = 0; d < perDay.length; at += perDay[d++]) {
    // Rows of a day were made in customer order, so (second, row) sorts by time, then customer.
    const keys = new Float64Array(perDay[d]);
    for (let r = 0; r < keys.length; r++) keys[r] = ((floats[0][at + r] % MS_PER_DAY) / 1000) * 2 ** 22 + r;
    keys.sort();
    for (let r = 0; r < keys.length; r++) order[at + r] = at + (keys[r] % 2 ** 22);
  }
  const pick = <T extends Int32Array | Float64Array>(src: T, dst: T): T => {
    for (let k = 0; k < n; k++) dst[k] = src[order[k]];
    return dst;
  };
  const ids = new Int32Array(n);
  for (let k = 0; k < n; k++) ids[k] = idsBefore + k + 1;
  const columns: Column[] = [
    { name: 'transaction_id', type: 'int32', values: ids },
    { name: 'customer_id', type: 'int32', values: pick(ints[0], new Int32Array(n)) },
    { name: 'transaction_date', type: 'timestamp', values: pick(floats[0], new Float64Array(n)) },
    { name: 'amount', type: 'fixed', scale: 2, values: pick(floats[1], new Float64Array(n)) },
    { name: 'category', type: 'dict', indices: pick(ints[1], new Int32Array(n)), dictionary: categories },
    { name: 'channel', type: 'dict', indices: pick(ints[2], new Int32Array(n)), dictionary: channels },
  ];
  return { name: 'transactions', rowCount: n, columns };
}

function dailyTable(
  s: Scenario,
  pop: Population,
  from: number,
  to: number,
  perDay: { count: Int32Array; cents: Float64Array; churned: Int32Array },
  activeAtEnd: Int32Array,
): DataTable {
  const n = to - from;
  const start = dayNumber(s.calendar.start);
  const date = new Int32Array(n);
  const signups = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    date[k] = start + from + k;
    signups[k] = pop.firstRowOfDay[from + k + 1] - pop.firstRowOfDay[from + k];
  }
  return {
    name: 'daily_metrics',
    rowCount: n,
    columns: [
      { name: 'date', type: 'date', values: date },
      { name: 'active_customers', type: 'int32', values: activeAtEnd },
      { name: 'transactions', type: 'int32', values: perDay.count },
      { name: 'revenue', type: 'fixed', scale: 2, values: perDay.cents },
      { name: 'new_customers', type: 'int32', values: signups },
      { name: 'churned_customers', type: 'int32', values: perDay.churned },
    ],
  };
}

/**
 * SPEC's rule, from the data alone: churned = no purchase in the last inactivityDays
 * (counting from signup when there is none) and spend over the last 90 days below the
 * segment's threshold, which grows with its risk: a risky segment is written off sooner.
 */
export function lowSpendThreshold(meanAmount: number, risk: 'low' | 'medium' | 'high'): number {
  return meanAmount * { low: 1, medium: 1.5, high: 2 }[risk];
}

function labelsTable(s: Scenario, pop: Population, lastDay: Int32Array, spendCents: Float64Array): DataTable {
  const l = s.lifecycle!;
  const start = dayNumber(s.calendar.start);
  const labelDay = s.calendar.days - 1;
  const n = pop.firstRowOfDay[s.calendar.days];
  const churned = new Uint8Array(n);
  const since = new Int32Array(n);
  const thresholds = s.cohorts.map((c) => lowSpendThreshold(l.segments[c.id].meanAmount, l.segments[c.id].churnRisk) * 100);
  for (let i = 0; i < n; i++) {
    const seen = lastDay[i] >= 0 ? lastDay[i] : pop.rows.since[i] - start;
    since[i] = labelDay - seen;
    churned[i] = since[i] >= l.inactivityDays && spendCents[i] < thresholds[pop.rows.cohort[i]] ? 1 : 0;
  }
  return {
    name: 'customer_labels',
    rowCount: n,
    columns: [
      { name: 'customer_id', type: 'int32', values: Int32Array.from({ length: n }, (_, i) => i + 1) },
      { name: 'churned', type: 'bool', values: churned },
      { name: 'label_date', type: 'date', values: new Int32Array(n).fill(start + labelDay) },
      { name: 'days_since_last', type: 'int32', values: since },
      { name: 'spend_90d', type: 'fixed', scale: 2, values: Float64Array.from(spendCents.subarray(0, n)) },
      { name: 'segment', type: 'dict', indices: pop.rows.cohort.slice(0, n), dictionary: s.cohorts.map((c) => c.id) },
    ],
  };
}
