import { COMMERCE_TABLES, type Scenario } from '../schema';
import { baselineTemplate, generationalCohorts } from './baseline';

/**
 * Seed 002's two sizes. The large assortment spreads demand five times thinner, so its
 * shelves are restocked every three weeks (and it sells a third more a day) to keep the
 * stockout share in the 5-10% band; weekly deliveries would leave it near 3%.
 */
export const INVENTORY_SIZES = {
  development: { products: 2_000, days: 90, ordersPerDay: 1_500, replenishEveryDays: 7, leadTimeDays: 2, label: 'Development: 2,000 products × 50 locations × 90 days' },
  large: { products: 10_000, days: 730, ordersPerDay: 2_000, replenishEveryDays: 21, leadTimeDays: 3, label: 'Large: 10,000 products × 50 locations × 730 days' },
} as const;
export type InventorySize = keyof typeof INVENTORY_SIZES;

/** In-store shares per cohort (ours: the seed names no numbers); the rest of each channel mix is scaled to fit. */
const STORE_SHARE: Record<string, number> = { gen_z: 20, millennials: 25, gen_x: 35, boomers: 45 };

/**
 * Seed 002: fashion retail with 45 stores, 4 warehouses and an online location; every
 * sale needs stock, deliveries come weekly, returns go back on the shelf 1-3 days later.
 * The development size runs from October into the November-December peak. Most shelves
 * hold one to three units, so "low" is an empty shelf here (lowStockUnits 0): about 40% of
 * abandoned carts then carry the trigger, near the seed's 41.55%.
 */
export function inventoryRetailTemplate(size: InventorySize = 'development'): Scenario {
  const s = baselineTemplate();
  const cohorts = generationalCohorts().map((c) => {
    const store = STORE_SHARE[c.id] ?? 25;
    const scaled = Object.entries(c.mixes.channel).map(([k, v]) => [k, Math.round(v * (100 - store)) / 100] as const);
    const rest = 100 - store - scaled.reduce((a, [, v]) => a + v, 0);
    const channel = Object.fromEntries([...scaled.map(([k, v], i) => [k, i === 0 ? Math.round((v + rest) * 100) / 100 : v]), ['store', store]]);
    return { ...c, mixes: { ...c.mixes, channel } };
  });
  return withInventorySize(
    {
      ...s,
      name: 'inventory_retail',
      template: 'inventory_retail',
      calendar: { ...s.calendar, start: '2024-10-01' },
      volumes: { customers: 20_000, ordersPerDay: 1_500, suppliers: 40, products: 2_000 },
      cohorts,
      catalog: {
        priceSigma: 0.6,
        categories: {
          tops: { share: 24, medianPrice: 29 },
          bottoms: { share: 18, medianPrice: 45 },
          dresses: { share: 14, medianPrice: 59 },
          outerwear: { share: 10, medianPrice: 120 },
          shoes: { share: 16, medianPrice: 79 },
          accessories: { share: 18, medianPrice: 25 },
        },
      },
      inventory: {
        stores: 45,
        warehouses: 4,
        online: true,
        replenishEveryDays: 7,
        leadTimeDays: 2,
        targetStockoutPct: 9,
        lowStockUnits: 0,
        restockDaysMin: 1,
        restockDaysMax: 3,
        snapshot: 'on_change',
      },
      tables: [...COMMERCE_TABLES, 'inventory_daily', 'stockout_events'],
    },
    size,
  );
}

export function withInventorySize(s: Scenario, size: InventorySize): Scenario {
  const p = INVENTORY_SIZES[size];
  return {
    ...s,
    calendar: { ...s.calendar, days: p.days },
    volumes: { ...s.volumes, products: p.products, ordersPerDay: p.ordersPerDay },
    inventory: s.inventory && { ...s.inventory, replenishEveryDays: p.replenishEveryDays, leadTimeDays: p.leadTimeDays },
  };
}

/** The size preset the scenario is at now (choosing it would change nothing), or null. */
export function inventorySizeOf(s: Scenario): InventorySize | null {
  if (!s.inventory) return null;
  const text = JSON.stringify(s);
  return (Object.keys(INVENTORY_SIZES) as InventorySize[]).find((size) => JSON.stringify(withInventorySize(s, size)) === text) ?? null;
}
