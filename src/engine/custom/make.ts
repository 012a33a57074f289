import { ScenarioError } from '../scenario/errors';
import type { CustomColumn, DistributionColumn, MixColumn } from '../scenario/customColumns';
import type { Scenario } from '../scenario/schema';
import { columnLength, type Column, type DataTable } from '../table';
import { blockCells } from './distributions';
import { DRAW_BLOCK, drawBlocks, rowDraws, rowKeys, type RowDraws, type RowKeys } from './draws';
import { patternColumn } from './pattern';
import { RowReader, type GroupBlocks } from './reader';
import { expressionColumn } from './expressionColumn';
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
  const keys = new Map<string, RowKeys>();
  const readers = new Map<string, RowReader>();
  for (const planned of columns) {
    const table = produced.get(planned.spec.table);
    if (!table) continue;
    let reader = readers.get(table.name);
    if (!reader) readers.set(table.name, (reader = new RowReader(table, (n) => produced.get(n))));
    reader.table = table;
    const keysOf = () => {
      let k = keys.get(table.name);
      if (!k) keys.set(table.name, (k = rowKeys(table)));
      return k;
    };
    const made = makeColumn(rowDraws(scenario.seed, table, planned.spec.name, keysOf), planned, reader);
    produced.set(table.name, { ...table, columns: [...table.columns, made] });
  }
}

function makeColumn(draws: RowDraws, planned: PlannedColumn, reader: RowReader): Column {
  const { spec } = planned;
  const table = reader.table;
  // A referenced table this run does not make (checked before the run where it can be): a numbered error, never a crash.
  const missing = (name: string): never => {
    throw new ScenarioError([{ code: 'E131', field: `customColumns.${planned.index}`, message: `${spec.name}: ${name} cannot be read: this run makes no table it refers to` }]);
  };
  const groupsBy = (by: string, groups: readonly string[]) => reader.groupBlocks(by, groups) ?? missing(by);
  let column: Column;
  switch (spec.kind) {
    case 'distribution':
      column = distributionColumn(spec, draws, table.rowCount, spec.by ? groupsBy(spec.by, Object.keys(spec.groups ?? {})) : null);
      break;
    case 'mix':
      column = mixColumn(spec, draws, table.rowCount, spec.by ? groupsBy(spec.by, Object.keys(spec.groups ?? {})) : null);
      break;
    case 'words': {
      const words = wordList(spec.words);
      const indices = new Int32Array(table.rowCount);
      drawBlocks(draws, 0, table.rowCount, (u, from) => scaledIndices(u, words.length, indices, from));
      column = { name: spec.name, type: 'dict', dictionary: words, indices };
      break;
    }
    case 'pattern':
      column = patternColumn(spec.name, spec.pattern, draws, table.rowCount);
      break;
    case 'expression':
      column = expressionColumn(spec.name, planned.expression!, (name) => reader.source(name) ?? missing(name), table.rowCount, spec.decimals ?? 2);
      break;
  }
  return withNulls(column, spec, draws);
}

/** The share of rows the user asked to leave empty, drawn apart from the values (salt 1000). */
function withNulls(column: Column, spec: CustomColumn, draws: RowDraws): Column {
  const rate = (spec.nullRatePct ?? 0) / 100;
  if (rate <= 0) return column;
  const rows = columnLength(column);
  const valid = column.valid ? column.valid.slice() : new Uint8Array(rows).fill(1);
  drawBlocks(draws, 1000, rows, (u, from) => {
    for (let i = 0; i < u.length; i++) if (u[i] < rate) valid[from + i] = 0;
  });
  return { ...column, valid };
}

