import { jaffleFaults } from './faults';
import { jaffleChecks } from './checks';
import { streamFor } from '../../random/rng';
import { JAFFLE_TABLES, type Scenario } from '../../scenario/schema';
import type { Column, DataTable } from '../../table';
import { dayNumber, MS_PER_DAY } from '../../time';
import { FIRST_NAMES, LAST_NAMES } from '../../vocabulary';
import {
  ADS_PER_CAMPAIGN,
  adId,
  CAMPAIGNS_PER_PLATFORM,
  campaignName,
  countsOf,
  dayDetail,
  JAFFLE_DATASETS,
  ORDER_STATUSES,
  paymentMix,
  PLATFORMS,
  type Counts,
  type DayDetail,
  type JaffleDataset,
  type Session,
} from './jaffleDays';
import type { EngineModule } from '../module';

export { PLATFORMS_BY_SESSION } from './jaffleDays';

/**
 * Jaffle shop online (seed 004): customers, signups, orders and payments twice (training,
 * and a tenth-size validation set from its own streams with the drift and anomalies the
 * user picks), web and app sessions with their ad, three ad platforms, and the
 * attributions that tie each converting customer's first order to its session. Every
 * day draws from its own streams and ids start from per-day counts drawn up front, so
 * any day can be generated alone: a day's increment is the partition of that day.
 */
export const jaffleModule: EngineModule = {
  checks: jaffleChecks,
  faults: jaffleFaults,
  id: 'jaffle',
  dependsOn: [],
  tables: JAFFLE_TABLES,
  rowBytes: 48,
  partitioned: true,
  estimateRows: (s) => (s.jaffle ? s.jaffle.customersPerRun * (s.jaffle.ordersPerCustomer * 2.2 + 2) + s.calendar.days * 3 * CAMPAIGNS_PER_PLATFORM * ADS_PER_CAMPAIGN : 0),
  *generate(ctx) {
    const s = ctx.scenario;
    if (!s.jaffle) return [];
    const out: DataTable[] = [];
    for (const ds of JAFFLE_DATASETS) {
      const c = countsOf(s, ds);
      const cache = new Map<number, DayDetail>();
      const detailOf = (d: number) => {
        if (!cache.has(d)) cache.set(d, dayDetail(s, ds, c, d));
        return cache.get(d)!;
      };
      const days = Array.from({ length: ctx.dayTo - ctx.dayFrom }, (_, k) => ctx.dayFrom + k);
      out.push(...businessTables(s, ds, c, days.map((d) => [d, detailOf(d)] as const)));
      if (ds === 'training') out.push(...sessionTables(days.map(detailOf)), attributionTable(s, c, days, detailOf));
      yield ds === 'training' ? 0.6 : 0.9;
    }
    out.push(...adsTables(s, ctx.dayFrom, ctx.dayTo));
    return out;
  },
};

function businessTables(s: Scenario, ds: JaffleDataset, c: Counts, days: readonly (readonly [number, DayDetail])[]): DataTable[] {
  const cat = <T>(pick: (d: DayDetail) => ArrayLike<T>): T[] => days.flatMap(([, d]) => Array.from(pick(d)));
  const customerIds = days.flatMap(([d]) => Array.from({ length: c.newCustomers[d] }, (_, k) => c.firstCustomer[d] + k + 1));
  const orderIds = days.flatMap(([d]) => Array.from({ length: c.orders[d] }, (_, k) => c.firstOrder[d] + k + 1));
  const { methods } = paymentMix(s, ds);
  const ids = Int32Array.from(customerIds);
  const customers: DataTable = {
    name: `raw_customers_${ds}`,
    rowCount: ids.length,
    columns: [
      { name: 'id', type: 'int32', values: ids },
      { name: 'first_name', type: 'dict', indices: Int32Array.from(cat((d) => d.first)), dictionary: FIRST_NAMES },
      { name: 'last_name', type: 'dict', indices: Int32Array.from(cat((d) => d.last)), dictionary: LAST_NAMES },
    ],
  };
  const signups: DataTable = {
    name: `raw_signups_${ds}`,
    rowCount: ids.length,
    columns: [
      { name: 'signup_id', type: 'int32', values: ids.slice() },
      { name: 'customer_id', type: 'int32', values: ids.slice() },
      { name: 'customer_email', type: 'string', values: cat((d) => d.email) },
      { name: 'signup_at', type: 'timestamp', values: Float64Array.from(cat((d) => d.signupAt)) },
    ],
  };
  const oids = Int32Array.from(orderIds);
  const orders: DataTable = {
    name: `raw_orders_${ds}`,
    rowCount: oids.length,
    columns: [
      { name: 'id', type: 'int32', values: oids },
      { name: 'user_id', type: 'int32', values: Int32Array.from(cat((d) => d.orderCustomer)) },
      { name: 'order_date', type: 'timestamp', values: Float64Array.from(cat((d) => d.orderAt)) },
      { name: 'status', type: 'dict', indices: Int32Array.from(cat((d) => d.status)), dictionary: ORDER_STATUSES },
    ],
  };
  const payments: DataTable = {
    name: `raw_payments_${ds}`,
    rowCount: oids.length,
    columns: [
      { name: 'id', type: 'int32', values: oids.slice() },
      { name: 'order_id', type: 'int32', values: oids.slice() },
      { name: 'payment_method', type: 'dict', indices: Int32Array.from(cat((d) => d.method)), dictionary: methods },
      { name: 'amount', type: 'fixed', scale: 2, values: Float64Array.from(cat((d) => d.cents)) },
    ],
  };
  return [customers, signups, orders, payments];
}

const UTM_MEDIUM = ['cpc', 'paid_social', 'paid_social'];

