import { buildTemplate } from '../src/engine/scenario/templates';
import type { Scenario } from '../src/engine/scenario/schema';

/** The six tables the plain script also writes. */
export const SPINE_TABLES = ['customers', 'suppliers', 'products', 'orders', 'order_items', 'payments'] as const;

/**
 * The baseline at one million orders: 40 days × 25,000 a day, 100,000 customers, the
 * six spine tables (`all` adds tickets, carts, returns, campaigns and metrics).
 */
export function millionOrderBaseline(all = false): Scenario {
  const s = buildTemplate('baseline');
  return {
    ...s,
    seed: 7,
    calendar: { ...s.calendar, days: 40 },
    volumes: { ...s.volumes, ordersPerDay: 25_000, customers: 100_000 },
    tables: all ? s.tables : [...SPINE_TABLES],
  };
}

/** Seed 002's development size: 2,000 products × 50 locations × 90 days. */
export function inventoryDevelopment(): Scenario {
  return { ...buildTemplate('inventory_retail'), seed: 7 };
}
