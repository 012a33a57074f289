import { describe, expect, it } from 'vitest';
import { generate, type GeneratedRun } from './generate';
import { ROW_FAULT_COLUMN, rowKeys } from './quality/faults';
import { corruptionPreset } from './quality/presets';
import { ScenarioError } from './scenario/errors';
import { FAULT_KINDS, type FaultSpec, type Scenario } from './scenario/schema';
import { churnFeatureStoreTemplate } from './scenario/templates/churn';
import { cellText, column, type DataTable } from './table';
import { failingSeeds, smallScenario, tableOf, TWENTY_SEEDS } from './testing';

const churn = (seed: number, faults: FaultSpec[]): Scenario => ({ ...churnFeatureStoreTemplate('small'), seed, quality: { faults } });
const suite = (seed: number, faults: FaultSpec[]): Scenario => ({ ...smallScenario(seed), quality: { faults } });
const clean = (s: Scenario): Scenario => ({ ...s, quality: { faults: [] } });

/** Every kind on the lifecycle tables, and the kinds that need timestamps or foreign keys on the suite's orders. */
const CHURN_FAULTS: FaultSpec[] = [
  { table: 'customers', kind: 'null', ratePct: 2, column: 'age' },
  { table: 'customers', kind: 'out_of_range', ratePct: 2, column: 'age' },
  { table: 'customers', kind: 'typo', ratePct: 2, column: '' },
  { table: 'customers', kind: 'duplicate_row', ratePct: 1, column: '' },
  { table: 'transactions', kind: 'negative_amount', ratePct: 2, column: 'amount' },
  { table: 'transactions', kind: 'orphan_fk', ratePct: 1, column: 'customer_id' },
  { table: 'transactions', kind: 'timezone_shift', ratePct: 1, column: '' },
  { table: 'transactions', kind: 'late_arriving', ratePct: 1, column: '' },
  { table: 'transactions', kind: 'null', ratePct: 1, column: '' },
];
const SUITE_FAULTS: FaultSpec[] = [
  { table: 'orders', kind: 'orphan_fk', ratePct: 2, column: '' },
  { table: 'orders', kind: 'timezone_shift', ratePct: 2, column: 'created_at' },
  { table: 'orders', kind: 'out_of_range', ratePct: 2, column: 'total' },
  { table: 'orders', kind: 'typo', ratePct: 2, column: 'channel' },
  { table: 'order_items', kind: 'duplicate_row', ratePct: 2, column: '' },
  { table: 'order_items', kind: 'late_arriving', ratePct: 2, column: '' },
];

interface Listed {
  table: string;
  row: number;
  key: string;
  column: string;
  kind: string;
  original: string | null;
  corrupted: string | null;
}

function listing(run: GeneratedRun): Listed[] {
  const t = tableOf(run, 'dq_faults');
  const text = (name: string, r: number) => cellText(column(t, name), r);
  return Array.from({ length: t.rowCount }, (_, r) => ({
    table: text('table_name', r)!,
    row: Number(text('row_index', r)),
    key: text('row_key', r)!,
    column: text('column_name', r)!,
    kind: text('fault_kind', r)!,
    original: text('original_value', r),
    corrupted: text('corrupted_value', r),
  }));
}

/**
 * Checks a faulty table against its clean twin and the listing: rows map back by key;
 * every cell that differs is listed with its clean and faulty text; every listed cell
 * holds the listed value; duplicates and late rows are exactly the listed ones.
 */
