import { tenantsChecks } from './checks';
import { AliasTable } from '../../random/alias';
import type { Column, DataTable } from '../../table';
import { dayNumber, MS_PER_DAY, MS_PER_HOUR, weekday } from '../../time';
import { GrowableColumns } from '../../model/growable';
import type { EngineModule } from '../module';
import { tenantPlan } from './tenantDemand';
import { DIURNAL_SHARES } from '../../model/traffic';
import { weatherFor } from './weather';

/** Spread of single order values around the tenant's average (log scale). */
const ORDER_VALUE_SIGMA = 0.45;
const PLATFORMS = [
  { table: 'meta_ads', platform: 'meta', shareOfRevenue: 0.06, cpm: 9, ctr: 0.011, campaigns: ['prospecting', 'retargeting'] },
  { table: 'google_ads', platform: 'google', shareOfRevenue: 0.04, cpm: 14, ctr: 0.032, campaigns: ['search', 'shopping'] },
] as const;
const CONVERSION_RATE = 0.028;
const KLAVIYO_METRICS = ['email_sent', 'email_opened', 'email_clicked', 'placed_order'] as const;

const tenantIds = (ctx: { scenario: { tenants: { id: string }[] } }) => ctx.scenario.tenants.map((t) => t.id);

/** The tenants and their ground truth: one row each. */
export const tenantsModule: EngineModule = {
  id: 'tenants',
  dependsOn: [],
  tables: ['tenants'],
  rowBytes: 200,
  partitioned: false,
  estimateRows: (s) => s.tenants.length,
  *generate(ctx) {
    const t = ctx.scenario.tenants;
    yield 0.5;
    const categories = [...new Set(t.map((x) => x.category))];
    const table: DataTable = {
      name: 'tenants',
      rowCount: t.length,
      columns: [
        { name: 'tenant_id', type: 'dict', indices: Int32Array.from(t, (_, i) => i), dictionary: tenantIds(ctx) },
        { name: 'category', type: 'dict', indices: Int32Array.from(t, (x) => categories.indexOf(x.category)), dictionary: categories },
        { name: 'base_revenue', type: 'fixed', scale: 2, values: Float64Array.from(t, (x) => Math.round(x.baseRevenue * 100)) },
        { name: 'temp_elasticity', type: 'fixed', scale: 4, values: Float64Array.from(t, (x) => Math.round(x.tempElasticity * 1e4)) },
        { name: 'precip_elasticity', type: 'fixed', scale: 4, values: Float64Array.from(t, (x) => Math.round(x.precipElasticity * 1e4)) },
        { name: 'latitude', type: 'fixed', scale: 2, values: Float64Array.from(t, (x) => Math.round(x.latitude * 100)) },
      ],
    };
    return [table];
  },
};

/**
 * Per tenant and day: weather, Shopify orders whose revenue follows the elasticity model,
 * Meta and Google ads, and Klaviyo email events. Each day draws from its own stream.
 */
