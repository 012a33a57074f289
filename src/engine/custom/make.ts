import { ScenarioError } from '../scenario/errors';
import { MAX_YEAR, MIN_YEAR } from '../scenario/fields';
import type { CustomColumn, DistributionColumn, MixColumn } from '../scenario/customColumns';
import type { Scenario, TableName } from '../scenario/schema';
import { referencesOf } from '../scenario/tableColumns';
import type { Column, DataTable } from '../table';
import { MS_PER_DAY } from '../time';
import { valueFunction } from './distributions';
import { rowDraws, type RowDraws } from './draws';
import type { Vector } from './expression';
import { planCustomColumns, type PlannedColumn } from './plan';
import { wordList } from './words';

/**
 * Adds the scenario's custom columns to the tables a run made (before data-quality faults,
 * so faults can reach them like any column). Tables are replaced, never changed in place:
 * the modules' tables may be shared with the preview and with other parts of the run.
 */
export function addCustomColumns(scenario: Scenario, produced: Map<string, DataTable>): void {
  if (!scenario.customColumns?.length) return;
  const { columns, issues } = planCustomColumns(scenario);
  if (issues.length > 0) throw new ScenarioError(issues);
  for (const planned of columns) {
    const table = produced.get(planned.spec.table);
    if (!table) continue;
    const made = makeColumn(scenario, planned, table, produced);
    produced.set(table.name, { ...table, columns: [...table.columns, made] });
  }
}

function makeColumn(scenario: Scenario, planned: PlannedColumn, table: DataTable, produced: ReadonlyMap<string, DataTable>): Column {
  const { spec } = planned;
  const draws = rowDraws(scenario.seed, table, spec.name);
  const read = (name: string) => readVector(name, table, (n) => produced.get(n))!;
  let column: Column;
  switch (spec.kind) {
    case 'distribution':
      column = distributionColumn(spec, draws, table.rowCount, spec.by ? read(spec.by) : null);
      break;
    case 'mix':
      column = mixColumn(spec, draws, table.rowCount, spec.by ? read(spec.by) : null);
      break;
    case 'words': {
      const words = wordList(spec.words);
      const u = draws.uniforms(0);
      column = { name: spec.name, type: 'dict', dictionary: words, indices: Int32Array.from(u, (x) => Math.floor(x * words.length)) };
      break;
    }
    case 'pattern':
      column = { name: spec.name, type: 'string', values: patternValues(spec.pattern, draws, table.rowCount) };
      break;
    case 'expression':
      column = vectorColumn(spec.name, planned.expression!.evaluate(read, table.rowCount), spec.decimals ?? 2);
      break;
  }
  return withNulls(column, spec, draws);
}

/** The share of rows the user asked to leave empty, drawn apart from the values (salt 1000). */
function withNulls(column: Column, spec: CustomColumn, draws: RowDraws): Column {
  const rate = (spec.nullRatePct ?? 0) / 100;
  if (rate <= 0) return column;
  const u = draws.uniforms(1000);
  const valid = column.valid ? column.valid.slice() : new Uint8Array(u.length).fill(1);
  for (let r = 0; r < u.length; r++) if (u[r] < rate) valid[r] = 0;
  return { ...column, valid };
}

/** Which parameter set each row takes: its `by` value's group, or -1 for the defaults. */
export function rowGroups(by: Vector | null, groups: readonly string[], rows: number): Int32Array {
  const out = new Int32Array(rows).fill(-1);
  if (!by) return out;
  const at = new Map(groups.map((g, i) => [g, i]));
  for (let r = 0; r < rows; r++) {
    if (!by.valid[r]) continue;
    const v = by.type === 'string' ? by.values[r] : by.type === 'boolean' ? String(by.values[r] === 1) : String(by.values[r]);
    out[r] = at.get(v) ?? -1;
  }
  return out;
}