/** `group` fills, a block of rows at a time, each row's index of its settings among spec.groups' keys, or -1 for the defaults (null: no groups). */
function distributionColumn(spec: DistributionColumn, draws: RowDraws, rows: number, group: GroupBlocks | null): Column {
  const groups = Object.keys(spec.groups ?? {});
  const decimals = spec.family === 'poisson' || spec.family === 'bernoulli' ? 0 : (spec.decimals ?? 2);
  const shape = (params: DistributionColumn['params']) => ({ family: spec.family, params, min: spec.bounds?.min, max: spec.bounds?.max, decimals });
  // Index 0 the defaults, 1 + g group g's settings.
  const cellsOf = blockCells([shape(spec.params), ...groups.map((g) => shape({ ...spec.params, ...spec.groups![g] }))]);
  // Values written as the column keeps them (scaled by 10^decimals); one too large to write exactly is left empty.
  const values = new Float64Array(rows);
  let valid: Uint8Array | null = null;
  const groupsOf = blockGroups(group, rows);
  drawBlocks(draws, 0, rows, (u, from) => {
    const cells = values.subarray(from, from + u.length);
    cellsOf(u, groupsOf(from, u.length), cells);
    valid = emptyUnwritable(cells, from, rows, valid);
  });
  if (spec.family === 'bernoulli') return { name: spec.name, type: 'bool', values: new Uint8Array(values) };
  if (spec.family === 'poisson' && values.every((v) => v <= 2 ** 31 - 1)) return { name: spec.name, type: 'int32', values: new Int32Array(values) };
  return valid ? { name: spec.name, type: 'fixed', scale: decimals, values, valid } : { name: spec.name, type: 'fixed', scale: decimals, values };
}

/**
 * Cells no file could hold (NaN) become 0 and empty (`valid`, made on the first such cell, is
 * returned). A function of its own, not a loop in a fresh closure: each column's closure
 * started unoptimised, and its loop boxed every double it read (16 MB of garbage a million rows).
 */
function emptyUnwritable(cells: Float64Array, from: number, rows: number, valid: Uint8Array | null): Uint8Array | null {
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === cells[i]) continue;
    cells[i] = 0;
    (valid ??= new Uint8Array(rows).fill(1))[from + i] = 0;
  }
  return valid;
}

function mixColumn(spec: MixColumn, draws: RowDraws, rows: number, group: GroupBlocks | null): Column {
  const groups = Object.keys(spec.groups ?? {});
  const mixes = [spec.mix, ...groups.map((g) => spec.groups![g])];
  const dictionary = [...new Set(mixes.flatMap((m) => Object.keys(m)))];
  // Per mix, cumulative shares over the whole dictionary (an option a mix lacks has share 0).
  const cumulative = mixes.map((m) => {
    const total = Object.values(m).reduce((a, b) => a + b, 0);
    let run = 0;
    return Float64Array.from(dictionary, (k) => (run += (m[k] ?? 0) / total));
  });
  const indices = new Int32Array(rows);
  const groupsOf = blockGroups(group, rows);
  drawBlocks(draws, 0, rows, (u, from) => mixIndices(u, cumulative, groupsOf(from, u.length), indices, from));
  return { name: spec.name, type: 'dict', dictionary, indices };
}

/** Each block's groups (`count` rows from `from`) in one reused buffer; null throughout where the column has no groups. */
function blockGroups(group: GroupBlocks | null, rows: number): (from: number, count: number) => Int32Array | null {
  if (!group) return () => null;
  const buffer = new Int32Array(Math.min(rows, DRAW_BLOCK));
  return (from, count) => {
    const out = buffer.subarray(0, count);
    group(from, out);
    return out;
  };
}

// The row loops below are functions of their own, not loops in each column's fresh closure:
// see emptyUnwritable.

/** indices[from + i] = ⌊u[i] · n⌋: a uniform pick among n words. */
function scaledIndices(u: Float64Array, n: number, indices: Int32Array, from: number): void {
  for (let i = 0; i < u.length; i++) indices[from + i] = Math.floor(u[i] * n);
}

/** Each row's option: the first whose cumulative share (of the row's mix: cumulative[group[i] + 1], or [0]) passes its uniform. */
function mixIndices(u: Float64Array, cumulative: readonly Float64Array[], group: Int32Array | null, indices: Int32Array, from: number): void {
  const last = cumulative[0].length - 1;
  for (let i = 0; i < u.length; i++) {
    // Without groups, one mix for every row.
    const cum = group ? cumulative[group[i] + 1] : cumulative[0];
    const x = u[i];
    let k = 0;
    // The shares' running sums never fall, so the first option whose sum passes x is the count
    // of sums at or below it. Counted without a branch for a few options (a branch per option
    // mispredicts on random draws: 3 options, 11 -> 4 ms a million rows), scanned for many.
    if (last <= 16) for (let j = 0; j < last; j++) k += +(x >= cum[j]);
    else while (k < last && x >= cum[k]) k++;
    indices[from + i] = k;
  }
}
