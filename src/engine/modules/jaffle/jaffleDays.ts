import { derive } from '../../model/derived';
import { AliasTable } from '../../random/alias';
import { streamFor } from '../../random/rng';
import type { Scenario } from '../../scenario/schema';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../../time';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES } from '../../vocabulary';

// The jaffle shop's days: per-day counts drawn up front (so ids can start anywhere), then
// each day's customers, sessions and orders from that day's own streams.

export const JAFFLE_DATASETS = ['training', 'validation'] as const;
export type JaffleDataset = (typeof JAFFLE_DATASETS)[number];
export const PLATFORMS = ['google', 'facebook', 'instagram'] as const;
/** Website sessions come from Google or Facebook ads, app sessions from Facebook or Instagram. */
export const PLATFORMS_BY_SESSION = { website: [0, 1], app: [1, 2] } as const;
export const CAMPAIGNS_PER_PLATFORM = 5;
export const ADS_PER_CAMPAIGN = 31;
export const ORDER_STATUSES = ['placed', 'shipped', 'completed', 'return_pending', 'returned'] as const;
const STATUS_WEIGHTS = [8, 12, 70, 4, 6];
/** Orders by hour of day: a sandwich shop, busy at lunch and dinner, shut at night. */
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0, 0, 2, 4, 5, 6, 10, 14, 12, 7, 5, 5, 7, 11, 12, 9, 6, 3, 1];
const MEAN_ORDER_CENTS = 1800;

/** Per-day counts of one dataset, drawn before any detail so every day knows where its ids start. */
export interface Counts {
  newCustomers: Int32Array;
  orders: Int32Array;
  extraSessions: Int32Array;
  appSessions: Int32Array;
  /** Prefix sums (length days + 1): ids of day d start after these. */
  firstCustomer: Int32Array;
  firstOrder: Int32Array;
  firstApp: Int32Array;
  firstWeb: Int32Array;
}


/**
 * Per-day counts: a growing, noisy daily level shares out run totals that are fixed by
 * the settings (largest remainders), so a run has the seed's volumes while its days
 * wander. Repeat orders go to days in proportion to the customers already there. A
 * validation volume anomaly then multiplies its own day only, leaving every other day
 * as it would have been.
 */
function counts(s: Scenario, ds: JaffleDataset): Counts {
  const j = s.jaffle!;
  const days = s.calendar.days;
  const scale = ds === 'training' ? 1 : j.validationPct / 100;
  const level = new Float64Array(days);
  const app = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const rng = streamFor(s.seed, `jaffle-${ds}-counts`, d);
    level[d] = (1 + j.growthPctPerDay / 100) ** (d - days / 2) * Math.exp(0.1 * rng.normal() - 0.005);
    app[d] = rng.next();
  }
  const newCustomers = apportion(Math.round(j.customersPerRun * scale), level);
  const existing = new Float64Array(days);
  for (let d = 1; d < days; d++) existing[d] = existing[d - 1] + newCustomers[d - 1];
  const repeat = apportion(Math.round(j.customersPerRun * scale * Math.max(0, j.ordersPerCustomer - 1)), Float64Array.from(level, (l, d) => l * existing[d]));
  const extra = ds === 'training' ? apportion(Math.max(0, j.sessionsPerRun - j.customersPerRun), level) : new Int32Array(days);
  const c: Counts = {
    newCustomers,
    orders: new Int32Array(days),
    extraSessions: extra,
    appSessions: new Int32Array(days),
    firstCustomer: new Int32Array(days + 1),
    firstOrder: new Int32Array(days + 1),
    firstApp: new Int32Array(days + 1),
    firstWeb: new Int32Array(days + 1),
  };
  for (let d = 0; d < days; d++) {
    const volume = ds === 'validation' ? volumeFactor(s, d) : 1;
    c.newCustomers[d] = Math.round(newCustomers[d] * volume);
    c.orders[d] = c.newCustomers[d] + (c.firstCustomer[d] > 0 ? Math.round(repeat[d] * volume) : 0);
    const sessions = ds === 'training' ? c.newCustomers[d] + extra[d] : 0;
    // The day's app share of sessions: appSessionPct, rounded up or down at random.
    const exact = (sessions * j.appSessionPct) / 100;
    c.appSessions[d] = Math.floor(exact) + (app[d] < exact - Math.floor(exact) ? 1 : 0);
    c.firstCustomer[d + 1] = c.firstCustomer[d] + c.newCustomers[d];
    c.firstOrder[d + 1] = c.firstOrder[d] + c.orders[d];
    c.firstApp[d + 1] = c.firstApp[d] + c.appSessions[d];
    c.firstWeb[d + 1] = c.firstWeb[d] + sessions - c.appSessions[d];
  }
  return c;
}

