import type { GeneratedRun } from '../generate';
import { perRun } from './perRun';
import { cellText, column, numericValue, type Column, type DataTable } from '../table';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../time';

export interface AttributionReport {
  /** Attributed first orders by ad platform and session kind. */
  conversions: { platform: string; app: number; website: number }[];
  /** First orders by whole hours between the attribution session and the order (bins 1..24). */
  lagHours: { hours: number; orders: number }[];
  sameDayPct: number;
  /** Orders per day: training, and validation scaled up to training's size. */
  daily: { date: number; training: number; validation: number; anomaly: string }[];
  /** Payment mix of both sets, in %. */
  payments: { method: string; trainingPct: number; validationPct: number }[];
  validationScale: number;
}

const text = (c: Column, r: number): string => cellText(c, r) ?? '';

/** What the Attribution view shows, read from the tables. */
export const attributionReport = perRun(readReport);

function readReport(run: GeneratedRun): AttributionReport | null {
  const j = run.scenario.jaffle;
  const pick = (name: string): DataTable | undefined => run.clean.find((t) => t.name === name) ?? run.tables.find((t) => t.name === name);
  const attributions = pick('attributions');
  const ordersT = pick('raw_orders_training');
  if (!j || !attributions || !ordersT) return null;

  const sessions = new Map<string, { at: number; kind: 'app' | 'website' }>();
  for (const [name, kind] of [['stg_app_sessions', 'app'], ['stg_website_sessions', 'website']] as const) {
    const t = pick(name);
    if (!t) continue;
    const id = column(t, 'session_id');
    const at = column(t, 'session_start');
    for (let r = 0; r < t.rowCount; r++) sessions.set(text(id, r), { at: numericValue(at, r), kind });
  }
  const orderAt = new Map<number, number>();
  const oid = column(ordersT, 'id');
  const oat = column(ordersT, 'order_date');
  for (let r = 0; r < ordersT.rowCount; r++) orderAt.set(numericValue(oid, r), numericValue(oat, r));

  const platforms = ['google', 'facebook', 'instagram'];
  const conversions = platforms.map((platform) => ({ platform, app: 0, website: 0 }));
  const lag = new Array<number>(25).fill(0);
  let sameDay = 0;
  let firsts = 0;
  const seen = new Set<number>();
  const [customer, order, session, platform] = ['customer_id', 'order_id', 'session_id', 'platform'].map((c) => column(attributions, c));
  for (let r = 0; r < attributions.rowCount; r++) {
    const c = numericValue(customer, r);
    if (seen.has(c)) continue; // the first row of a customer is its first order
    seen.add(c);
    const s = sessions.get(text(session, r));
    const t = orderAt.get(numericValue(order, r));
    if (!s || t === undefined) continue;
    firsts++;
    const p = platforms.indexOf(text(platform, r));
    if (p >= 0) conversions[p][s.kind]++;
    lag[Math.min(24, Math.max(1, Math.ceil((t - s.at) / MS_PER_HOUR)))]++;
    if (Math.floor(t / MS_PER_DAY) === Math.floor(s.at / MS_PER_DAY)) sameDay++;
  }

  const scale = 100 / Math.max(1, j.validationPct);
  const startDay = dayNumber(run.scenario.calendar.start);
  const days = run.scenario.calendar.days;
  const perDay = (t: DataTable | undefined) => {
    const out = new Float64Array(days);
    if (!t) return out;
    const at = column(t, 'order_date');
    for (let r = 0; r < t.rowCount; r++) {
      const d = Math.floor(numericValue(at, r) / MS_PER_DAY) - startDay;
      if (d >= 0 && d < days) out[d]++;
    }
    return out;
  };
  const train = perDay(ordersT);
  const valid = perDay(run.tables.find((t) => t.name === 'raw_orders_validation'));
  const daily = Array.from({ length: days }, (_, d) => ({
    date: startDay + d,
    training: train[d],
    validation: valid[d] * scale,
    anomaly: j.anomalies
      .filter((a) => (a.kind === 'volume_spike' || a.kind === 'volume_drop') && a.day === d)
      .map((a) => `${a.kind === 'volume_spike' ? 'spike' : 'drop'} ×${a.value}`)
      .join(', '),
  }));
  const mix = (name: string) => {
    const t = run.tables.find((x) => x.name === name);
    const counts = new Map<string, number>();
    if (!t) return counts;
    const m = column(t, 'payment_method');
    for (let r = 0; r < t.rowCount; r++) counts.set(text(m, r), (counts.get(text(m, r)) ?? 0) + 100 / t.rowCount);
    return counts;
  };
  const tm = mix('raw_payments_training');
  const vm = mix('raw_payments_validation');
  const payments = Object.keys(j.paymentMix).map((method) => ({ method, trainingPct: tm.get(method) ?? 0, validationPct: vm.get(method) ?? 0 }));
  return {
    conversions,
    lagHours: lag.slice(1).map((orders, i) => ({ hours: i + 1, orders })),
    sameDayPct: (100 * sameDay) / Math.max(1, firsts),
    daily,
    payments,
    validationScale: scale,
  };
}