function sessionTables(details: DayDetail[]): DataTable[] {
  return (['app', 'web'] as const).map((kind) => {
    const rows = details.flatMap((d) => d[kind]);
    const customer: Column = { name: 'customer_id', type: 'int32', values: Int32Array.from(rows, (r) => r.customer), valid: Uint8Array.from(rows, (r) => (r.customer > 0 ? 1 : 0)) };
    const campaigns = PLATFORMS.flatMap((_, p) => Array.from({ length: CAMPAIGNS_PER_PLATFORM }, (_, k) => campaignName(p, k)));
    return {
      name: kind === 'app' ? 'stg_app_sessions' : 'stg_website_sessions',
      rowCount: rows.length,
      columns: [
        { name: 'session_id', type: 'string', values: rows.map((r) => r.id) },
        customer,
        { name: 'session_start', type: 'timestamp', values: Float64Array.from(rows, (r) => r.at) },
        { name: 'utm_source', type: 'dict', indices: Int32Array.from(rows, (r) => r.platform), dictionary: PLATFORMS },
        { name: 'utm_medium', type: 'dict', indices: Int32Array.from(rows, (r) => (r.platform === 0 ? 0 : 1)), dictionary: UTM_MEDIUM.slice(0, 2) },
        { name: 'utm_campaign', type: 'dict', indices: Int32Array.from(rows, (r) => r.platform * CAMPAIGNS_PER_PLATFORM + r.campaign), dictionary: campaigns },
        { name: 'ad_id', type: 'string', values: rows.map((r) => adId(r.platform, r.campaign, r.ad)) },
      ],
    } satisfies DataTable;
  });
}

/**
 * The ground truth of attribution: each converting customer's first order and its
 * session; with a window of w days, also the customer's later orders placed within w
 * days of that session.
 */
function attributionTable(s: Scenario, c: Counts, days: number[], detailOf: (d: number) => DayDetail): DataTable {
  const windowMs = s.jaffle!.attributionWindowDays * MS_PER_DAY;
  const rows: { customer: number; order: number; session: Session }[] = [];
  const conversionDay = (customer: number) => {
    let lo = 0;
    let hi = s.calendar.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c.firstCustomer[mid + 1] >= customer) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  for (const d of days) {
    const detail = detailOf(d);
    for (let r = 0; r < detail.orderCustomer.length; r++) {
      const customer = detail.orderCustomer[r];
      const cd = conversionDay(customer);
      if (cd < d - s.jaffle!.attributionWindowDays - 1) continue;
      const session = detailOf(cd).session[customer - c.firstCustomer[cd] - 1];
      if (session && detail.orderAt[r] - session.at <= windowMs) rows.push({ customer, order: c.firstOrder[d] + r + 1, session });
    }
  }
  return {
    name: 'attributions',
    rowCount: rows.length,
    columns: [
      { name: 'customer_id', type: 'int32', values: Int32Array.from(rows, (r) => r.customer) },
      { name: 'order_id', type: 'int32', values: Int32Array.from(rows, (r) => r.order) },
      { name: 'session_id', type: 'string', values: rows.map((r) => r.session.id) },
      { name: 'ad_id', type: 'string', values: rows.map((r) => adId(r.session.platform, r.session.campaign, r.session.ad)) },
      { name: 'platform', type: 'dict', indices: Int32Array.from(rows, (r) => r.session.platform), dictionary: PLATFORMS },
    ],
  };
}

/** Every ad of every campaign, every day (and the day before the first): impressions, clicks at a 1-5% rate, spend at the platform's cost per click. */
function adsTables(s: Scenario, from: number, to: number): DataTable[] {
  const cpcCents = [120, 80, 90];
  const start = dayNumber(s.calendar.start);
  // Campaigns ran the day before the calendar too: a first-day order's session may fall on it.
  const first = from === 0 ? -1 : from;
  return PLATFORMS.map((platform, p) => {
    const n = (to - first) * CAMPAIGNS_PER_PLATFORM * ADS_PER_CAMPAIGN;
    const date = new Int32Array(n);
    const campaign = new Int32Array(n);
    const ad: string[] = [];
    const spend = new Float64Array(n);
    const impressions = new Int32Array(n);
    const clicks = new Int32Array(n);
    let r = 0;
    for (let d = first; d < to; d++) {
      const rng = streamFor(s.seed, `jaffle-ads-${platform}`, d);
      const level = (1 + s.jaffle!.growthPctPerDay / 100) ** (d - s.calendar.days / 2);
      for (let k = 0; k < CAMPAIGNS_PER_PLATFORM; k++) {
        for (let a = 0; a < ADS_PER_CAMPAIGN; a++, r++) {
          date[r] = start + d;
          campaign[r] = k;
          ad.push(adId(p, k, a));
          impressions[r] = Math.round(rng.logNormal(Math.log(400 * level), 0.6));
          clicks[r] = Math.round(impressions[r] * (0.01 + 0.04 * rng.next()));
          spend[r] = Math.round(clicks[r] * cpcCents[p] * rng.logNormal(0, 0.2));
        }
      }
    }
    return {
      name: `stg_${platform}_ads`,
      rowCount: n,
      columns: [
        { name: 'date', type: 'date', values: date },
        { name: 'campaign_id', type: 'dict', indices: campaign, dictionary: Array.from({ length: CAMPAIGNS_PER_PLATFORM }, (_, k) => campaignName(p, k)) },
        { name: 'ad_id', type: 'string', values: ad },
        { name: 'spend', type: 'fixed', scale: 2, values: spend },
        { name: 'impressions', type: 'int32', values: impressions },
        { name: 'clicks', type: 'int32', values: clicks },
      ],
    } satisfies DataTable;
  });
}
