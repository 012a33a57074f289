import type { AliasTable } from '../../random/alias';
import type { Rng } from '../../random/rng';
import type { Inventory, Scenario } from '../../scenario/schema';
import type { DataTable } from '../../table';
import { buildOrderContext } from '../orders/orderContext';
import { locationCount } from '../../scenario/sections';

/** The channel whose orders are served from the customer's home store. */
export const STORE_CHANNEL = 'store';
/** Mean units per order line (QUANTITY_WEIGHTS in orders.ts: 80% one, 14% two, 4% three, 2% four). */
const MEAN_LINE_UNITS = 1.28;

/**
 * Where stock lives and how much each position is topped up to. Locations are numbered
 * stores first, then warehouses, then the online location; position = product × locations
 * + location. Store-channel orders are served by the customer's home store; the other
 * channels by a warehouse or the online location (by customer).
 */
export interface InventoryPlan {
  locations: number;
  stores: number;
  /** Locations serving the other channels. */
  fulfilment: number[];
  products: number;
  /** Order-up-to level per position. */
  orderUpTo: Int32Array;
  /** Expected units asked for per day per position. */
  demand: Float64Array;
  /** Day of the cycle (0..R-1) on which each position receives its delivery. */
  phase: Int32Array;
  /** The stockout share the levels were set for (what the Poisson model expects). */
  expectedStockoutPct: number;
  /** How shoppers pick products (the orders module's popularity). */
  productPick: AliasTable;
}

/** The location serving customer c's order line through a channel. */
export function locationFor(plan: InventoryPlan, customerId: number, storeChannel: boolean): number {
  if ((storeChannel && plan.stores > 0) || plan.fulfilment.length === 0) return customerId % plan.stores;
  return plan.fulfilment[customerId % plan.fulfilment.length];
}

/** `ordersContext` is the orders module's own context stream, so the popularity drawn here is the one orders used. */
export function buildInventoryPlan(s: Scenario, customers: DataTable, products: DataTable, suppliers: DataTable, ordersContext: Rng): InventoryPlan {
  const inv = s.inventory!;
  const locations = locationCount(inv);
  const fulfilment = Array.from({ length: inv.warehouses + (inv.online ? 1 : 0) }, (_, i) => inv.stores + i);
  const oc = buildOrderContext(s, customers, products, suppliers, ordersContext);
  const totalPopularity = oc.popularity.reduce((a, b) => a + b, 0);
  const storeShare = s.cohorts.reduce((sum, c) => sum + (c.share / 100) * ((c.mixes.channel[STORE_CHANNEL] ?? 0) / 100), 0);
  const unitsPerDay = s.volumes.ordersPerDay * (1 + s.orders.meanExtraItems) * MEAN_LINE_UNITS;
  const share = new Float64Array(locations);
  for (let l = 0; l < locations; l++) {
    const isStore = l < inv.stores;
    const storePart = inv.stores > 0 ? storeShare / inv.stores : 0;
    const onlinePart = fulfilment.length > 0 ? (1 - storeShare) / fulfilment.length : 0;
    share[l] = isStore ? (fulfilment.length > 0 ? storePart : 1 / inv.stores) : inv.stores > 0 ? onlinePart : 1 / fulfilment.length;
  }
  const n = products.rowCount;
  const demand = new Float64Array(n * locations);
  const phase = new Int32Array(n * locations);
  const R = inv.replenishEveryDays;
  for (let p = 0; p < n; p++) {
    const w = p < oc.popularity.length ? oc.popularity[p] / totalPopularity : 0;
    for (let l = 0; l < locations; l++) {
      demand[p * locations + l] = unitsPerDay * w * share[l];
      phase[p * locations + l] = (p * 3 + l * 5) % R;
    }
  }
  const { cover, expected } = calibrateCover(demand, inv);
  const orderUpTo = Int32Array.from(demand, (lambda) => levelFor(lambda, cover, inv));
  return { locations, stores: inv.stores, fulfilment, products: n, orderUpTo, demand, phase, expectedStockoutPct: 100 * expected, productPick: oc.productPick };
}

function levelFor(lambda: number, cover: number, inv: Inventory): number {
  return Math.max(1, Math.ceil(cover * lambda * (inv.replenishEveryDays + inv.leadTimeDays)));
}

/**
 * The cover factor c (level = ⌈c·λ·(R + L)⌉, at least 1) whose expected stockout share hits
 * the target. A delivery lands every R days and the order for it was placed L days
 * earlier for the level minus the stock then, so k days after a delivery the position is
 * out when demand over L + k days reached the level: P(Poisson(λ(L + k)) ≥ level),
 * averaged over k = 1..R and over positions. Positions with the same demand share one
 * term, so this is cheap to bisect.
 */
function calibrateCover(demand: Float64Array, inv: Inventory): { cover: number; expected: number } {
  const groups = new Map<number, number>();
  for (const d of demand) groups.set(d, (groups.get(d) ?? 0) + 1);
  const target = inv.targetStockoutPct / 100;
  const share = (cover: number) => {
    let out = 0;
    for (const [lambda, count] of groups) {
      const level = levelFor(lambda, cover, inv);
      let sum = 0;
      for (let k = 1; k <= inv.replenishEveryDays; k++) sum += poissonAtLeast(lambda * (inv.leadTimeDays + k), level);
      out += (count * sum) / inv.replenishEveryDays;
    }
    return out / demand.length;
  };
  let lo = 0.01;
  let hi = 20;
  if (share(lo) <= target) return { cover: lo, expected: share(lo) };
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (share(mid) > target) lo = mid;
    else hi = mid;
  }
  return { cover: hi, expected: share(hi) };
}

/** P(X ≥ k) for X ~ Poisson(mu); a continuity-corrected normal above mu = 400, where the sum underflows. */
export function poissonAtLeast(mu: number, k: number): number {
  if (k <= 0) return 1;
  if (mu <= 0) return 0;
  if (mu > 400) return 1 - normalCdf((k - 0.5 - mu) / Math.sqrt(mu));
  let term = Math.exp(-mu);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= mu / i;
    below += term;
    if (term < 1e-15 && i > mu) break;
  }
  return Math.max(0, 1 - below);
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
