import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import { sizedTemplate } from '../testing';
import { referencesOf, TABLE_COLUMNS, tableColumnsOf } from './tableColumns';
import { TEMPLATES } from './templates';

describe('the catalogue of built-in columns', () => {
  it('names every column of every table every template makes, in order, with its stored type (with inventory’s extra columns)', () => {
    const seen = new Set<string>();
    for (const t of TEMPLATES) {
      const run = generate(sizedTemplate(t.id, 5, 200, 500));
      for (const table of run.clean.length ? [...run.clean, ...run.tables] : run.tables) {
        if (table.name === 'dq_faults') continue;
        seen.add(table.name);
        const catalogued = tableColumnsOf(run.scenario, table.name as keyof typeof TABLE_COLUMNS);
        expect(
          table.columns.map((c) => `${c.name}:${c.type}`),
          `${t.id}: ${table.name}`,
        ).toEqual(Object.entries(catalogued).map(([n, type]) => `${n}:${type}`));
      }
    }
    // Every catalogued table was seen: the catalogue holds nothing no template makes.
    expect([...seen].sort()).toEqual(Object.keys(TABLE_COLUMNS).sort());
  });

  it('orders reach their customer and campaign, order lines their product, weather rows their tenant; ads campaigns (text ids) reach nothing', () => {
    expect(referencesOf('orders').map((r) => r.prefix)).toEqual(['customer', 'campaign']);
    expect(referencesOf('order_items').map((r) => r.prefix)).toEqual(['product']);
    expect(referencesOf('products').map((r) => r.prefix)).toEqual(['supplier']);
    expect(referencesOf('weather_daily').map((r) => r.prefix)).toEqual(['tenant']);
    expect(referencesOf('meta_ads').map((r) => r.prefix)).toEqual(['tenant']);
    expect(referencesOf('customers')).toEqual([]);
  });
});
