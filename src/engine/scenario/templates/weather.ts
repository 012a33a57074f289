import { SCHEMA_VERSION, TENANT_TABLES, type Scenario, type Tenant } from '../schema';
import { baselineTemplate } from './baseline';

/** Seed 000's four tenants. Order values near $75 give the seed's order counts at these base revenues. */
export function demoTenants(): Tenant[] {
  return [
    { id: 'demo_tenant_1', category: 'Fashion', baseRevenue: 5000, tempElasticity: 0.15, precipElasticity: -0.08, latitude: 40.7, averageOrderValue: 75, products: ['Linen Shirt', 'Summer Dress', 'Denim Jacket', 'Wool Scarf', 'Sneakers'] },
    { id: 'demo_tenant_2', category: 'Outdoor', baseRevenue: 8000, tempElasticity: 0.12, precipElasticity: -0.18, latitude: 47.6, averageOrderValue: 75, products: ['Hiking Boots', 'Tent', 'Trail Backpack', 'Rain Shell', 'Camping Stove'] },
    { id: 'demo_tenant_3', category: 'Home & Garden', baseRevenue: 4500, tempElasticity: 0.1, precipElasticity: 0.06, latitude: 33.7, averageOrderValue: 75, products: ['Planter Set', 'Garden Hose', 'Throw Blanket', 'Scented Candle', 'Seed Kit'] },
    { id: 'demo_tenant_4', category: 'Beverage', baseRevenue: 3500, tempElasticity: -0.2, precipElasticity: 0.09, latitude: 25.8, averageOrderValue: 75, products: ['Cold Brew', 'Herbal Tea', 'Sparkling Water', 'Hot Cocoa', 'Lemonade'] },
  ];
}

/** Seed 000: four weather-sensitive tenants over 2024 (366 days), with their ground-truth elasticities. */
export function weatherTenantsTemplate(): Scenario {
  const s = baselineTemplate();
  return {
    ...s,
    schemaVersion: SCHEMA_VERSION,
    name: 'weather_tenants',
    template: 'weather_tenants',
    calendar: { ...s.calendar, start: '2024-01-01', days: 366 },
    tenants: demoTenants(),
    tables: [...TENANT_TABLES],
  };
}