function audit(faulty: DataTable, cleanTable: DataTable, faults: Listed[]): string | null {
  const keyOfClean = new Map(rowKeys(cleanTable).map((k, r) => [k, r]));
  if (keyOfClean.size !== cleanTable.rowCount) return 'row keys are not unique in the clean table';
  const faultyKeys = rowKeys(faulty);
  const cells = new Map(faults.filter((f) => f.column !== ROW_FAULT_COLUMN).map((f) => [`${f.row}|${f.column}`, f]));
  const rowFaults = new Map(faults.filter((f) => f.column === ROW_FAULT_COLUMN).map((f) => [f.row, f]));
  const seen = new Set<string>();
  let lastCleanRow = -1;
  for (let p = 0; p < faulty.rowCount; p++) {
    const key = faultyKeys[p];
    const r = keyOfClean.get(key);
    const cellFault = [...faulty.columns.keys()].map((ci) => cells.get(`${p}|${faulty.columns[ci].name}`)).find(Boolean);
    if (r === undefined) return `row ${p}: key ${key} is not in the clean table`;
    const rowFault = rowFaults.get(p);
    if (seen.has(key) !== (rowFault?.kind === 'duplicate_row')) return `row ${p}: key ${key} repeated ${seen.has(key)}, listed as ${rowFault?.kind ?? 'nothing'}`;
    seen.add(key);
    if (rowFault?.kind === 'late_arriving' && rowFault.original !== String(r)) return `row ${p}: late row came from ${r}, listed ${rowFault.original}`;
    if (!rowFault) {
      if (r < lastCleanRow) return `row ${p}: out of order but not listed late`;
      lastCleanRow = r;
    }
    for (const col of faulty.columns) {
      const now = cellText(col, p);
      const was = cellText(cleanTable.columns.find((c) => c.name === col.name)!, r);
      const f = cells.get(`${p}|${col.name}`);
      if (now !== was && !f) return `row ${p} ${col.name}: "${was}" became "${now}" unlisted`;
      if (f && (now !== f.corrupted || was !== f.original || now === was)) return `row ${p} ${col.name}: listed "${f.original}"→"${f.corrupted}", data "${was}"→"${now}"`;
    }
    if (cellFault && rowFault) return `row ${p}: two faults`;
  }
  if (seen.size !== cleanTable.rowCount) return `${cleanTable.rowCount - seen.size} clean rows went missing`;
  return null;
}

function auditRun(s: Scenario): string | null {
  const run = generate(s);
  const base = generate(clean(s));
  const listed = listing(run);
  for (const t of run.tables) {
    if (t.name === 'dq_faults') continue;
    const why = audit(t, tableOf(base, t.name), listed.filter((f) => f.table === t.name));
    if (why) return `${t.name}: ${why}`;
  }
  const cleanVersions = new Set(run.clean.map((t) => t.name));
  for (const f of listed) if (!cleanVersions.has(f.table)) return `${f.table} listed but no clean version kept`;
  return listed.length > 0 ? null : 'no faults listed';
}

