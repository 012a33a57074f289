import { buildTemplate } from '../src/engine/scenario/templates';
import type { Scenario } from '../src/engine/scenario/schema';

/** The baseline at one million orders: 40 days × 25,000 a day, 100,000 customers. */
export function millionOrderBaseline(): Scenario {
  const s = buildTemplate('baseline');
  return { ...s, seed: 7, calendar: { ...s.calendar, days: 40 }, volumes: { ...s.volumes, ordersPerDay: 25_000, customers: 100_000 } };
}
