import { buildTemplate } from './scenario/templates';
import type { Scenario } from './scenario/schema';

/** The baseline at a size that runs in milliseconds, for property tests over many seeds. */
export function smallScenario(seed: number, patch: Partial<Scenario> = {}): Scenario {
  const s = buildTemplate('baseline');
  return {
    ...s,
    seed,
    calendar: { ...s.calendar, days: 6 },
    volumes: { ...s.volumes, customers: 2_000, ordersPerDay: 400, products: 300 },
    ...patch,
  };
}
