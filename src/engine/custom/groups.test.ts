import { describe, expect, it } from 'vitest';
import { generate } from '../generate';
import type { CustomColumn } from '../scenario/customColumns';
import type { Scenario, TableName } from '../scenario/schema';
import { buildTemplate, TEMPLATES } from '../scenario/templates';
import { referencesOf } from '../scenario/tableColumns';
import { validateScenario } from '../scenario/validate';
import { sizedTemplate } from '../testing';
import type { Column, DataTable } from '../table';
import { groupingColumns, knownGroupValues } from './plan';

const probe = (table: string): CustomColumn => ({ table, name: 'zz_probe', kind: 'words', words: 'colour' }) as CustomColumn;

/** Every value a grouping column's cells can hold in this run: its dictionary, or false and true. */
function valuesOf(col: Column | undefined): string[] {
  if (!col) throw new Error('no such column');
  if (col.type === 'dict') return [...col.dictionary];
  if (col.type === 'bool') return ['false', 'true'];
  throw new Error(`a ${col.type} column groups nothing`);
}

/** The column `by` names for a custom column on `table`: its own, or the referenced row's. */
function groupingColumn(s: Scenario, tables: Map<string, DataTable>, table: string, by: string): Column | undefined {
  const dot = by.indexOf('.');
  const target = dot < 0 ? table : referencesOf(table as TableName, s.tables).find((r) => r.prefix === by.slice(0, dot))!.table;
  return tables.get(target)?.columns.find((c) => c.name === by.slice(dot + 1));
}

function issues(s: Scenario, columns: CustomColumn[]) {
  const v = validateScenario({ ...s, customColumns: columns });
  return v.ok ? [] : v.issues;
}

describe('group values a scenario fixes', () => {
  it('every template: where values are listed, they hold every value the run gives the grouping column (so no valid group is refused)', () => {
    let judged = 0;
    for (const { id } of TEMPLATES) {
      const s = sizedTemplate(id, 3, 200, 600);
      const tables = new Map(generate(s).tables.map((t) => [t.name, t]));
      for (const t of tables.values()) {
        if (t.name === 'dq_faults') continue;
        const withProbe: Scenario = { ...s, customColumns: [probe(t.name)] };
        for (const by of groupingColumns(withProbe, 0)) {
          const known = knownGroupValues(withProbe, t.name as TableName, by);
          if (!known) continue;
          const missing = valuesOf(groupingColumn(s, tables, t.name, by)).filter((v) => !known.includes(v));
          expect(missing, `${id} ${t.name} by ${by}`).toEqual([]);
          judged++;
        }
      }
    }
    expect(judged).toBeGreaterThan(50);
  });

  it("a tenant's category is one of the tenants' own, not the catalog's", () => {
    const s = buildTemplate('weather_tenants');
    expect(knownGroupValues(s, 'shopify_orders', 'tenant.category')).toEqual([...new Set(s.tenants.map((t) => t.category))]);
    expect(knownGroupValues(s, 'shopify_orders', 'tenant.category')).not.toContain(Object.keys(s.catalog.categories)[0]);
  });

  it("custom columns: a mix's options (its groups' too), a word list, a Bernoulli's false and true; rows' own values are not listed", () => {
    const s: Scenario = {
      ...buildTemplate('baseline'),
      customColumns: [
        { table: 'customers', name: 'tier', kind: 'mix', mix: { gold: 20, silver: 80 }, by: 'cohort', groups: { gen_z: { gold: 10, bronze: 90 } } },
        { table: 'orders', name: 'gift', kind: 'distribution', family: 'bernoulli', params: { p: 0.1 } },
        { table: 'orders', name: 'colour', kind: 'words', words: 'colour' },
      ],
    };
    expect(knownGroupValues(s, 'orders', 'customer.tier')).toEqual(['gold', 'silver', 'bronze']);
    expect(knownGroupValues(s, 'orders', 'gift')).toEqual(['false', 'true']);
    expect(knownGroupValues(s, 'orders', 'colour')).toContain('red');
    expect(knownGroupValues(s, 'orders', 'channel')).toBeNull();
    expect(knownGroupValues(s, 'orders', 'campaign.category')).toBeNull();
  });
});

describe('E136: a group no row can be in', () => {
  const s = buildTemplate('baseline');
  const spread = { table: 'orders', name: 'score', kind: 'distribution', family: 'normal', params: { mean: 50, sd: 10 } } as const;

  it('a value the grouping column never takes is named, with its values and the likely one', () => {
    const found = issues(s, [{ ...spread, by: 'customer.cohort', groups: { 'gen-z': { mean: 40 }, boomers: { mean: 60 } } }]);
    expect(found).toHaveLength(1);
    expect(found[0].code).toBe('E136');
    expect(found[0].field).toBe('customColumns.0.groups.gen-z');
    expect(found[0].message).toContain("no row has customer.cohort = 'gen-z'");
    expect(found[0].message).toContain(s.cohorts.map((c) => c.id).join(', '));
    expect(found[0].message).toContain("did you mean 'gen_z'?");
  });

  it('a mix grouped by a true/false column takes only false and true', () => {
    const withGift: CustomColumn[] = [{ table: 'orders', name: 'gift', kind: 'distribution', family: 'bernoulli', params: { p: 0.1 } }];
    const mix = (groups: Record<string, Record<string, number>>): CustomColumn => ({ table: 'orders', name: 'wrap', kind: 'mix', mix: { paper: 100 }, by: 'gift', groups });
    expect(issues(s, [...withGift, mix({ true: { paper: 50, box: 50 } })])).toEqual([]);
    expect(issues(s, [...withGift, mix({ yes: { paper: 50, box: 50 } })]).map((i) => [i.code, i.field])).toEqual([['E136', 'customColumns.1.groups.yes']]);
  });

  it('groups without a column to pick them by are an error at by; values the rows bring (a channel) are not judged', () => {
    expect(issues(s, [{ ...spread, groups: { gen_z: { mean: 40 } } }]).map((i) => [i.code, i.field])).toEqual([['E136', 'customColumns.0.by']]);
    expect(issues(s, [{ ...spread, by: 'channel', groups: { App: { mean: 40 } } }])).toEqual([]);
  });
});