describe('data-quality faults (properties over 20 seeds)', () => {
  it('dq_faults matches the data exactly on the lifecycle tables: every difference is listed, every listed cell holds the listed value', () => {
    expect(failingSeeds(TWENTY_SEEDS, (seed) => auditRun(churn(seed, CHURN_FAULTS)))).toEqual([]);
  });

  it('… and on the suite tables: foreign keys, time zones, totals, channels, duplicated and late order lines', () => {
    expect(failingSeeds(TWENTY_SEEDS.slice(0, 10), (seed) => auditRun(suite(seed, SUITE_FAULTS)))).toEqual([]);
  });

  it('faults per kind recomputed from the data alone equal the listing: null and impossible ages, negative amounts, orphans, duplicates', () => {
    const bad = failingSeeds(TWENTY_SEEDS, (seed) => {
      const run = generate(churn(seed, CHURN_FAULTS));
      const listed = listing(run);
      const count = (table: string, kind: string, col?: string) => listed.filter((f) => f.table === table && f.kind === kind && (!col || f.column === col)).length;
      const customers = tableOf(run, 'customers');
      const age = column(customers, 'age');
      let nullAges = 0;
      let badAges = 0;
      for (let r = 0; r < customers.rowCount; r++) {
        const v = cellText(age, r);
        if (v === null) nullAges++;
        else if (Number(v) < 18 || Number(v) > 100) badAges++;
      }
      const ids = new Set(Array.from({ length: customers.rowCount }, (_, r) => cellText(customers.columns[0], r)));
      const dupCustomers = customers.rowCount - ids.size;
      const tx = tableOf(run, 'transactions');
      let negative = 0;
      let orphans = 0;
      for (let r = 0; r < tx.rowCount; r++) {
        const amount = cellText(column(tx, 'amount'), r);
        if (amount !== null && Number(amount) < 0) negative++;
        const c = cellText(column(tx, 'customer_id'), r);
        if (c !== null && !ids.has(c)) orphans++;
      }
      const got = [nullAges, badAges, dupCustomers, negative, orphans];
      const want = [count('customers', 'null', 'age'), count('customers', 'out_of_range'), count('customers', 'duplicate_row'), count('transactions', 'negative_amount'), count('transactions', 'orphan_fk')];
      return got.every((g, i) => g === want[i]) && want.every((w) => w > 0) ? null : `data ${got} vs listing ${want}`;
    });
    expect(bad).toEqual([]);
  });

  it("the seed's add_data_quality_issues(0.02) preset: 1% null ages, 1% impossible ages, 2% negative amounts (pooled over 20 seeds, within 4 standard errors)", () => {
    const totals = { customers: 0, tx: 0, nulls: 0, impossible: 0, negative: 0 };
    for (const seed of TWENTY_SEEDS) {
      const s0 = churn(seed, []);
      const run = generate({ ...s0, quality: { faults: corruptionPreset(s0, 2) } });
      const listed = listing(run);
      totals.customers += tableOf(run, 'customers').rowCount;
      totals.tx += tableOf(run, 'transactions').rowCount;
      totals.nulls += listed.filter((f) => f.kind === 'null').length;
      totals.impossible += listed.filter((f) => f.kind === 'out_of_range').length;
      totals.negative += listed.filter((f) => f.kind === 'negative_amount').length;
    }
    const within = (count: number, n: number, p: number) => Math.abs(count / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n);
    expect(within(totals.nulls, totals.customers, 0.01)).toBe(true);
    expect(within(totals.impossible, totals.customers, 0.01)).toBe(true);
    expect(within(totals.negative, totals.tx, 0.02)).toBe(true);
  });

  it('a fault keyed by the row: a partition of the run takes the same cell faults as the whole run', () => {
    const s = churn(7, CHURN_FAULTS.filter((f) => f.kind !== 'late_arriving' && f.kind !== 'duplicate_row'));
    const whole = listing(generate(s)).filter((f) => f.table === 'transactions');
    const halves = [0, 1].flatMap((partition) => listing(generate(s, { partitions: 2, partition })).filter((f) => f.table === 'transactions'));
    const strip = (l: Listed[]) => l.map((f) => `${f.key}|${f.column}|${f.kind}|${f.corrupted}`).sort();
    expect(strip(halves)).toEqual(strip(whole));
  });

  it('a fault that cannot apply is refused with E111, naming the fault and field', () => {
    const issues = (faults: FaultSpec[]) => {
      try {
        generate(churn(1, faults));
        return [];
      } catch (e) {
        return e instanceof ScenarioError ? e.issues.map((i) => `${i.code} ${i.field}`) : ['not a ScenarioError'];
      }
    };
    expect(issues([{ table: 'daily_metrics', kind: 'typo', ratePct: 1, column: '' }])).toEqual(['E111 quality.faults.0.kind']);
    expect(issues([{ table: 'customers', kind: 'null', ratePct: 1, column: 'agee' }])).toEqual(['E111 quality.faults.0.column']);
    expect(issues([{ table: 'transactions', kind: 'negative_amount', ratePct: 1, column: 'channel' }])).toEqual(['E111 quality.faults.0.column']);
    expect(FAULT_KINDS.length).toBe(8);
  });
});