function distributionColumn(spec: DistributionColumn, draws: RowDraws, rows: number, by: Vector | null): Column {
  const groups = Object.keys(spec.groups ?? {});
  const decimals = spec.family === 'poisson' || spec.family === 'bernoulli' ? 0 : (spec.decimals ?? 2);
  const shape = (params: DistributionColumn['params']) => valueFunction({ family: spec.family, params, min: spec.bounds?.min, max: spec.bounds?.max, decimals });
  const fallback = shape(spec.params);
  const perGroup = groups.map((g) => shape({ ...spec.params, ...spec.groups![g] }));
  const group = rowGroups(by, groups, rows);
  const u = draws.uniforms(0);
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r++) values[r] = (group[r] < 0 ? fallback : perGroup[group[r]])(u[r]);
  if (spec.family === 'bernoulli') return { name: spec.name, type: 'bool', values: Uint8Array.from(values) };
  if (spec.family === 'poisson' && values.every((v) => v <= 2 ** 31 - 1)) return { name: spec.name, type: 'int32', values: Int32Array.from(values) };
  return fixedColumn(spec.name, values, null, decimals);
}

function mixColumn(spec: MixColumn, draws: RowDraws, rows: number, by: Vector | null): Column {
  const groups = Object.keys(spec.groups ?? {});
  const mixes = [spec.mix, ...groups.map((g) => spec.groups![g])];
  const dictionary = [...new Set(mixes.flatMap((m) => Object.keys(m)))];
  // Per mix, cumulative shares over the whole dictionary (an option a mix lacks has share 0).
  const cumulative = mixes.map((m) => {
    const total = Object.values(m).reduce((a, b) => a + b, 0);
    let run = 0;
    return Float64Array.from(dictionary, (k) => (run += (m[k] ?? 0) / total));
  });
  const group = rowGroups(by, groups, rows);
  const u = draws.uniforms(0);
  const indices = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const cum = cumulative[group[r] + 1];
    let k = 0;
    while (k < cum.length - 1 && u[r] >= cum[k]) k++;
    indices[r] = k;
  }
  return { name: spec.name, type: 'dict', dictionary, indices };
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = DIGITS + LETTERS;

/** `SKU-####-??`: # a digit, ? a capital letter, * either; \ writes the next character as it is. */
export function patternValues(pattern: string, draws: RowDraws, rows: number): string[] {
  const parts: (string | string[])[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) parts.push(pattern[++i]);
    else if (ch === '#') parts.push([...DIGITS]);
    else if (ch === '?') parts.push([...LETTERS]);
    else if (ch === '*') parts.push([...ALPHANUMERIC]);
    else parts.push(ch);
  }
  const pieces = parts.map((p, salt) => {
    if (typeof p === 'string') return null;
    const u = draws.uniforms(salt);
    return (r: number) => p[Math.floor(u[r] * p.length)];
  });
  return Array.from({ length: rows }, (_, r) => parts.map((p, k) => (typeof p === 'string' ? p : pieces[k]!(r))).join(''));
}

/**
 * A column of the row, or of the row a key references ("customer.cohort"), as an expression
 * reads it; null when the referenced table is not at hand (a later part of a run holds no customers).
 */
export function readVector(name: string, table: DataTable, tableOf: (name: string) => DataTable | undefined): Vector | null {
  const dot = name.indexOf('.');
  if (dot < 0) return toVector(findColumn(table, name), table.rowCount);
  const ref = referencesOf(table.name as TableName).find((x) => x.prefix === name.slice(0, dot))!;
  const target = tableOf(ref.table);
  if (!target) return null;
  const rows = lookupRows(findColumn(table, ref.key), table.rowCount, findColumn(target, ref.key), target.rowCount);
  return gather(toVector(findColumn(target, name.slice(dot + 1)), target.rowCount), rows);
}

function findColumn(table: DataTable, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`${table.name} has no column ${name}`);
  return c;
}

/** For each row, the row of the referenced table its key names (-1 where none does). */
function lookupRows(keys: Column, rows: number, targetKeys: Column, targetRows: number): Int32Array {
  const text = (c: Column, r: number) => (c.type === 'dict' ? c.dictionary[c.indices[r]] : c.type === 'string' ? c.values[r] : c.values[r]);
  const at = new Map<string | number, number>();
  for (let r = 0; r < targetRows; r++) at.set(text(targetKeys, r), r);
  return Int32Array.from({ length: rows }, (_, r) => (keys.valid && !keys.valid[r] ? -1 : (at.get(text(keys, r)) ?? -1)));
}

