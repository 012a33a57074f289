import { describe, expect, it } from 'vitest';
import { identityColumns, rowKeys } from '../custom/draws';
import { generate, type GeneratedRun } from '../generate';
import type { DataTable } from '../table';
import { sizedTemplate } from '../testing';
import { referencesOf, TABLE_COLUMNS, tableColumnsOf } from './tableColumns';
import { TEMPLATES } from './templates';

/** Every table of every template, once each (small runs), with the run that made it. */
function everyTable(): { run: GeneratedRun; table: DataTable }[] {
  const out: { run: GeneratedRun; table: DataTable }[] = [];
  const seen = new Set<string>();
  for (const t of TEMPLATES) {
    const run = generate(sizedTemplate(t.id, 5, 200, 500));
    for (const table of [...run.clean, ...run.tables]) {
      if (table.name === 'dq_faults' || seen.has(`${t.id}:${table.name}`)) continue;
      seen.add(`${t.id}:${table.name}`);
      out.push({ run, table });
    }
  }
  return out;
}

describe('the catalogue of built-in columns', () => {
  const tables = everyTable();

  it('names every column of every table every template makes, in order, with its stored type (with inventory’s extra columns)', () => {
    for (const { run, table } of tables) {
      expect(
        table.columns.map((c) => `${c.name}:${c.type}`),
        `${run.scenario.template}: ${table.name}`,
      ).toEqual(Object.entries(tableColumnsOf(run.scenario, table.name as keyof typeof TABLE_COLUMNS)).map(([n, type]) => `${n}:${type}`));
    }
    // Every catalogued table was seen: the catalogue holds nothing no template makes.
    expect([...new Set(tables.map((x) => x.table.name))].sort()).toEqual(Object.keys(TABLE_COLUMNS).sort());
  });

  it('each row of every table has its own key, so a custom column draws afresh for every row', () => {
    for (const { run, table } of tables) {
      const k = rowKeys(table);
      const keys = new Set(Array.from({ length: table.rowCount }, (_, r) => `${k.a[r]}:${k.b[r]}`));
      expect(keys.size, `${run.scenario.template}: ${table.name} keyed by ${identityColumns(table).join(', ')}`).toBe(table.rowCount);
    }
  });

  it('orders reach their customer and campaign, order lines their product, weather rows their tenant; ads campaigns (text ids) and the jaffle shop’s own ids reach nothing', () => {
    expect(referencesOf('orders').map((r) => r.prefix)).toEqual(['customer', 'campaign']);
    expect(referencesOf('order_items').map((r) => r.prefix)).toEqual(['product']);
    expect(referencesOf('products').map((r) => r.prefix)).toEqual(['supplier']);
    expect(referencesOf('weather_daily').map((r) => r.prefix)).toEqual(['tenant']);
    expect(referencesOf('meta_ads').map((r) => r.prefix)).toEqual(['tenant']);
    expect(referencesOf('customers')).toEqual([]);
    expect(referencesOf('orders', ['orders']).map((r) => r.prefix)).toEqual(['customer']);
    expect(referencesOf('stg_website_sessions')).toEqual([]);
    expect(referencesOf('attributions')).toEqual([]);
  });

  it('every key a table references (campaigns: when chosen) is made whenever the table is, in every template', () => {
    for (const { run, table } of tables) {
      const made = new Set([...run.clean, ...run.tables].map((t) => t.name));
      const name = table.name as keyof typeof TABLE_COLUMNS;
      for (const ref of referencesOf(name, [name])) {
        // Made in this run, or at least by the modules this table needs (it was read to make the table).
        const alone = generate({ ...run.scenario, tables: [table.name as keyof typeof TABLE_COLUMNS], quality: { faults: [] }, customColumns: [{ table: table.name as keyof typeof TABLE_COLUMNS, name: 'probe', kind: 'expression', expression: `${ref.prefix}.${ref.key}` }] });
        const probe = alone.tables.find((t) => t.name === table.name)!.columns.find((c) => c.name === 'probe');
        expect(probe, `${run.scenario.template}: ${table.name} → ${ref.table} (${made.has(ref.table) ? 'made' : 'not in the output'})`).toBeDefined();
      }
    }
  });
});
