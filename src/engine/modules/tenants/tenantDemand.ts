import { derive } from '../../model/derived';
import { streamFor } from '../../random/rng';
import type { Scenario, Tenant } from '../../scenario/schema';
import { dayNumber, weekday } from '../../time';
import { dayOfYear, weatherFor } from './weather';

/** Weekends bring 10% more demand (the seed's day-of-week effect). */
export const WEEKEND_LIFT = 1.1;

/** Seasonal demand by category: peak day of year and relative amplitude. */
const SEASONS: Record<string, { peak: number; amplitude: number }> = {
  Fashion: { peak: 320, amplitude: 0.15 },
  Outdoor: { peak: 190, amplitude: 0.25 },
  'Home & Garden': { peak: 130, amplitude: 0.2 },
  Beverage: { peak: 200, amplitude: 0.15 },
};
const DEFAULT_SEASON = { peak: 190, amplitude: 0.1 };

export function seasonFactor(tenant: Tenant, doy: number): number {
  const s = SEASONS[tenant.category] ?? DEFAULT_SEASON;
  const peak = tenant.latitude >= 0 ? s.peak : (s.peak + 183) % 365;
  return 1 + s.amplitude * Math.cos((2 * Math.PI * (doy - peak)) / 365.25);
}

export interface TenantPlan {
  /** Expected revenue per tenant and day: base × season × weekday × exp(β_T·z_T + β_P·z_P). */
  expectedRevenue: Float64Array[];
  /** Orders per (day, tenant), day-major, and the first order id of each. */
  orders: Int32Array;
  firstId: Float64Array;
}

/** Daily revenue expectations and order counts for every tenant, drawn once per run. */
export function tenantPlan(scenario: Scenario): TenantPlan {
  return derive(scenario, 'tenant-plan', buildTenantPlan);
}

function buildTenantPlan(scenario: Scenario): TenantPlan {
  const weather = weatherFor(scenario);
  const days = scenario.calendar.days;
  const start = dayNumber(scenario.calendar.start);
  const tenants = scenario.tenants;
  const rng = streamFor(scenario.seed, 'tenant-plan');
  const expectedRevenue = tenants.map((t, i) => {
    const w = weather[i];
    return Float64Array.from({ length: days }, (_, d) => {
      const wd = weekday(start + d) >= 5 ? WEEKEND_LIFT : 1;
      return t.baseRevenue * seasonFactor(t, dayOfYear(start + d)) * wd * Math.exp(t.tempElasticity * w.zTemp[d] + t.precipElasticity * w.zPrecip[d]);
    });
  });
  const orders = new Int32Array(days * tenants.length);
  const firstId = new Float64Array(days * tenants.length + 1);
  firstId[0] = 1;
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < tenants.length; i++) {
      const k = d * tenants.length + i;
      orders[k] = rng.poisson(expectedRevenue[i][d] / tenants[i].averageOrderValue);
      firstId[k + 1] = firstId[k] + orders[k];
    }
  }
  return { expectedRevenue, orders, firstId };
}