function gather(v: Vector, rows: Int32Array): Vector {
  const valid = Uint8Array.from(rows, (r) => (r >= 0 ? v.valid[r] : 0));
  if (v.type === 'string') return { type: 'string', values: Array.from(rows, (r) => (r >= 0 ? v.values[r] : '')), valid };
  return { type: v.type, values: Float64Array.from(rows, (r) => (r >= 0 ? v.values[r] : 0)), valid };
}

function toVector(c: Column, rows: number): Vector {
  const valid = c.valid ?? new Uint8Array(rows).fill(1);
  switch (c.type) {
    case 'int32':
      return { type: 'number', values: Float64Array.from(c.values), valid };
    case 'fixed': {
      const scale = 10 ** c.scale;
      return { type: 'number', values: Float64Array.from(c.values, (v) => v / scale), valid };
    }
    case 'timestamp':
      return { type: 'timestamp', values: c.values, valid };
    case 'date':
      return { type: 'timestamp', values: Float64Array.from(c.values, (d) => d * MS_PER_DAY), valid };
    case 'bool':
      return { type: 'boolean', values: Float64Array.from(c.values), valid };
    case 'dict':
      return { type: 'string', values: Array.from(c.indices, (i) => c.dictionary[i]), valid };
    case 'string':
      return { type: 'string', values: c.values, valid };
  }
}

const FIRST_MS = Date.UTC(MIN_YEAR, 0, 1);
const END_MS = Date.UTC(MAX_YEAR + 1, 0, 1);

/** Largest scaled integer a fixed-point column writes exactly. */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** Numbers as fixed-point with `decimals` places; a value too large to write exactly becomes null. */
function fixedColumn(name: string, values: Float64Array, valid: Uint8Array | null, decimals: number): Column {
  const scale = 10 ** decimals;
  const out = new Float64Array(values.length);
  const ok = valid ? valid.slice() : new Uint8Array(values.length).fill(1);
  let nulls = false;
  for (let r = 0; r < values.length; r++) {
    const scaled = Math.round(values[r] * scale);
    if (ok[r] && Number.isFinite(scaled) && Math.abs(scaled) <= MAX_EXACT) out[r] = scaled === 0 ? 0 : scaled;
    else {
      ok[r] = 0;
      nulls = true;
    }
  }
  return nulls || valid ? { name, type: 'fixed', scale: decimals, values: out, valid: ok } : { name, type: 'fixed', scale: decimals, values: out };
}

/** An expression's result as a column: numbers fixed-point, text a dictionary while its words are few. */
function vectorColumn(name: string, v: Vector, decimals: number): Column {
  const anyNull = v.valid.some((x) => x === 0);
  const valid = anyNull ? v.valid : undefined;
  switch (v.type) {
    case 'number':
      return fixedColumn(name, v.values, valid ?? null, decimals);
    case 'boolean':
      return { name, type: 'bool', values: Uint8Array.from(v.values), valid };
    case 'timestamp': {
      // Times outside the calendar's years (MIN_YEAR to MAX_YEAR) are left empty: every file holds four-digit dates.
      const ok = v.valid.slice();
      const values = Float64Array.from(v.values, (t, r) => (t >= FIRST_MS && t < END_MS ? Math.round(t) : ((ok[r] = 0), 0)));
      return { name, type: 'timestamp', values, valid: ok.some((x) => x === 0) ? ok : undefined };
    }
    case 'string': {
      const words = new Map<string, number>();
      const indices = Int32Array.from(v.values, (s, r) => {
        if (!v.valid[r]) return 0;
        let i = words.get(s);
        if (i === undefined) words.set(s, (i = words.size));
        return i;
      });
      if (words.size <= 50_000) return { name, type: 'dict', dictionary: words.size ? [...words.keys()] : [''], indices, valid };
      return { name, type: 'string', values: v.values.map((s, r) => (v.valid[r] ? s : '')), valid };
    }
  }
}
