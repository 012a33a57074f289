import { AliasTable } from '../../random/alias';
import type { Rng } from '../../random/rng';
import type { Scenario } from '../../scenario/schema';
import { column, type DataTable } from '../../table';
import { mixSamplers, mixVocabulary, regionOfCity } from '../../model/customerRows';
import { activeAt, eventWindows, param, priceUplift, shapeAt, VIRAL_PRODUCT_NAME } from '../../model/events';

/** The channel a channel_launch event opens. */
export const LAUNCH_CHANNEL = 'app';

/**
 * Everything the orders module draws from, built once per run from the customers and
 * the catalog: who orders, which products, through which channel.
 */
export function buildOrderContext(scenario: Scenario, customers: DataTable, products: DataTable, suppliers: DataTable, rng: Rng) {
  const cohorts = scenario.cohorts;
  const windows = eventWindows(scenario);
  const cohortCol = column(customers, 'cohort');
  const priceCol = column(products, 'price');
  const categoryCol = column(products, 'category');
  const supplierCol = column(products, 'supplier_id');
  if (cohortCol.type !== 'dict' || priceCol.type !== 'fixed' || categoryCol.type !== 'dict' || supplierCol.type !== 'int32') throw new Error('unexpected column types');

  // Who orders: an activity weight per customer; a cohort's pull is the sum of its members'.
  const activity = new Float64Array(customers.rowCount);
  for (let i = 0; i < customers.rowCount; i++) activity[i] = rng.logNormal(0, 0.8);
  const members = cohorts.map(() => [] as number[]);
  for (let i = 0; i < customers.rowCount; i++) members[cohortCol.indices[i]].push(i);
  const cohortWeight = members.map((m) => m.reduce((s, i) => s + activity[i], 0));
  const customerPick = members.map((m) => (m.length > 0 ? new AliasTable(m.map((i) => activity[i])).mapped(m) : null));
  const migrationDraw = new Float64Array(customers.rowCount);
  for (let i = 0; i < customers.rowCount; i++) migrationDraw[i] = rng.next();

  // Which products: a popularity weight per product, and per category for campaign boosts.
  // The viral product (appended last by the catalog) sells only through its capped,
  // planned allocation: the ordinary picks cover the other products, exactly as without it.
  const viralProduct = windows.some((w) => w.event.type === 'viral_moment') ? viralProductIndex(products) : -1;
  const ordinary = viralProduct >= 0 ? products.rowCount - 1 : products.rowCount;
  const popularity = new Float64Array(ordinary);
  for (let i = 0; i < ordinary; i++) popularity[i] = rng.logNormal(0, 1.2);
  const productPick = new AliasTable(popularity);
  const categoryProducts = new Map<string, number[]>();
  for (let i = 0; i < ordinary; i++) {
    const c = categoryCol.dictionary[categoryCol.indices[i]];
    if (!categoryProducts.has(c)) categoryProducts.set(c, []);
    categoryProducts.get(c)!.push(i);
  }
  const boostPick = windows.map((w) => {
    const pool = w.event.categories.flatMap((c) => categoryProducts.get(c) ?? []);
    return pool.length > 0 && param(w.event, 'categoryBoostPct', 0) > 0 ? { pool, alias: new AliasTable(pool.map((i) => popularity[i])) } : null;
  });

  // Supply disruption: the most popular SKUs of the primary supplier (the one with most products).
  const affected = new Uint8Array(products.rowCount);
  for (const w of windows) {
    if (w.event.type !== 'supply_disruption') continue;
    const perSupplier = new Int32Array(suppliers.rowCount + 1);
    for (let i = 0; i < products.rowCount; i++) perSupplier[supplierCol.values[i]]++;
    let primary = 1;
    for (let s = 1; s <= suppliers.rowCount; s++) if (perSupplier[s] > perSupplier[primary]) primary = s;
    const own = [...Array(ordinary).keys()].filter((i) => supplierCol.values[i] === primary).sort((a, b) => popularity[b] - popularity[a] || a - b);
    for (const i of own.slice(0, param(w.event, 'affectedSkus', 35))) affected[i] = 1;
  }

  // Channels: the cohort's mix; under a channel launch, the launched channel only after it opens.
  const channelVocab = mixVocabulary(cohorts.map((c) => c.mixes.channel));
  const launch = windows.find((w) => w.event.type === 'channel_launch');
  if (launch && !channelVocab.includes(LAUNCH_CHANNEL)) channelVocab.push(LAUNCH_CHANNEL);
  const channelPick = mixSamplers(cohorts.map((c) => c.mixes.channel), channelVocab);
  const launchIndex = channelVocab.indexOf(LAUNCH_CHANNEL);
  const otherChannelPick = launch
    ? cohorts.map((c) => new AliasTable(channelVocab.map((k) => (k === LAUNCH_CHANNEL ? 0 : (c.mixes.channel[k] ?? 0) + 1e-9))))
    : channelPick;
  const paymentVocab = mixVocabulary(cohorts.map((c) => c.mixes.payment));
  const paymentPick = mixSamplers(cohorts.map((c) => c.mixes.payment), paymentVocab);

  const drifts = windows.filter((w) => w.event.type === 'segment_drift');
  // Regional variation of a seasonal campaign: the south starts school earliest, the northeast last.
  const cityCol = column(customers, 'city');
  const regionOf = Int32Array.from({ length: customers.rowCount }, (_, i) => (cityCol.type === 'dict' ? regionOfCity(cityCol.indices[i]) : 0));
  const regionalWindows = windows.filter((w) => w.event.type === 'seasonal_campaign' && param(w.event, 'regionalSpreadPct', 0) > 0);
  const regionalAt = (t: number): number[] | null => {
    // Most scenarios have no such campaign: a search (and its closure) per order was 3% of making orders.
    if (regionalWindows.length === 0) return null;
    const w = regionalWindows.find((x) => activeAt(x, t));
    if (!w) return null;
    return regionalWeights(param(w.event, 'regionalSpreadPct', 0) / 100);
  };
  // Discounts draw each cohort by its own price elasticity: elastic cohorts crowd in.
  const priced = windows.map((w) => ({ w, uplift: priceUplift(w.event, cohorts).byCohort })).filter((p) => p.uplift.some((u) => u !== 1));

  return {
    windows,
    viralProduct,
    cohortCol,
    priceCol,
    categoryCol,
    productPick,
    popularity,
    boostPick,
    affected,
    channelVocab,
    paymentVocab,
    paymentPick,

    /**
     * Cohort weights at time t. Segment drift grows one cohort's share of orders by
     * shiftPct (relative) along the event's shape: share s₀ → s₀(1 + shift), reached by
     * weighting that cohort w = s₁(1 − s₀) / (s₀(1 − s₁)).
     */
    cohortPickAt(t: number): AliasTable {
      const w = cohortWeight.map((x) => x);
      const total = w.reduce((a, b) => a + b, 0);
      for (const d of drifts) {
        if (t < d.startMs) continue;
        const progress = t >= d.endMs ? 1 : shapeAt(d, t);
        const c = param(d.event, 'cohortIndex', 0);
        if (c < 0 || c >= w.length || total <= 0) continue;
        const s0 = cohortWeight[c] / total;
        const s1 = Math.min(0.999, s0 * (1 + (param(d.event, 'shiftPct', 15) / 100) * progress));
        w[c] *= (s1 * (1 - s0)) / (s0 * (1 - s1));
      }
      for (const { w: win, uplift } of priced) {
        if (!activeAt(win, t)) continue;
        const s = shapeAt(win, t);
        for (let c = 0; c < w.length; c++) w[c] *= 1 + (win.event.intensity * uplift[c] - 1) * s;
      }
      // A sale at intensity 0 wants no orders from anyone at its peak (the plan places none
      // there): the hour keeps the cohorts' own weights rather than a table of nothing.
      if (!w.some((x) => x > 0)) return new AliasTable(cohortWeight);
      return new AliasTable(w);
    },

    /**
     * A customer of the cohort. While a campaign with regional variation runs, regions
     * respond differently: a draw is kept with its region's weight (rejection sampling),
     * so outside such a window the draws are exactly those of the plain pick.
     */
    pickCustomer(cohort: number, r: Rng, t: number): number {
      const regional = regionalAt(t);
      let c = customerPick[cohort]!.sample(r);
      if (!regional) return c;
      for (let tries = 0; tries < 8 && r.next() > regional[regionOf[c]]; tries++) c = customerPick[cohort]!.sample(r);
      return c;
    },

    /** A channel for this customer's order at time t. */
    pickChannel(customer: number, cohort: number, t: number, r: Rng): number {
      if (!launch) return channelPick[cohort].sample(r);
      if (t < launch.startMs) return otherChannelPick[cohort].sample(r);
      const e = launch.event;
      const m = param(e, 'migrationSharePct', 35) / 100;
      const c = param(e, 'cannibalizationPct', 15) / 100;
      // Migrated customers move enough orders to the app that the other channels lose c
      // of their volume while total traffic grows to the event's intensity.
      const inApp = Math.min(1, Math.max(0, (1 - (1 - c) / Math.max(e.intensity, 1e-9)) / m));
      const progress = t >= launch.endMs ? 1 : shapeAt(launch, t);
      if (migrationDraw[customer] < m * progress && r.next() < inApp) return launchIndex;
      return otherChannelPick[cohort].sample(r);
    },

    /** A product for an order line at time t: campaign categories pull harder while they run. */
    pickProduct(t: number, r: Rng): number {
      for (let i = 0; i < windows.length; i++) {
        const boost = boostPick[i];
        if (boost && activeAt(windows[i], t) && r.next() < param(windows[i].event, 'categoryBoostPct', 0) / 100) return boost.pool[boost.alias.sample(r)];
      }
      return productPick.sample(r);
    },

    /** Whether a line for product p at time t goes to the backup supplier, or must be substituted. */
    supplyAt(p: number, t: number, r: Rng): 'primary' | 'backup' | 'unavailable' {
      if (!affected[p]) return 'primary';
      for (const w of windows) {
        if (w.event.type !== 'supply_disruption' || !activeAt(w, t)) continue;
        return r.next() < param(w.event, 'backupCapacityPct', 60) / 100 ? 'backup' : 'unavailable';
      }
      return 'primary';
    },
  };
}

export type OrderContext = ReturnType<typeof buildOrderContext>;

/** The viral product: the catalog appends it, named VIRAL_PRODUCT_NAME, as the last product. */
function viralProductIndex(products: DataTable): number {
  const names = products.columns.find((c) => c.name === 'name');
  const last = products.rowCount - 1;
  if (names?.type !== 'string' || names.values[last] !== VIRAL_PRODUCT_NAME) throw new Error('the catalog has no viral product');
  return last;
}

/** Relative response by region (northeast, midwest, south, west) to a campaign with this spread, scaled to at most 1. */
export function regionalWeights(spread: number): number[] {
  const raw = [1 - spread, 1 - spread / 2, 1 + spread, 1 + spread / 2].map((x) => Math.max(0.05, x));
  const top = Math.max(...raw);
  return raw.map((x) => x / top);
}
