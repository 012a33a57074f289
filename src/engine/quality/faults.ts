import { hash32, hashUnit } from '../random/hash';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { TABLE_NAMES, type FaultKind, type FaultSpec, type Scenario } from '../scenario/schema';
import type { TableName } from '../scenario/tables';
import { asciiStrings, cellText, columnLength, isNull, isTextType, takeRows, type Column, type ColumnType, type DataTable } from '../table';

/** What a kind of fault can corrupt (a column by its stored type and name; `key`: the table's first column). Row-level kinds (duplicate, late) take no column. */
const ELIGIBLE: Record<FaultKind, ((type: ColumnType, name: string, key: boolean) => boolean) | null> = {
  null: (_t, _n, key) => !key,
  out_of_range: (t, name, key) => !key && (t === 'int32' || t === 'fixed') && !name.endsWith('_id'),
  negative_amount: (t, _n, key) => !key && t === 'fixed',
  orphan_fk: (t, name, key) => !key && t === 'int32' && name.endsWith('_id'),
  typo: (t, _n, key) => !key && isTextType(t),
  timezone_shift: (t, _n, key) => !key && t === 'timestamp',
  duplicate_row: null,
  late_arriving: null,
};

/** "an out of range fault" */
const faultName = (kind: FaultKind) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind.replace(/_/g, ' ')} fault`;

/**
 * Faults that name a column the table will not have, or one that cannot take them, checked
 * before a run against the tables' built-in columns and the custom columns (`columns`: a
 * table's columns in order, by stored type). Numbered like the run's own check (E111), on the
 * fault's column field, so the editor shows them under the fault while the user types.
 */
export function faultColumnIssues(scenario: Scenario, columns: (table: TableName) => Readonly<Record<string, ColumnType>>): ScenarioIssue[] {
  return scenario.quality.faults.flatMap((f, i): ScenarioIssue[] => {
    const test = ELIGIBLE[f.kind];
    if (!test || !f.column || f.table === 'dq_faults') return [];
    const types = columns(f.table);
    const names = Object.keys(types);
    const at = names.indexOf(f.column);
    const field = `quality.faults.${i}.column`;
    if (at < 0) return [{ code: 'E111', field, message: `${f.table} has no column "${f.column}"${names.length > 0 ? ` (it has ${names.join(', ')})` : ''}` }];
    if (!test(types[f.column], f.column, at === 0)) return [{ code: 'E111', field, message: `${f.table}.${f.column} cannot take ${faultName(f.kind)}` }];
    return [];
  });
}

export const ROW_FAULT_COLUMN = '(row)';
const TZ_SHIFT_HOURS = [-8, -5, -3, 1, 2, 5, 8, 9];
/** Orphan keys start here: far above any id a run can reach. */
const ORPHAN_BASE = 2_000_000_000;

/** A fault and the scenario field it came from, for errors. */
/** A fault with the scenario field that asked for it, for error messages. */
export type FieldFault = FaultSpec & { field: string };

export interface FaultedTables {
  /** The tables as exported: faults in. */
  tables: DataTable[];
  /** The clean version of each table that took a fault, for side-by-side views. */
  clean: DataTable[];
  /** One row per injected fault; null when the scenario asks for none. */
  dqFaults: DataTable | null;
}

interface FaultRow {
  table: string;
  rowIndex: number;
  rowKey: string;
  column: string;
  kind: FaultKind;
  original: string | null;
  corrupted: string | null;
}

/**
 * Injects the scenario's faults and lists every one. Whether a row takes a fault, which
 * column and what value are drawn from a hash of (seed, table, the row's key), so a row
 * gets the same fault in a single run, a partition or an increment. A row takes at most
 * one fault. Duplicates follow their original row; late rows move to the end of the
 * batch (row_index in dq_faults is where they ended up).
 */
export function injectFaults(s: Scenario, tables: DataTable[], moduleFaults: readonly FieldFault[] = []): FaultedTables {
  // The user's faults, then those the modules' own settings declare (the jaffle shop's anomalies).
  const faults = [...s.quality.faults.map((f, i) => ({ ...f, field: `quality.faults.${i}` })), ...moduleFaults];
  if (faults.length === 0) return { tables, clean: [], dqFaults: null };
  const listed: FaultRow[] = [];
  const clean: DataTable[] = [];
  const out = tables.map((t) => {
    const specs = faults.filter((f) => f.table === t.name && f.ratePct > 0);
    if (specs.length === 0 || t.rowCount === 0) return t;
    clean.push(t);
    return faultTable(s.seed, t, specs, listed);
  });
  return { tables: out, clean, dqFaults: dqFaultsTable(listed) };
}

function faultTable(seed: number, t: DataTable, specs: FieldFault[], listed: FaultRow[]): DataTable {
  const columnsFor = specs.map((f) => eligibleColumns(t, f));
  const tableNo = TABLE_NAMES.indexOf(t.name as (typeof TABLE_NAMES)[number]);
  const keys = rowKeys(t);
  const keyOf = (r: number) => keys[r];
  // Which fault (if any) each row takes.
  const chosen = new Int32Array(t.rowCount).fill(-1);
  for (let r = 0; r < t.rowCount; r++) {
    const u = hashUnit(seed, tableNo, keyOf(r));
    let acc = 0;
    for (let j = 0; j < specs.length; j++) {
      acc += specs[j].ratePct / 100;
      if (u < acc) {
        chosen[r] = j;
        break;
      }
    }
  }

  // Row order: duplicates right after their original, late rows at the end.
  const order: number[] = [];
  const late: number[] = [];
  const at = new Int32Array(t.rowCount);
  for (let r = 0; r < t.rowCount; r++) {
    const kind = chosen[r] >= 0 ? specs[chosen[r]].kind : null;
    if (kind === 'late_arriving') {
      late.push(r);
      continue;
    }
    at[r] = order.length;
    order.push(r);
    if (kind === 'duplicate_row') order.push(r);
  }
  for (const r of late) {
    at[r] = order.length;
    order.push(r);
  }
  const reordered = order.length !== t.rowCount || late.length > 0;
  const faulty: DataTable = reordered ? takeRows(t, Int32Array.from(order)) : { ...t, columns: [...t.columns] };
  const owned = new Set<number>();
  const dictionaries = new Map<number, WordList>();
  const writable = (ci: number): Column => {
    // Reordered rows are already a copy; fixed-width ASCII is copied as strings all the same (see cloneColumn).
    if (!owned.has(ci) && (!reordered || faulty.columns[ci].type === 'ascii')) faulty.columns[ci] = cloneColumn(faulty.columns[ci]);
    owned.add(ci);
    return faulty.columns[ci];
  };

  for (let r = 0; r < t.rowCount; r++) {
    const j = chosen[r];
    if (j < 0) continue;
    const f = specs[j];
    const rowKey = keys[r];
    const h = hash32(seed, tableNo, keyOf(r), 1);
    if (f.kind === 'duplicate_row') {
      listed.push({ table: t.name, rowIndex: at[r] + 1, rowKey, column: ROW_FAULT_COLUMN, kind: f.kind, original: String(at[r]), corrupted: String(at[r] + 1) });
      continue;
    }
    if (f.kind === 'late_arriving') {
      listed.push({ table: t.name, rowIndex: at[r], rowKey, column: ROW_FAULT_COLUMN, kind: f.kind, original: String(r), corrupted: String(at[r]) });
      continue;
    }
    // A cell that is already null cannot be corrupted visibly; such a row takes no fault.
    const candidates = columnsFor[j].filter((c) => !isNull(t.columns[c], r));
    if (candidates.length === 0) continue;
    const ci = candidates[h % candidates.length];
    const col = writable(ci);
    const p = at[r];
    const original = cellText(col, p);
    if (col.type === 'dict' && !dictionaries.has(ci)) {
      const words = new WordList(col.dictionary);
      dictionaries.set(ci, words);
      Object.assign(col, { dictionary: words.list });
    }
    corrupt(col, p, f.kind, hash32(h, 2), dictionaries.get(ci));
    listed.push({ table: t.name, rowIndex: p, rowKey, column: col.name, kind: f.kind, original, corrupted: cellText(col, p) });
  }
  return faulty;
}

/** Columns that identify a row where the first column alone does not. */
const KEY_COLUMNS: Partial<Record<string, string[]>> = {
  order_items: ['order_id', 'line_no'],
  weather_daily: ['tenant_id', 'date'],
  shopify_orders: ['tenant_id', 'order_id'],
  meta_ads: ['tenant_id', 'date', 'campaign_id'],
  google_ads: ['tenant_id', 'date', 'campaign_id'],
  klaviyo_events: ['tenant_id', 'date', 'metric_type'],
};

/** The columns that name a row of the table: its first column, or a composite key. */
export function rowKeyColumns(t: DataTable): readonly string[] {
  return KEY_COLUMNS[t.name] ?? [t.columns[0].name];
}

/**
 * Each row's key as text ("1042", or "1042/3" for a composite key): what dq_faults names
 * the row by, and what its fault is drawn from.
 */
export function rowKeys(t: DataTable): string[] {
  const cols = rowKeyColumns(t).map((n) => t.columns.find((c) => c.name === n)!);
  return Array.from({ length: t.rowCount }, (_, r) => cols.map((c) => cellText(c, r) ?? '').join('/'));
}

function eligibleColumns(t: DataTable, f: FieldFault): number[] {
  const test = ELIGIBLE[f.kind];
  if (!test) return [];
  const fits = t.columns.flatMap((c, i) => (test(c.type, c.name, i === 0) ? [i] : []));
  const fail = (field: string, message: string): never => {
    const issue: ScenarioIssue = { code: 'E111', field: f.field.startsWith('quality.') ? `${f.field}.${field}` : f.field, message };
    throw new ScenarioError([issue]);
  };
  if (f.column) {
    const i = t.columns.findIndex((c) => c.name === f.column);
    if (i < 0) fail('column', `${t.name} has no column "${f.column}"`);
    if (!fits.includes(i)) fail('column', `${t.name}.${f.column} cannot take ${faultName(f.kind)}`);
    return [i];
  }
  if (fits.length === 0) fail('kind', `${t.name} has no column that can take ${faultName(f.kind)}`);
  return fits;
}

/** Writes the fault into row p of col (a column this table owns). */
function corrupt(col: Column, p: number, kind: FaultKind, h: number, words?: WordList): void {
  switch (kind) {
    case 'null':
      col.valid ??= new Uint8Array(columnLength(col)).fill(1);
      col.valid[p] = 0;
      return;
    case 'out_of_range':
      if (col.type === 'int32') {
        const v = col.values[p];
        col.values[p] = col.name === 'age' ? (h % 2 === 0 ? -1 - (h % 10) : 101 + (h % 50)) : v > 2_000_000 ? -Math.abs(v) - 1 : (Math.abs(v) + 1) * 1000;
      } else if (col.type === 'fixed') col.values[p] = (Math.abs(col.values[p]) + 10 ** col.scale) * 1000;
      return;
    case 'negative_amount':
      if (col.type === 'fixed') col.values[p] = -Math.max(Math.abs(col.values[p]), 10 ** col.scale);
      return;
    case 'orphan_fk':
      if (col.type === 'int32') col.values[p] = ORPHAN_BASE + (h % 100_000_000);
      return;
    case 'typo':
      if (col.type === 'string') {
        const values = col.values as string[];
        values[p] = typo(values[p], h, new Set([values[p]]));
      } else if (col.type === 'dict' && words) {
        col.indices[p] = words.add(typo(col.dictionary[col.indices[p]], h, words.index));
      }
      return;
    case 'timezone_shift':
      if (col.type === 'timestamp') col.values[p] += TZ_SHIFT_HOURS[h % TZ_SHIFT_HOURS.length] * 3_600_000;
      return;
    default:
      return;
  }
}

/** Swaps two neighbouring letters (or doubles one) so the text differs from every word in `taken`. */
export function typo(text: string, h: number, taken: { has(word: string): boolean }): string {
  let out = text;
  if (text.length >= 2) {
    const i = h % (text.length - 1);
    out = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
  while (taken.has(out)) out = out + (out.at(-1) ?? 'x');
  return out;
}

/** A dictionary column's own, growing copy of its words, with an index for lookups. */
class WordList {
  readonly list: string[];
  readonly index: Map<string, number>;
  constructor(words: readonly string[]) {
    this.list = [...words];
    this.index = new Map(this.list.map((w, i) => [w, i]));
  }
  add(word: string): number {
    let i = this.index.get(word);
    if (i === undefined) {
      i = this.list.push(word) - 1;
      this.index.set(word, i);
    }
    return i;
  }
}

function cloneColumn(c: Column): Column {
  const valid = c.valid?.slice();
  switch (c.type) {
    case 'dict':
      return { ...c, valid, indices: c.indices.slice() };
    case 'string':
      return { ...c, valid, values: c.values.slice() };
    case 'ascii':
      // As strings: a typo may change a value's length.
      return { name: c.name, type: 'string', valid, values: asciiStrings(c) };
    default:
      return { ...c, valid, values: c.values.slice() } as Column;
  }
}

function dqFaultsTable(rows: FaultRow[]): DataTable {
  const n = rows.length;
  const dict = (values: string[]) => {
    const dictionary = [...new Set(values)];
    const index = new Map(dictionary.map((v, i) => [v, i]));
    return { dictionary, indices: Int32Array.from(values, (v) => index.get(v)!) };
  };
  const nullable = (values: (string | null)[]): Column => ({
    name: '',
    type: 'string',
    values: values.map((v) => v ?? ''),
    valid: Uint8Array.from(values, (v) => (v === null ? 0 : 1)),
  });
  return {
    name: 'dq_faults',
    rowCount: n,
    columns: [
      { name: 'fault_id', type: 'int32', values: Int32Array.from({ length: n }, (_, i) => i + 1) },
      { name: 'table_name', type: 'dict', ...dict(rows.map((r) => r.table)) },
      { name: 'row_index', type: 'int32', values: Int32Array.from(rows, (r) => r.rowIndex) },
      { name: 'row_key', type: 'string', values: rows.map((r) => r.rowKey) },
      { name: 'column_name', type: 'dict', ...dict(rows.map((r) => r.column)) },
      { name: 'fault_kind', type: 'dict', ...dict(rows.map((r) => r.kind)) },
      { ...nullable(rows.map((r) => r.original)), name: 'original_value' },
      { ...nullable(rows.map((r) => r.corrupted)), name: 'corrupted_value' },
    ],
  };
}