export const tenantDailyModule: EngineModule = {
  checks: tenantsChecks,
  id: 'tenant_daily',
  dependsOn: [],
  tables: ['weather_daily', 'shopify_orders', 'meta_ads', 'google_ads', 'klaviyo_events'],
  rowBytes: 56,
  partitioned: true,
  estimateRows: (s) => s.calendar.days * s.tenants.reduce((n, t) => n + t.baseRevenue / t.averageOrderValue + 12, 0),
  *generate(ctx) {
    const { scenario, dayFrom, dayTo } = ctx;
    const tenants = scenario.tenants;
    const T = tenants.length;
    const weather = weatherFor(scenario);
    const plan = tenantPlan(scenario);
    const start = dayNumber(scenario.calendar.start);
    const days = dayTo - dayFrom;
    const products = [...new Set(tenants.flatMap((t) => t.products))];
    const productIndex = tenants.map((t) => t.products.map((p) => products.indexOf(p)));
    const hourPick = new AliasTable(DIURNAL_SHARES);
    const ids = tenantIds(ctx);

    // weather_daily: a row per tenant and day.
    const wRows = days * T;
    const w = { tenant: new Int32Array(wRows), date: new Int32Array(wRows), cols: Array.from({ length: 6 }, () => new Float64Array(wRows)) };
    for (let d = dayFrom, r = 0; d < dayTo; d++) {
      for (let i = 0; i < T; i++, r++) {
        const s = weather[i];
        w.tenant[r] = i;
        w.date[r] = start + d;
        [s.temp[d], s.precip[d], s.tempRoll7[d], s.precipRoll7[d], s.tempAnomaly[d], s.precipAnomaly[d]].forEach((v, k) => (w.cols[k][r] = Math.round(v * 100)));
      }
    }

    const first = plan.firstId[dayFrom * T];
    const n = plan.firstId[dayTo * T] - first;
    const o = { tenant: new Int32Array(n), date: new Int32Array(n), at: new Float64Array(n), id: new Int32Array(n), product: new Int32Array(n), qty: new Int32Array(n), value: new Float64Array(n), net: new Float64Array(n) };
    // tenant, date, campaign, impressions, clicks, conversions | spend, attributed, roas
    const ads = PLATFORMS.map(() => new GrowableColumns(6, 3, days * T * 2));
    const campaignNames = PLATFORMS.map((p) => tenants.flatMap((t) => p.campaigns.map((c) => `${t.id}_${p.platform}_${c}`)));
    // tenant, date, metric, count | revenue
    const kl = new GrowableColumns(4, 1, days * T * 4);

    let row = 0;
    for (let d = dayFrom; d < dayTo; d++) {
      const rng = ctx.stream(d);
      const dayMs = (start + d) * MS_PER_DAY;
      for (let i = 0; i < T; i++) {
        const t = tenants[i];
        const count = plan.orders[d * T + i];
        const from = row;
        for (let k = 0; k < count; k++, row++) {
          o.tenant[row] = i;
          o.date[row] = start + d;
          o.at[row] = dayMs + hourPick.sample(rng) * MS_PER_HOUR + rng.int(3600) * 1000;
          o.product[row] = productIndex[i][rng.int(productIndex[i].length)];
          o.qty[row] = 1 + rng.poisson(0.4);
          const value = Math.max(100, Math.round(t.averageOrderValue * 100 * rng.logNormal(-(ORDER_VALUE_SIGMA ** 2) / 2, ORDER_VALUE_SIGMA)));
          o.value[row] = value;
          // Net of discounts and refunds: up to 8% off the order value.
          o.net[row] = Math.round(value * (1 - 0.08 * rng.next()));
        }
        o.at.subarray(from, row).sort();
        for (let k = from; k < row; k++) o.id[k] = first + k;

        const demand = plan.expectedRevenue[i][d] / t.baseRevenue;
        PLATFORMS.forEach((p, pi) => {
          p.campaigns.forEach((_, ci) => {
            const g = ads[pi];
            g.reserve(1);
            const r = g.length++;
            const spend = Math.max(100, Math.round(t.baseRevenue * p.shareOfRevenue * (ci === 0 ? 0.6 : 0.4) * demand * rng.logNormal(0, 0.15) * 100));
            const impressions = Math.round(((spend / 100) / p.cpm) * 1000 * rng.logNormal(0, 0.1));
            const clicks = Math.min(impressions, Math.round(impressions * p.ctr * rng.logNormal(0, 0.1)));
            const conversions = Math.min(clicks, rng.poisson(clicks * CONVERSION_RATE * demand));
            const attributed = Math.round(conversions * t.averageOrderValue * 100 * rng.logNormal(0, 0.15));
            [i, start + d, i * p.campaigns.length + ci, impressions, clicks, conversions].forEach((v, k) => (g.ints[k][r] = v));
            g.floats[0][r] = spend;
            g.floats[1][r] = attributed;
            g.floats[2][r] = Math.round((attributed / spend) * 1e4);
          });
        });

        // Campaign sends on Tuesdays and Thursdays, flows on other days.
        const wd = weekday(start + d);
        const sent = Math.round(((t.baseRevenue / t.averageOrderValue) * (wd === 1 || wd === 3 ? 60 : 6)) * rng.logNormal(0, 0.1));
        const opened = rng.poisson(sent * 0.22);
        const clicked = Math.min(opened, rng.poisson(opened * 0.12));
        const placed = Math.min(clicked, rng.poisson(clicked * 0.06));
        const counts = [sent, opened, clicked, placed];
        for (let m = 0; m < 4; m++) {
          kl.reserve(1);
          const r = kl.length++;
          [i, start + d, m, counts[m]].forEach((v, k) => (kl.ints[k][r] = v));
          kl.floats[0][r] = m === 3 ? Math.round(placed * t.averageOrderValue * 100 * rng.logNormal(0, 0.1)) : 0;
        }
      }
      yield (d - dayFrom + 1) / days;
    }

    const tenantCol = (indices: Int32Array): Column => ({ name: 'tenant_id', type: 'dict', indices, dictionary: ids });
    const weatherDaily: DataTable = {
      name: 'weather_daily',
      rowCount: wRows,
      columns: [
        tenantCol(w.tenant),
        { name: 'date', type: 'date', values: w.date },
        ...['temp_c', 'precip_mm', 'temp_roll7', 'precip_roll7', 'temp_anomaly', 'precip_anomaly'].map((name, k): Column => ({ name, type: 'fixed', scale: 2, values: w.cols[k] })),
      ],
    };
    const shopify: DataTable = {
      name: 'shopify_orders',
      rowCount: n,
      columns: [
        tenantCol(o.tenant),
        { name: 'date', type: 'date', values: o.date },
        { name: 'timestamp', type: 'timestamp', values: o.at },
        { name: 'order_id', type: 'int32', values: o.id },
        { name: 'product', type: 'dict', indices: o.product, dictionary: products },
        { name: 'quantity', type: 'int32', values: o.qty },
        { name: 'order_value', type: 'fixed', scale: 2, values: o.value },
        { name: 'net_revenue', type: 'fixed', scale: 2, values: o.net },
      ],
    };
    const adTables = PLATFORMS.map((p, pi): DataTable => {
      const g = ads[pi].finish();
      return {
        name: p.table,
        rowCount: ads[pi].length,
        columns: [
          tenantCol(g.ints[0]),
          { name: 'date', type: 'date', values: g.ints[1] },
          { name: 'campaign_id', type: 'dict', indices: g.ints[2], dictionary: campaignNames[pi] },
          { name: 'platform', type: 'dict', indices: new Int32Array(ads[pi].length), dictionary: [p.platform] },
          { name: 'spend', type: 'fixed', scale: 2, values: g.floats[0] },
          { name: 'impressions', type: 'int32', values: g.ints[3] },
          { name: 'clicks', type: 'int32', values: g.ints[4] },
          { name: 'conversions', type: 'int32', values: g.ints[5] },
          { name: 'attributed_revenue', type: 'fixed', scale: 2, values: g.floats[1] },
          { name: 'roas', type: 'fixed', scale: 4, values: g.floats[2] },
        ],
      };
    });
    const k = kl.finish();
    const klaviyo: DataTable = {
      name: 'klaviyo_events',
      rowCount: kl.length,
      columns: [
        tenantCol(k.ints[0]),
        { name: 'date', type: 'date', values: k.ints[1] },
        { name: 'metric_type', type: 'dict', indices: k.ints[2], dictionary: KLAVIYO_METRICS },
        { name: 'count', type: 'int32', values: k.ints[3] },
        { name: 'revenue_attributed', type: 'fixed', scale: 2, values: k.floats[0] },
      ],
    };
    return [weatherDaily, shopify, adTables[0], adTables[1], klaviyo];
  },
};