/** `total` split in proportion to `weights`, in whole numbers (largest remainders). */
function apportion(total: number, weights: Float64Array): Int32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = new Int32Array(weights.length);
  if (!(sum > 0) || total <= 0) return out;
  const fractions = Array.from(weights, (w, d) => {
    const exact = (total * w) / sum;
    out[d] = Math.floor(exact);
    return { d, rest: exact - out[d] };
  });
  let left = total - out.reduce((a, b) => a + b, 0);
  fractions.sort((x, y) => y.rest - x.rest || x.d - y.d);
  for (const f of fractions) if (left-- > 0) out[f.d]++;
  return out;
}

/** A validation volume spike or drop on day d multiplies that day's traffic. */
function volumeFactor(s: Scenario, d: number): number {
  let f = 1;
  for (const a of s.jaffle!.anomalies) if ((a.kind === 'volume_spike' || a.kind === 'volume_drop') && a.day === d) f *= a.value;
  return f;
}

/** The payment mix of a dataset: validation's payment_shift moves points to one method, taken evenly from the others. */
export function paymentMix(s: Scenario, ds: JaffleDataset): { methods: string[]; weights: number[] } {
  const j = s.jaffle!;
  const methods = Object.keys(j.paymentMix);
  const weights = methods.map((m) => j.paymentMix[m]);
  if (ds === 'validation') {
    for (const a of j.anomalies) {
      if (a.kind !== 'payment_shift') continue;
      const to = methods.indexOf(a.method);
      if (to < 0) continue;
      const moved = Math.min(a.value, 100 - weights[to]);
      const others = weights.reduce((sum, w, i) => (i === to ? sum : sum + w), 0);
      for (let i = 0; i < weights.length; i++) if (i !== to && others > 0) weights[i] -= (moved * weights[i]) / others;
      weights[to] += moved;
    }
  }
  return { methods, weights };
}

export interface Session {
  id: string;
  at: number;
  customer: number;
  platform: number;
  campaign: number;
  ad: number;
}

export interface DayDetail {
  /** New customers of the day, in id order. */
  first: Int32Array;
  last: Int32Array;
  email: string[];
  signupAt: Float64Array;
  /** Their attribution session (training only). */
  session: (Session | null)[];
  app: Session[];
  web: Session[];
  /** The day's orders in time order (ids follow). */
  orderCustomer: Int32Array;
  orderAt: Float64Array;
  status: Int32Array;
  method: Int32Array;
  cents: Float64Array;
}

export const adId = (platform: number, campaign: number, ad: number) => `${PLATFORMS[platform].slice(0, 2)}_c${campaign + 1}_a${String(ad + 1).padStart(2, '0')}`;
export const campaignName = (platform: number, campaign: number) => `${PLATFORMS[platform]}_campaign_${campaign + 1}`;

export function dayDetail(s: Scenario, ds: JaffleDataset, c: Counts, d: number): DayDetail {
  const j = s.jaffle!;
  const rng = streamFor(s.seed, `jaffle-${ds}`, d);
  const pay = streamFor(s.seed, `jaffle-${ds}-pay`, d);
  const dayStart = (dayNumber(s.calendar.start) + d) * MS_PER_DAY;
  const hourPick = new AliasTable(HOUR_WEIGHTS);
  const at = () => dayStart + hourPick.sample(rng) * MS_PER_HOUR + rng.int(3600) * 1000;
  const n = c.newCustomers[d];
  const detail: DayDetail = {
    first: new Int32Array(n),
    last: new Int32Array(n),
    email: new Array<string>(n),
    signupAt: new Float64Array(n),
    session: new Array<Session | null>(n).fill(null),
    app: [],
    web: [],
    orderCustomer: new Int32Array(c.orders[d]),
    orderAt: new Float64Array(c.orders[d]),
    status: new Int32Array(c.orders[d]),
    method: new Int32Array(c.orders[d]),
    cents: new Float64Array(c.orders[d]),
  };
  // Exactly the day's number of app sessions, spread at random over its sessions.
  const sessions = ds === 'training' ? n + c.extraSessions[d] : 0;
  const isApp = new Uint8Array(sessions);
  isApp.fill(1, 0, c.appSessions[d]);
  for (let k = sessions - 1; k > 0; k--) {
    const x = rng.int(k + 1);
    [isApp[k], isApp[x]] = [isApp[x], isApp[k]];
  }
  const newSession = (k: number, when: number, customer: number): Session => {
    const type = isApp[k] ? 'app' : 'website';
    const list = isApp[k] ? detail.app : detail.web;
    const options = PLATFORMS_BY_SESSION[type];
    const platform = options[rng.int(options.length)];
    const id = `${isApp[k] ? 'a' : 'w'}${(isApp[k] ? c.firstApp[d] : c.firstWeb[d]) + list.length + 1}`;
    const session = { id, at: when, customer, platform, campaign: rng.int(CAMPAIGNS_PER_PLATFORM), ad: rng.int(ADS_PER_CAMPAIGN) };
    list.push(session);
    return session;
  };

  // Exactly sameDayPct of the day's conversions (rounded) follow a session on the same day.
  const isSameDay = new Uint8Array(n);
  isSameDay.fill(1, 0, Math.round((n * j.sameDayPct) / 100));
  for (let k = n - 1; k > 0; k--) {
    const x = rng.int(k + 1);
    [isSameDay[k], isSameDay[x]] = [isSameDay[x], isSameDay[k]];
  }
  const firstOrderAt = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const id = c.firstCustomer[d] + k + 1;
    detail.first[k] = rng.int(FIRST_NAMES.length);
    detail.last[k] = rng.int(LAST_NAMES.length);
    detail.email[k] = `${FIRST_NAMES[detail.first[k]].toLowerCase().replace(/[^a-z]/g, '')}${id}@${EMAIL_DOMAINS[rng.int(EMAIL_DOMAINS.length)]}`;
    const t = at();
    firstOrderAt[k] = t;
    // The attribution session: 1-24 hours before the first order, on the same day for sameDayPct of them.
    const h = (t - dayStart) / MS_PER_HOUR;
    const sameDay = h >= 1 && isSameDay[k] === 1;
    const lo = sameDay ? 1 : Math.max(1, h);
    const hi = sameDay ? Math.min(24, h) : 24;
    const lagSeconds = Math.round((lo + rng.next() * (hi - lo)) * 3600);
    const sessionAt = t - Math.max(3600, Math.min(24 * 3600, lagSeconds)) * 1000;
    detail.signupAt[k] = sessionAt + (60 + rng.int(Math.max(1, Math.min(3600, lagSeconds) - 60))) * 1000;
    if (ds === 'training') detail.session[k] = newSession(k, sessionAt, id);
  }
  for (let k = n; k < sessions; k++) newSession(k, dayStart + rng.int(86_400) * 1000, 0);

  // Orders: each new customer's first, then repeat orders from customers who came before today.
  const m = c.orders[d];
  const customer = new Int32Array(m);
  const time = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    customer[k] = c.firstCustomer[d] + k + 1;
    time[k] = firstOrderAt[k];
  }
  for (let k = n; k < m; k++) {
    customer[k] = 1 + rng.int(c.firstCustomer[d]);
    time[k] = at();
  }
  const order = Int32Array.from({ length: m }, (_, k) => k).sort((x, y) => time[x] - time[y] || customer[x] - customer[y]);
  const statusPick = new AliasTable(STATUS_WEIGHTS);
  const { weights } = paymentMix(s, ds);
  const methodPick = new AliasTable(weights);
  const sigma = 0.5;
  order.forEach((k, r) => {
    detail.orderCustomer[r] = customer[k];
    detail.orderAt[r] = time[k];
    detail.status[r] = statusPick.sample(rng);
    detail.method[r] = methodPick.sample(pay);
    detail.cents[r] = Math.max(100, Math.round(Math.exp(Math.log(MEAN_ORDER_CENTS) - (sigma * sigma) / 2 + sigma * rng.normal())));
  });
  return detail;
}

export function countsOf(scenario: Scenario, ds: JaffleDataset): Counts {
  return derive(scenario, `jaffle-counts-${ds}`, (s) => counts(s, ds));
}
